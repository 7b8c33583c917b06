// Deleted Conditional Access policies (beta deletedItems): kept by the service for 30 days, then
// gone. Restore answers 200 with the policy, in the state it was deleted in; purge is final.
import type { AuditEvent } from './audit';
import type { GraphClient } from './client';
import type { ConditionalAccessPolicy, DeletedNamedLocation } from '../domain/types';

const DELETED = '/beta/identity/conditionalAccess/deletedItems/policies';
const DELETED_LOCATIONS = '/beta/identity/conditionalAccess/deletedItems/namedLocations';
export const SOFT_DELETE_DAYS = 30;

export type DeletedPolicy = ConditionalAccessPolicy & { deletedDateTime?: string | null };

export function listDeletedPolicies(client: GraphClient, signal?: AbortSignal): Promise<DeletedPolicy[]> {
  return client.list<DeletedPolicy>(DELETED, { signal });
}

/** Graph's restore page shows the policy wrapped in `value`; the service has also answered it bare. */
function unwrapRestored<T>(body: unknown): T {
  const wrapped =
    typeof body === 'object' && body !== null && 'value' in body && typeof (body as { value: unknown }).value === 'object'
      ? (body as { value: T }).value
      : null;
  return wrapped ?? (body as T);
}

export async function restoreDeletedPolicy(
  client: GraphClient,
  id: string,
  writeScopes: readonly string[],
): Promise<ConditionalAccessPolicy> {
  return unwrapRestored(await client.request(`${DELETED}/${encodeURIComponent(id)}/restore`, { method: 'POST', scopes: writeScopes }));
}

export function getDeletedPolicy(client: GraphClient, id: string, signal?: AbortSignal): Promise<DeletedPolicy> {
  return client.get<DeletedPolicy>(`${DELETED}/${encodeURIComponent(id)}`, { signal });
}

export async function purgeDeletedPolicy(client: GraphClient, id: string, writeScopes: readonly string[]): Promise<void> {
  await client.request(`${DELETED}/${encodeURIComponent(id)}`, { method: 'DELETE', scopes: writeScopes });
}

export type { DeletedNamedLocation };

export function listDeletedNamedLocations(client: GraphClient, signal?: AbortSignal): Promise<DeletedNamedLocation[]> {
  return client.list<DeletedNamedLocation>(DELETED_LOCATIONS, { signal });
}

export async function restoreDeletedNamedLocation(
  client: GraphClient,
  id: string,
  writeScopes: readonly string[],
): Promise<DeletedNamedLocation> {
  return unwrapRestored(
    await client.request(`${DELETED_LOCATIONS}/${encodeURIComponent(id)}/restore`, { method: 'POST', scopes: writeScopes }),
  );
}

export function getDeletedNamedLocation(client: GraphClient, id: string): Promise<DeletedNamedLocation> {
  return client.get<DeletedNamedLocation>(`${DELETED_LOCATIONS}/${encodeURIComponent(id)}`);
}

export async function purgeDeletedNamedLocation(client: GraphClient, id: string, writeScopes: readonly string[]): Promise<void> {
  await client.request(`${DELETED_LOCATIONS}/${encodeURIComponent(id)}`, { method: 'DELETE', scopes: writeScopes });
}

/** Days left before the service deletes it for good, counted as people count them: a policy
 * deleted exactly five days ago has 25 left; 1 means this is the last day; 0 means it is gone. */
export function daysLeft(deletedDateTime: string | null | undefined, now: Date): number {
  if (!deletedDateTime) return SOFT_DELETE_DAYS;
  const elapsed = (now.getTime() - Date.parse(deletedDateTime)) / 86_400_000;
  return Math.max(0, Math.ceil(SOFT_DELETE_DAYS - elapsed));
}

export interface DeletionRecord {
  by: string;
  at: string;
}

/** Who deleted which policy (or named location), from directory audit events, newest first. */
export function deletionsFrom(events: readonly AuditEvent[], target: 'Policy' | 'NamedLocation' = 'Policy'): Map<string, DeletionRecord> {
  const deletions = new Map<string, DeletionRecord>();
  for (const event of events) {
    // "Delete conditional access policy", "Delete named location"; not "Hard delete …".
    if (event.targetType !== target || !/^delete /i.test(event.activity) || deletions.has(event.targetId)) continue;
    deletions.set(event.targetId, { by: event.by, at: event.at });
  }
  return deletions;
}
