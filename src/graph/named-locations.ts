// Named locations (beta, like policies, so that every kind and property is read as the service has it):
// read one, create, update, and find by name after a create whose answer was lost.
import type { GraphClient } from './client';

/** What every named location has; the rest depends on its '@odata.type' (IP ranges or countries). */
export interface NamedLocation {
  id: string;
  displayName: string;
  '@odata.type'?: string;
}

const LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';

export const IP_LOCATION = '#microsoft.graph.ipNamedLocation';
export const COUNTRY_LOCATION = '#microsoft.graph.countryNamedLocation';

/**
 * What a PATCH may carry besides '@odata.type', by kind (ipnamedlocation-update, countrynamedlocation-update):
 * ids, dates and the kind itself are not written.
 */
export const WRITABLE_LOCATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [IP_LOCATION]: ['displayName', 'isTrusted', 'ipRanges'],
  [COUNTRY_LOCATION]: ['displayName', 'countriesAndRegions', 'includeUnknownCountriesAndRegions', 'countryLookupMethod'],
};

/** One location by id (404 once it is deleted). */
export function getNamedLocation(client: GraphClient, id: string): Promise<NamedLocation> {
  return client.get<NamedLocation>(`${LOCATIONS}/${encodeURIComponent(id)}`);
}

/**
 * POST: the service answers 201 with the whole location. The body must carry '@odata.type'
 * (#microsoft.graph.ipNamedLocation or #microsoft.graph.countryNamedLocation), and each IP range its own.
 * Not repeated by the client after a lost answer: use `findNamedLocationsByName` before trying again.
 */
export function createNamedLocation(
  client: GraphClient,
  body: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<NamedLocation & Record<string, unknown>> {
  return client.request(LOCATIONS, { method: 'POST', body, scopes: writeScopes });
}

/**
 * PATCH: 204 and no body. Graph refuses a patch without the location's '@odata.type', so one without
 * it is refused here, before anything is sent. Sending the same patch twice is harmless.
 */
export async function updateNamedLocation(
  client: GraphClient,
  id: string,
  patch: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<void> {
  if (typeof patch['@odata.type'] !== 'string') {
    throw new Error(`The update of named location ${id} lacks '@odata.type', which Graph requires on every named location write.`);
  }
  await client.request(`${LOCATIONS}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, scopes: writeScopes });
}

/**
 * The locations with exactly this name (trimmed, any case): "did my create in fact succeed?". Names
 * are not unique, so the caller compares content. The whole list is read (at most 195 locations,
 * one page) rather than filtered by the service, whose list page documents no displayName filter.
 */
export async function findNamedLocationsByName(
  client: GraphClient,
  displayName: string,
): Promise<(NamedLocation & Record<string, unknown>)[]> {
  const wanted = displayName.trim().toLowerCase();
  const all = await client.list<NamedLocation & Record<string, unknown>>(LOCATIONS);
  return all.filter((location) => (location.displayName ?? '').trim().toLowerCase() === wanted);
}
