// Authentication contexts (c1, c2…). Their id is a slot chosen by the admin, the same in every tenant,
// so writing one is a PATCH to that id: Graph creates it when the id is unused and updates it
// otherwise, answering 204 (v1:api/authenticationcontextclassreference-update.md). Least privileged:
// AuthenticationContext.ReadWrite.All; Policy.ReadWrite.ConditionalAccess (in WRITE_SCOPES) also serves.
import type { GraphClient } from './client';

const CONTEXTS = '/beta/identity/conditionalAccess/authenticationContextClassReferences';

/** A context as Graph returns it. */
export interface AuthenticationContext {
  id: string;
  displayName: string | null;
  description: string | null;
  isAvailable: boolean;
}

const CONTEXT_ID = /^c[1-9]\d?$/;

/**
 * Creates or updates the context `id` with `{ displayName, description, isAvailable }` (an `id` in the
 * body must agree with the one written to). Writing the same values twice is harmless, so after a lost
 * answer it can simply be sent again, or checked with `findAuthenticationContextsByName`.
 */
export async function putAuthenticationContext(
  client: GraphClient,
  id: string,
  values: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<void> {
  if (!CONTEXT_ID.test(id)) throw new Error(`'${id}' is not an authentication context id (c1 to c99).`);
  if (values.id !== undefined && values.id !== id) {
    throw new Error(`The authentication context written to ${id} says its id is ${String(values.id)}.`);
  }
  const body = Object.fromEntries(Object.entries(values).filter(([key]) => key !== 'id'));
  await client.request(`${CONTEXTS}/${encodeURIComponent(id)}`, { method: 'PATCH', body, scopes: writeScopes });
}

/** One context by its id (c1 to c99). */
export function getAuthenticationContext(client: GraphClient, id: string): Promise<AuthenticationContext> {
  return client.get<AuthenticationContext>(`${CONTEXTS}/${encodeURIComponent(id)}`);
}

/** The contexts named exactly so (trimmed, any case), from the whole list (at most 99). */
export async function findAuthenticationContextsByName(client: GraphClient, displayName: string): Promise<AuthenticationContext[]> {
  const wanted = displayName.trim().toLowerCase();
  const all = await client.list<AuthenticationContext>(CONTEXTS);
  return all.filter((context) => (context.displayName ?? '').trim().toLowerCase() === wanted);
}
