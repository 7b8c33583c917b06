// Every write of the policy screens, as a mutation. What each write can change is declared once,
// in REFRESHES, and refreshed when its last step is done, whatever the outcome: a write that failed
// may still have changed something. A policy the write read back is put in the cache as read, so it
// is neither read a second time nor shown stale (a restore in report-only shows Report-only at once).
import { useIsMutating, useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applyJournal, applyPlan, type ApplyRun } from '../operations/apply-plan';
import { bulkJournal, runBulk, type BulkRun } from '../operations/bulk-run';
import { bulkStep } from '../operations/bulk-steps';
import { createPolicySafely, type CreateOptions } from '../operations/create-policy';
import { deletePolicyKeepingVersion } from '../operations/delete-policy';
import {
  purgeNamedLocationSafely,
  purgePolicySafely,
  restoreNamedLocationSafely,
  setPolicyStateSafely,
} from '../operations/restore-deleted';
import { graphPlanWriters } from '../operations/plan-writers';
import { restorePolicy, type RestoreRequest } from '../operations/restore-policy';
import { revertNamedLocation, type LocationRevertRequest } from '../operations/revert-named-location';
import { savePolicy } from '../operations/save-policy';
import { settle } from '../operations/settle';
import { queryKeys } from '../session/query-keys';
import { reportRetryWait, useRetryWait } from '../session/retry-waits';
import { useTenantSession, type TenantSession } from '../session/tenant-session';
import { userStartedSession } from '../session/user-started-session';

type Area = 'policies' | 'policyList' | 'whatIf' | 'deletedPolicies' | 'namedLocations' | 'history' | 'planTarget';

const AREAS: Record<Area, (tenant: TenantSession) => QueryKey[]> = {
  policies: (t) => [queryKeys.policies(t)],
  policyList: (t) => [queryKeys.policyList(t)],
  // Graph evaluated the scenario against the policies as they were: any policy written makes it stale.
  whatIf: (t) => [queryKeys.graphWhatIfAll(t)],
  deletedPolicies: (t) => [queryKeys.deletedPolicies(t)],
  // Names and the location picker show named locations too.
  namedLocations: (t) => [queryKeys.namedLocations(t), queryKeys.deletedLocations(t), queryKeys.names(t), queryKeys.directorySearch(t)],
  history: (t) => [queryKeys.audit(t), queryKeys.localHistory(t)],
  planTarget: (t) => [queryKeys.planTarget(t)],
};

/** What each write can change besides the policies it read back. */
const REFRESHES = {
  save: ['whatIf', 'history'],
  create: ['policyList', 'whatIf', 'history'],
  delete: ['policyList', 'whatIf', 'deletedPolicies', 'history'],
  restore: ['whatIf', 'deletedPolicies', 'namedLocations', 'history'],
  setState: ['whatIf', 'history'],
  // A purge (of a policy or a location) removes what was already deleted: nothing What if evaluated changes.
  purge: ['deletedPolicies', 'history'],
  // Graph's What if matched the scenario's IP or country against the locations as they were.
  restoreLocation: ['namedLocations', 'whatIf', 'history'],
  purgeLocation: ['namedLocations', 'history'],
  revertLocation: ['namedLocations', 'whatIf', 'history'],
  bulk: ['policies', 'deletedPolicies', 'history'],
  // A bulk run's own location steps: a kind of their own, so a location restored on its own is not taken for the run.
  bulkLocation: ['namedLocations', 'whatIf', 'history'],
  // A plan writes policies (restored ones too), named locations, strengths, contexts and groups: everything is read again.
  apply: ['policies', 'deletedPolicies', 'namedLocations', 'history', 'planTarget'],
} satisfies Record<string, Area[]>;

type WriteKind = keyof typeof REFRESHES;

/**
 * Runs over many items keep their place in the pacer's queue. Every other write goes ahead of the screens' queued
 * reads, as the admin waits on it; a run, first at each of its turns, would hold those reads back until it ended.
 */
const RUNS = new Set<WriteKind>(['bulk', 'bulkLocation', 'apply']);

async function refresh(queryClient: QueryClient, tenant: TenantSession, kind: WriteKind, failed: boolean) {
  // After a failure the policies may or may not have changed: read them again.
  const areas = new Set<Area>([...REFRESHES[kind], ...(failed ? (['policies'] as const) : [])]);
  await Promise.all([...areas].flatMap((area) => AREAS[area](tenant)).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** The policy as the tenant now holds it, in its own cache entry and in the list. */
function put(queryClient: QueryClient, tenant: TenantSession, policy: ConditionalAccessPolicy) {
  queryClient.setQueryData(queryKeys.policy(tenant, policy.id!), policy);
  queryClient.setQueryData<ConditionalAccessPolicy[]>(
    queryKeys.policyList(tenant),
    (list) => list && (list.some((p) => p.id === policy.id) ? list.map((p) => (p.id === policy.id ? policy : p)) : [...list, policy]),
    listReadAt(queryClient, tenant),
  );
}

function forget(queryClient: QueryClient, tenant: TenantSession, id: string) {
  queryClient.removeQueries({ queryKey: queryKeys.policy(tenant, id) });
  queryClient.setQueryData<ConditionalAccessPolicy[]>(
    queryKeys.policyList(tenant),
    (list) => list?.filter((p) => p.id !== id),
    listReadAt(queryClient, tenant),
  );
}

// One policy written into the list leaves the others as they were read: the list keeps the time it was read
// from Graph (the policies page says "Read at" that time, and the list is stale from it).
const listReadAt = (queryClient: QueryClient, tenant: TenantSession) => {
  const updatedAt = queryClient.getQueryState(queryKeys.policyList(tenant))?.dataUpdatedAt;
  return updatedAt ? { updatedAt } : undefined;
};

function useWrite<Vars, Result>(
  kind: WriteKind,
  write: (tenant: TenantSession, vars: Vars) => Promise<Result>,
  readBack?: (result: Result, vars: Vars) => { put?: ConditionalAccessPolicy[]; forget?: string[] },
) {
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: queryKeys.write(tenant, kind),
    mutationFn: (vars: Vars) => write(RUNS.has(kind) ? tenant : userStartedSession(tenant), vars),
    onSuccess: (result, vars) => {
      const seen = readBack?.(result, vars);
      seen?.put?.forEach((policy) => put(queryClient, tenant, policy));
      seen?.forget?.forEach((id) => forget(queryClient, tenant, id));
    },
    // What it changed is marked stale at once; the screen does not wait for the lists to be read
    // again before it says how the write went.
    onSettled: (_result, error) => void refresh(queryClient, tenant, kind, !!error),
  });
}

/**
 * Whether a write of one of these kinds is still under way, whoever started it: a page left during a run
 * and opened again finds its run finishing the write it had begun, and must neither offer to resume it
 * nor show it as stopped until that write has answered.
 */
function useWriteUnderWay(...kinds: WriteKind[]): boolean {
  const tenant = useTenantSession();
  const keys = kinds.map((kind) => JSON.stringify(queryKeys.write(tenant, kind)));
  return useIsMutating({ predicate: (mutation) => keys.includes(JSON.stringify(mutation.options.mutationKey)) }) > 0;
}

/**
 * A run this page started before it was left, still finishing the write it had begun (`ownRun`: whether the
 * run shown is this page's own, under way now). While it finishes the page shows it stopping, with no Resume;
 * once it has answered, `settled` reads the journal again.
 */
export function useRunFinishingElsewhere(ownRun: boolean, settled: () => void, ...kinds: WriteKind[]): boolean {
  const finishing = useWriteUnderWay(...kinds) && !ownRun;
  const [was, setWas] = useState(finishing);
  // Derived while rendering, as React advises for a change of props: no effect, no render with stale words.
  if (was !== finishing) {
    setWas(finishing);
    if (!finishing) settled();
  }
  return finishing;
}

/**
 * A draft to save; `onVersionNotKept` hears, in words, that a save whose outcome is unknown (it then fails) may have
 * replaced a version this device could not keep.
 */
interface SaveRequest {
  id: string;
  draft: JsonObject;
  baseModified: string | null;
  onVersionNotKept?: (words: string) => void;
}

/** Saves a draft: the conflict read, the PATCH, the read-back; nothing else is read. */
export const useSavePolicy = () =>
  useWrite(
    'save',
    (tenant, { id, draft, baseModified, onVersionNotKept }: SaveRequest) =>
      savePolicy(tenant.context, id, draft, baseModified, { onVersionNotKept }),
    (outcome) => ({ put: outcome.kind === 'saved' ? [outcome.policy] : outcome.kind === 'conflict' ? [outcome.current] : [] }),
  );

/** Creates a policy; `earlier` is an attempt whose outcome is unknown, looked for before anything is posted. */
export const useCreatePolicy = () =>
  useWrite(
    'create',
    (tenant, { body, ...options }: { body: JsonObject } & CreateOptions) => createPolicySafely(tenant.client, body, options),
    (outcome) => ({ put: [outcome.policy] }),
  );

/** Deletes policies (to deleted items), keeping each version on this device first. */
export const useDeletePolicies = () =>
  useWrite(
    'delete',
    async (tenant, policies: (ConditionalAccessPolicy & { id: string })[]) => {
      for (const policy of policies) await deletePolicyKeepingVersion(tenant.context, policy);
    },
    (_result, policies) => ({ forget: policies.map((p) => p.id) }),
  );

export const useRestorePolicy = () =>
  useWrite(
    'restore',
    (tenant, request: RestoreRequest) => restorePolicy(tenant.context, request),
    (outcome) => ({ put: [outcome.policy] }),
  );

export const useSetPolicyState = () =>
  useWrite(
    'setState',
    (tenant, { id, state }: { id: string; state: NonNullable<ConditionalAccessPolicy['state']> }) =>
      setPolicyStateSafely(tenant.client, id, state),
    (policy) => ({ put: [policy] }),
  );

export const usePurgePolicy = () => useWrite('purge', (tenant, id: string) => purgePolicySafely(tenant.client, id));

export const useRestoreNamedLocation = () =>
  useWrite('restoreLocation', (tenant, id: string) => restoreNamedLocationSafely(tenant.client, id));

/** Where a bulk run's waits are kept: apart from a plan run's, so that neither shows the other's on its items. */
const bulkWaitKey = (tenant: TenantSession) => `${tenant.account.key} bulk`;

/** The client of a bulk run: one item is written at a time, so a wait its requests are in is the running item's. */
const bulkClient = (tenant: TenantSession) => tenant.client.reportingWaits((wait) => reportRetryWait(bulkWaitKey(tenant), wait));

/** The wait Graph put this account's bulk run in (a 429's Retry-After, a 503), shown on the item being written. */
export const useBulkRetryWait = () => useRetryWait(bulkWaitKey(useTenantSession()));

/** A deleted named location restored as a step of a bulk run, before the policies that need it. */
export const useBulkLocationStep = () =>
  useWrite('bulkLocation', (tenant, id: string) => restoreNamedLocationSafely(bulkClient(tenant), id));

export const usePurgeNamedLocation = () => useWrite('purgeLocation', (tenant, id: string) => purgeNamedLocationSafely(tenant.client, id));

/** Reverts a named location to a version an audit event recorded: the conflict read, the PATCH, the read-back. */
export const useRevertNamedLocation = () =>
  useWrite('revertLocation', (tenant, request: LocationRevertRequest) => revertNamedLocation(tenant.context, request));

/** The journal of this account's bulk run: what a resume starts from. */
export const useBulkJournal = () => {
  const tenant = useTenantSession();
  return bulkJournal(tenant.context.journals, tenant.account.key);
};

/** Restores or purges many deleted policies, one at a time, journalled so that it can resume. */
export const useBulkRun = () =>
  useWrite('bulk', (tenant, { run, onChange, signal }: { run: BulkRun; onChange: (run: BulkRun) => void; signal: AbortSignal }) =>
    runBulk(run, bulkStep(bulkClient(tenant), run.kind, run.reportOnly), {
      journal: bulkJournal(tenant.context.journals, tenant.account.key),
      onChange,
      signal,
    }),
  );

/** The journal of this account's plan run: what a resume starts from. */
export const useApplyJournal = () => {
  const tenant = useTenantSession();
  return applyJournal(tenant.context.journals, tenant.account.key);
};

/** Applies a reviewed plan, one write at a time, journalled so that it can resume. */
export const useApplyPlan = () =>
  useWrite('apply', (tenant, { run, onChange, signal }: { run: ApplyRun; onChange: (run: ApplyRun) => void; signal: AbortSignal }) => {
    // The run writes one row at a time: a wait its requests are in is the row's being written (shown there).
    const client = tenant.client.reportingWaits((wait) => reportRetryWait(tenant.account.key, wait));
    return applyPlan(run, graphPlanWriters({ ...tenant.context, client }), {
      journal: applyJournal(tenant.context.journals, tenant.account.key),
      onChange,
      signal,
      clock: tenant.context.clock,
      // 2, 5, then 10 seconds (SETTLE_SECONDS) for a new object to become visible to the service, on the client's clock.
      settle: (attempt) => settle(client, attempt),
    });
  });
