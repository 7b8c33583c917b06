// Every query of the console's policy screens, as queryOptions factories: a screen asks for
// `useQuery(policiesQuery(tenant))` and never writes a key (keys: src/session/query-keys.ts).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Principal } from '../domain/lockout';
import { collectReferences, type References } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { AUDIT_RETENTION_DAYS, listConditionalAccessEvents } from '../graph/audit';
import { listDeletedNamedLocations, listDeletedPolicies } from '../graph/deleted-items';
import { readGroupUsers, readMembership } from '../graph/directory';
import { resolveNames, startLookup, type EarlyLookup } from '../graph/names';
import { getPolicy, listPolicies, listTemplates } from '../graph/policies';
import { findDirectoryMatches, readTargetForPlan } from '../graph/target-directory';
import { readSecurityDefaults } from '../graph/security-defaults';
import { listNamedLocations } from '../graph/what-if';
import type { ReferenceEntry } from '../domain/bundle/bundle';
import { listedReferencesStore, rememberListedReferences } from '../session/listed-references-store';
import { whenIdle } from '../shared/idle';
import { queryKeys } from '../session/query-keys';
import { joinableRead } from '../session/user-started-session';
import type { TenantSession } from '../session/tenant-session';

/** How long names stay fresh: directory names change seldom, and a list's visit reads them again after. */
const NAMES_STALE_MS = 5 * 60_000;

/**
 * Every policy of the tenant. With `names`, the screen that shows them asks for their names: on a
 * returning visit those its last list referred to while the list is on its way, and what the list
 * adds the moment it arrives (on a first visit, all of them then: one $batch, started before the
 * list is drawn). Screens that read the list for another purpose do not pay for names they never show.
 */
export const policiesQuery = (tenant: TenantSession, options: { names?: boolean } = {}) =>
  queryOptions({
    queryKey: queryKeys.policyList(tenant),
    // A read the admin then waits on (fetchNow) joins this one once Graph has it.
    queryFn: joinableRead(async ({ signal, client }) => {
      // The names' token is fetched while the list is on its way, not after it arrives.
      const token = options.names ? tenant.client.startToken() : undefined;
      const listing = listPolicies(tenant.client, signal);
      const earlier = options.names ? listedReferencesStore.read(tenant.account.tenantId) : null;
      // Not when those names are still fresh in the cache (back on the list within minutes).
      const cached = earlier && client.getQueryState(queryKeys.namesOf(tenant, earlier.fingerprint));
      const fresh = cached?.status === 'success' && Date.now() - cached.dataUpdatedAt < NAMES_STALE_MS;
      // Stopped with the query, or when the list fails: names of a list that will not come are not read.
      // (Linked by hand: AbortSignal.any is missing from browsers older than 2024.)
      const noList = new AbortController();
      signal.addEventListener('abort', () => noList.abort(), { once: true });
      const early = earlier && !fresh ? startLookup(tenant.client, earlier.refs, token, noList.signal) : undefined;
      const policies = await listing.catch((error: unknown) => {
        noList.abort();
        throw error;
      });
      if (options.names) {
        // A first visit (no names kept on the device nor read in this page) asked for nothing early:
        // its lookup leaves now, before the names' cache key (a digest of every id, ~15 ms at the
        // service's limit) is computed. A list read again finds its names by that key.
        // (A screen waiting for its list holds a names query without ids and without data: not a read.)
        const read = client.getQueryCache().findAll({
          queryKey: queryKeys.names(tenant),
          predicate: (q) => q.state.dataUpdatedAt > 0 || q.state.fetchStatus === 'fetching',
        });
        const first = !earlier && read.length === 0;
        const lookup = early ?? (first ? startLookup(tenant.client, referencesOf(policies), token) : undefined);
        handOff.set(policies, { token, early: lookup });
        const prefetch = () =>
          void client.prefetchQuery(namesQuery(tenant, policies)).then(() =>
            // Kept for the next visit once the names are drawn, not on their way.
            whenIdle(
              () =>
                rememberListedReferences(tenant.account.tenantId, { fingerprint: fingerprintOf(policies), refs: referencesOf(policies) }),
              { timeout: 5000, fallbackMs: 1000 },
            ),
          );
        // The first visit's request leaves a few awaits later (its token): the key waits for the next
        // task (a names query made before then takes the same lookup).
        if (first && !early) setTimeout(prefetch, 0);
        else prefetch();
      }
      return policies;
    }),
  });

export const policyQuery = (tenant: TenantSession, id: string, fromList?: ConditionalAccessPolicy[]) =>
  queryOptions({
    queryKey: queryKeys.policy(tenant, id),
    queryFn: joinableRead(({ signal }) => getPolicy(tenant.client, id, signal)),
    // Opening a policy from the list shows it at once; the fresh read replaces it.
    placeholderData: fromList?.find((p) => p.id === id),
  });

// The ids of a set of policies, and those as a key: computed once per array (a screen renders many
// times with the same list; at 195 policies there are thousands of ids to collect and sort).
const referencesOfList = new WeakMap<readonly ConditionalAccessPolicy[], References>();
function referencesOf(policies: readonly ConditionalAccessPolicy[]): References {
  let refs = referencesOfList.get(policies);
  if (refs === undefined) {
    refs = collectReferences(policies);
    referencesOfList.set(policies, refs);
  }
  return refs;
}
// The key holds a digest of the ids, not the ids: at 195 policies they are ~180 kB of text, which
// TanStack Query would serialise again each time a screen asks for the names. The digest does not
// depend on the ids' order, so it is computed as they are, without sorting or joining them: the
// names' request waits for it.
const fingerprints = new WeakMap<readonly ConditionalAccessPolicy[], string>();
function fingerprintOf(policies: readonly ConditionalAccessPolicy[] | undefined): string {
  if (!policies) return '';
  let fingerprint = fingerprints.get(policies);
  if (fingerprint === undefined) {
    fingerprint = digestOfSets(Object.values(referencesOf(policies)));
    fingerprints.set(policies, fingerprint);
  }
  return fingerprint;
}

/**
 * 64 bits for sets of strings, the same in any order: each string is hashed twice (with its set's
 * place) and the hashes are added, with the count of strings. A cache key, not a secret.
 */
function digestOfSets(sets: readonly Set<string>[]): string {
  let sumA = 0;
  let sumB = 0;
  let count = 0;
  sets.forEach((set, place) => {
    for (const text of set) {
      let a = 0x811c9dc5 ^ place;
      let b = 0x9e3779b9 ^ (text.length + place * 0x10000);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
      sumA = (sumA + a) | 0;
      sumB = (sumB + Math.imul(b ^ (b >>> 13), 0x85ebca6b)) | 0;
      count++;
    }
  });
  return `${(sumA >>> 0).toString(36)}.${(sumB >>> 0).toString(36)}.${count}`;
}

/**
 * What the list's query started for its policies' names: a token fetched while the list was on
 * its way, and a lookup (of the last visit's references, or of the list's as it arrived). The
 * first names query of that list takes them, once: a later read (names invalidated by a write, or
 * stale) asks Graph afresh rather than being answered by that lookup again.
 */
const handOff = new WeakMap<readonly ConditionalAccessPolicy[], { token?: Promise<string>; early?: EarlyLookup }>();
function takeHandOff(policies: readonly ConditionalAccessPolicy[]) {
  const started = handOff.get(policies);
  handOff.delete(policies);
  return started;
}

/** Names for every id in these policies: resolved after the policies arrive, never blocking them. */
export const namesQuery = (tenant: TenantSession, policies: readonly ConditionalAccessPolicy[] | undefined) => {
  const fingerprint = fingerprintOf(policies);
  return queryOptions({
    queryKey: queryKeys.namesOf(tenant, fingerprint),
    queryFn: () =>
      resolveNames(tenant.client, policies ?? [], {
        ...(policies ? { refs: referencesOf(policies), ...takeHandOff(policies) } : {}),
      }),
    enabled: !!policies,
    staleTime: NAMES_STALE_MS,
  });
};

export const useNames = (tenant: TenantSession, policies: readonly ConditionalAccessPolicy[] | undefined) =>
  useQuery(namesQuery(tenant, policies));

/**
 * Every Conditional Access event the audit log still holds: read once and shared by a policy's
 * history, the deleted items (who deleted what) and the watched policies, which filter it.
 */
export const recentAuditQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.recentAudit(tenant),
    queryFn: ({ signal }) =>
      listConditionalAccessEvents(tenant.client, { since: new Date(Date.now() - AUDIT_RETENTION_DAYS * 86_400_000) }, signal),
    staleTime: 60_000,
    // A missing permission or licence is an answer, not a blip: said at once, not retried.
    retry: false,
  });

/** The audit log between two days (yyyy-mm-dd, both included). */
export const auditWindowQuery = (tenant: TenantSession, from: string, to: string) => {
  const since = new Date(`${from}T00:00:00`);
  const until = new Date(`${to}T23:59:59.999`);
  const valid = !Number.isNaN(since.getTime()) && !Number.isNaN(until.getTime()) && since <= until;
  return queryOptions({
    queryKey: queryKeys.auditWindow(tenant, from, to),
    queryFn: ({ signal }) => listConditionalAccessEvents(tenant.client, { since, until }, signal),
    enabled: valid,
    retry: false,
  });
};

/** Versions of one policy kept on this device. */
export const localHistoryQuery = (tenant: TenantSession, itemId: string) =>
  queryOptions({
    queryKey: queryKeys.localHistoryOf(tenant, itemId),
    queryFn: () => tenant.context.versions.list(tenant.context.scope, itemId),
  });

/** Every version kept on this device for the tenant. */
export const tenantLocalHistoryQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.localHistoryAll(tenant),
    queryFn: () => tenant.context.versions.listScope(tenant.context.scope),
  });

export const deletedPoliciesQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.deletedPolicies(tenant),
    queryFn: ({ signal }) => listDeletedPolicies(tenant.client, signal),
  });

export const deletedLocationsQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.deletedLocations(tenant),
    queryFn: ({ signal }) => listDeletedNamedLocations(tenant.client, signal),
  });

/** Microsoft's policy templates: the same for every tenant and session. */
export const templatesQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.templates(tenant),
    queryFn: ({ signal }) => listTemplates(tenant.client, signal),
    staleTime: Infinity,
  });

/** What each of these users and groups belongs to; one that cannot be read stays unknown (the guard is then cautious). */
export const lockoutMembershipsQuery = (tenant: TenantSession, principals: { kind: 'users' | 'groups'; id: string }[]) =>
  queryOptions({
    queryKey: queryKeys.lockoutMemberships(tenant, principals.map((p) => `${p.kind}:${p.id}`).sort()),
    queryFn: async ({ signal }) => {
      const read = await Promise.allSettled(
        principals.map(async (p) => [p.id, await readMembership(tenant.client, p.kind, p.id, signal)] as const),
      );
      return new Map(read.filter((r) => r.status === 'fulfilled').map((r) => r.value));
    },
    enabled: principals.length > 0,
    staleTime: 5 * 60_000,
  });

/** The accounts in these groups (a group that cannot be read adds none). */
export const lockoutGroupMembersQuery = (tenant: TenantSession, groups: Principal[]) =>
  queryOptions({
    queryKey: queryKeys.lockoutGroupMembers(tenant, groups.map((g) => g.id).sort()),
    queryFn: async ({ signal }) => {
      const read = await Promise.allSettled(
        groups.map(async (group) => (await readGroupUsers(tenant.client, group.id, signal)).map((user) => ({ user, group }))),
      );
      return read.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    },
    enabled: groups.length > 0,
    staleTime: 5 * 60_000,
  });

/** The tenant an import is planned against, read fresh for each plan (a stale target would plan the wrong writes). */
export const planTargetQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.planTargetObjects(tenant),
    queryFn: () => readTargetForPlan(tenant.client),
    staleTime: 0,
  });

/** What the target has for each of an import's references (the same id, or a match by sign-in name, name or appId). */
export const directoryMatchesQuery = (tenant: TenantSession, refs: readonly ReferenceEntry[]) =>
  queryOptions({
    queryKey: queryKeys.planTargetMatches(
      tenant,
      refs.map((r) => `${r.kind}:${r.id}:${r.userPrincipalName ?? ''}:${r.mail ?? ''}`).join('|'),
    ),
    queryFn: () => findDirectoryMatches(tenant.client, refs),
    staleTime: 60_000,
  });

/** Whether security defaults are on: then no policy can be turned on until they are off. */
export const securityDefaultsQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.securityDefaults(tenant),
    queryFn: ({ signal }) => readSecurityDefaults(tenant.client, signal),
    staleTime: 5 * 60_000,
  });

/** The tenant's named locations as the evaluation engine reads them (ranges, countries, trusted). */
export const namedLocationsQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.namedLocations(tenant),
    queryFn: ({ signal }) => listNamedLocations(tenant.client, signal),
    staleTime: 5 * 60_000,
  });
