// What a draft would do to the tenant's recent sign-ins, for the save review: the last days of the
// sign-in log (capped, the cap said), the users' groups and roles, then the evaluation in a worker.
// When the log cannot be read (licence, permission), that is the answer, in words. Graph calls have no
// time limit of their own: a check still under way after CHECK_TIMEOUT_MS ends as not read in time
// (the review's Save waits on it), with a way to read again.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ImpactAnswer } from '../../domain/evaluation/impact-of-draft';
import { namesAgentUsers } from '../../domain/evaluation/conditions/users';
import { policyJson, type JsonObject } from '../../domain/json';
import { pageReaderOffThread } from '../../graph/sign-in-pages-off-thread';
import { readSignInPages, signInsUnavailable } from '../../graph/sign-ins';
import { readUserDirectory } from '../../graph/sign-in-directory';
import { lockoutGroupMembersQuery, namedLocationsQuery, policiesQuery } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import { queryKeys } from '../../session/query-keys';
import { useTenantSession, type TenantSession } from '../../session/tenant-session';
import { postImpactJob, type ImpactJob } from './impact-job';
import { pauseBetweenPages, type PageHold } from './pause-between-pages';

export const IMPACT_DAYS = 7;

/** How long the check may read and evaluate before it ends as not read in time. */
export const CHECK_TIMEOUT_MS = 20_000;

const signInWindowQuery = (tenant: TenantSession, days: number, cap: number, onProgress: (read: number) => void, pages: PageHold) =>
  queryOptions({
    queryKey: queryKeys.signInWindow(tenant, days, cap),
    queryFn: async ({ signal }) => {
      const reader = pageReaderOffThread();
      try {
        return await readSignInPages(
          tenant.client,
          {
            since: new Date(tenant.context.clock.now().getTime() - days * 86_400_000),
            cap,
            signal,
            onProgress,
            beforeNextPage: () => pages.wait(signal),
          },
          reader.read,
        );
      } finally {
        reader.close();
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

// `agentUsers` (a policy or the draft names AllAgentIdUsers) is known once the policies are read: the read waits for it.
// Users whose sign-ins say whether each is an agent user are not read for it: the log's word is their answer,
// the directory's would be the same, and both come with the same log, so it is not in the key.
const userDirectoryQuery = (
  tenant: TenantSession,
  userIds: readonly string[],
  agentUsers: boolean | undefined,
  typeLogged: Readonly<Record<string, boolean>> = {},
) =>
  queryOptions({
    queryKey: queryKeys.signInUsers(tenant, userIds, agentUsers),
    queryFn: () => readUserDirectory(tenant.client, userIds, { agentUsers, typeLogged }),
    enabled: userIds.length > 0 && agentUsers !== undefined,
    staleTime: 5 * 60_000,
  });

export type ImpactState =
  | { kind: 'reading'; read: number }
  | { kind: 'evaluating'; signIns: number }
  | { kind: 'done'; answer: ImpactAnswer; capped: boolean; cap: number; milliseconds: number }
  | { kind: 'unavailable'; why: string }
  | { kind: 'failed'; message: string }
  /** Still reading or evaluating after the time allowed: the check ends; `retry` reads again. */
  /** No progress for the time allowed: while reading the sign-ins, or while working out the impact of those read. */
  | { kind: 'timedOut'; stage: 'reading' | 'evaluating'; retry(): void };

export function useDraftImpact(
  policyId: string | null,
  draft: JsonObject | null,
  cap: number,
  timeoutMs: number = CHECK_TIMEOUT_MS,
  /** Keep the request as it is (the save re-reads the tenant's policies: the draft would be judged against itself). */
  hold = false,
  /** A save is under way: read no further page of the log until it has answered. */
  saving = false,
): ImpactState {
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  /** Each try of the check (Read again starts another); the one that ran out of time, if any. */
  const [attempt, setAttempt] = useState(0);
  const [timedOut, setTimedOut] = useState<number | null>(null);
  const [read, setRead] = useState(0);
  // While the save is under way the log's next page waits: a page of 1,000 sign-ins (megabytes to read) would
  // compete with the write the admin is waiting on. Released (the save failed), the read goes on.
  const [pages] = useState(pauseBetweenPages);
  useEffect(() => (saving ? pages.hold() : pages.release()), [saving, pages]);
  const signIns = useQuery(signInWindowQuery(tenant, IMPACT_DAYS, cap, setRead, pages));
  const userIds = useMemo(() => signIns.data?.userIds ?? [], [signIns.data]);
  const policies = useQuery(policiesQuery(tenant));
  // Held, the check keeps what it had when Save was pressed: the request made by then (answered or not), or, the
  // sign-ins still being read, the tenant's policies as they were, so a request made later while held judges the
  // draft against those and never against the policy the save has just written. Released, it follows the tenant again.
  const [held, setHeld] = useState<{ request: ImpactJob | null; policies: typeof policies.data } | null>(null);
  const judgedAgainst = held ? held.policies : policies.data;
  // Whether the users must be read as agent users or not: asked of the policies the draft is judged against.
  const agentUsers = judgedAgainst ? namesAgentUsers([draft, ...judgedAgainst]) : undefined;
  const users = useQuery(userDirectoryQuery(tenant, userIds, agentUsers, signIns.data?.typeLogged));
  const locations = useQuery(namedLocationsQuery(tenant));
  const [settings] = useEmergencyAccess(tenant.account.tenantId);
  const [mfaTrustedIps] = useMfaTrustedIps(tenant.account.tenantId);
  const members = useQuery(lockoutGroupMembersQuery(tenant, settings.groups));
  const [result, setResult] = useState<{ request: ImpactJob; state: ImpactState } | null>(null);

  const liveRequest = useMemo((): ImpactJob | null => {
    if (!draft || !signIns.data || !judgedAgainst || !locations.data || (userIds.length > 0 && !users.data && !users.error)) return null;
    return {
      tenantId: tenant.account.tenantId,
      signInLog: { pages: signIns.data.pages, count: signIns.data.count },
      users: users.data ?? Object.fromEntries(userIds.map((id) => [id, null])),
      policies: judgedAgainst.map(policyJson),
      policyId,
      draft,
      namedLocations: locations.data,
      ...(mfaTrustedIps && { mfaTrustedIps }),
      emergencyAccountIds: [...settings.users.map((u) => u.id), ...(members.data ?? []).map((m) => m.user.id)],
      signedInUserId: tenant.account.objectId,
    };
  }, [
    draft,
    signIns.data,
    judgedAgainst,
    locations.data,
    users.data,
    users.error,
    userIds,
    tenant,
    policyId,
    settings.users,
    members.data,
    mfaTrustedIps,
  ]);

  if (hold && held === null) setHeld({ request: liveRequest, policies: policies.data });
  if (!hold && held !== null) setHeld(null);
  const request = held?.request ?? liveRequest;

  useEffect(() => {
    if (!request) return;
    const worker = new Worker(new URL('./impact.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ ok: true; answer: ImpactAnswer; milliseconds: number } | { ok: false; message: string }>) => {
      const data = event.data;
      setResult({
        request,
        state: data.ok
          ? { kind: 'done', answer: data.answer, capped: signIns.data?.capped ?? false, cap, milliseconds: data.milliseconds }
          : { kind: 'failed', message: data.message },
      });
      worker.terminate();
    };
    worker.onerror = (event) => {
      setResult({ request, state: { kind: 'failed', message: event.message || 'The evaluation stopped.' } });
      worker.terminate();
    };
    let ended = false;
    void postImpactJob(worker, request, () => ended);
    return () => {
      ended = true;
      worker.terminate();
    };
    // A new attempt evaluates again (an evaluation that never answered is ended).
  }, [request, cap, signIns.data?.capped, attempt]);

  const state = checkState();
  const busy = state.kind === 'reading' || state.kind === 'evaluating';
  // The time allowed runs from the last progress: each page of sign-ins read starts it again (a large
  // tenant's 20 pages are slow, not hung), as does the start of the evaluation.
  const progress = state.kind === 'reading' ? state.read : -1;
  useEffect(() => {
    // While saving, the read waits on the save, not on Graph: that is no time lost.
    if (!busy || saving) return;
    const timer = setTimeout(() => {
      setTimedOut(attempt);
      // A read that hangs is stopped: Read again starts it anew rather than joining it.
      void queryClient.cancelQueries({ queryKey: queryKeys.signInWindow(tenant, IMPACT_DAYS, cap) });
    }, timeoutMs);
    return () => clearTimeout(timer);
  }, [busy, saving, progress, attempt, timeoutMs, queryClient, tenant, cap]);
  // An answer that came after all is no longer out of time: a later read starts with time of its own.
  if (!busy && timedOut !== null) setTimedOut(null);

  if (busy && timedOut === attempt)
    return {
      kind: 'timedOut',
      stage: state.kind === 'reading' ? 'reading' : 'evaluating',
      retry: () => {
        setAttempt((n) => n + 1);
        for (const query of [signIns, users, policies, locations, members]) if (!query.data && query.isEnabled) void query.refetch();
      },
    };
  return state;

  function checkState(): ImpactState {
    if (signIns.error) {
      const why = signInsUnavailable(signIns.error);
      return why ? { kind: 'unavailable', why } : { kind: 'failed', message: signIns.error.message };
    }
    // Without the tenant's policies or named locations nothing can be evaluated: that ends the check
    // (the review's Save waits on it), as a failure to say, not a wait that never ends.
    const unread =
      !policies.data && policies.error
        ? { what: 'policies', error: policies.error }
        : !locations.data && locations.error
          ? { what: 'named locations', error: locations.error }
          : null;
    if (unread) return { kind: 'failed', message: `the tenant's ${unread.what} could not be read (${unread.error.message}).` };
    // Said after the reasons above, which stand whatever the save did.
    if (held && !held.request && !held.policies)
      return {
        kind: 'failed',
        message: "the save began before the tenant's policies were read, and those read since may already hold this draft.",
      };
    if (!signIns.data) return { kind: 'reading', read };
    if (result && result.request === request) return result.state;
    return { kind: 'evaluating', signIns: signIns.data.count };
  }
}
