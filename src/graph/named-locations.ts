// Named locations (beta, like policies, so that every kind and property is read as the service has it).
import type { GraphClient } from './client';

export interface NamedLocation {
  id: string;
  displayName: string;
  '@odata.type'?: string;
}

export function getNamedLocation(client: GraphClient, id: string): Promise<NamedLocation> {
  return client.get<NamedLocation>(`/beta/identity/conditionalAccess/namedLocations/${encodeURIComponent(id)}`);
}
