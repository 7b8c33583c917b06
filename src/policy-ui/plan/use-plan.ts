// The plan for an import against the signed-in tenant, made again on every choice: the target read
// fresh (its policies and the objects they use), what it has for each reference, and the lock-out
// guard with this tenant's emergency accounts (Settings) and the admin signed in here. An import of
// more policies than a tenant holds takes a moment to plan: it is planned after the page has drawn
// that it is planning, so the admin sees progress (and the warning about its size) instead of a frozen page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { SERVICE_POLICY_LIMIT } from '../../domain/plan/limits';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { countUsersFound, type UsersFound } from '../../domain/plan/users-found';
import type { Plan, PlanChoices, PlanTarget } from '../../domain/plan/types';
import type { PlanRequest } from './plan.worker';
import { directoryMatchesQuery, planTargetQuery } from '../queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';
import { personName } from '../../auth';

export function usePlan(source: ImportSet, choices: PlanChoices) {
  const tenant = useTenantSession();
  const target = useQuery(planTargetQuery(tenant));
  const policies = useMemo(() => sourcePolicies(source), [source]);
  const refs = useMemo(() => referencesToLookUp(source, policies, choices.domains), [source, policies, choices.domains]);
  const matches = useQuery(directoryMatchesQuery(tenant, refs));
  const queryClient = useQueryClient();
  const [emergency] = useEmergencyAccess(tenant.account.tenantId);
  const { objectId, name, tenantId } = tenant.account;
  // Counted up by a retry after the plan could not be made: new inputs, the same tenant read, planned again.
  const [attempt, setAttempt] = useState(0);
  // Only a read made since this plan opened, or one still fresh: the cache may hold the tenant as it was
  // before the last run's writes (refetched on mount, not yet answered), and a plan made from it offers
  // writes the tenant would refuse as changed since, or skips what it thinks is already in place.
  const [openedAt] = useState(() => Date.now());
  const targetData = usable(target, openedAt);
  const matchesData = usable(matches, openedAt);
  const inputs = useMemo((): PlanInputs | null => {
    if (!targetData || !matchesData) return null;
    const admin = { id: objectId, name: personName({ name }) };
    return { target: { tenantId, ...targetData, directory: matchesData, guard: { admin, emergency } }, choices, attempt };
  }, [targetData, matchesData, choices, objectId, name, tenantId, emergency, attempt]);
  const large = policies.length > SERVICE_POLICY_LIMIT;
  const inWorker = large && typeof Worker === 'function';
  const planned = useAfterPaint(inputs, large && !inWorker);
  const here = useMemo((): { plan: Plan | null; error: Error | null } => {
    if (inWorker || !planned) return { plan: null, error: null };
    // A planner that throws is a failure to plan, said as such, not a page that breaks.
    try {
      return { plan: buildPlan(source, planned.target, planned.choices), error: null };
    } catch (error) {
      return { plan: null, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [inWorker, source, planned]);
  const away = usePlanInWorker(source, inWorker ? inputs : null);
  const plan = inWorker ? (away?.plan ?? null) : here.plan;
  const planError = inWorker ? (away?.inputs === inputs ? away.error : null) : planned === inputs ? here.error : null;
  // A read that failed while its data stays (a failed "Find users again" of the domains already in use) is no failure
  // to read: the plan made from that data stays, and the lookup says its own failure.
  const readError = (targetData ? null : target.error) ?? (matchesData ? null : matches.error);
  return {
    plan,
    policies,
    loading: !readError && (!targetData || !matchesData),
    /** A large import's plan is being made (again, after a choice): the plan shown, if any, is the one before it. */
    planning: inputs !== null && (inWorker ? away?.inputs !== inputs : planned !== inputs),
    /** The tenant (or the objects the import refers to) could not be read. */
    error: readError,
    /** The tenant was read, and the plan could not be made from it (a fault of the planner): the error says why. */
    planError: readError ? null : planError,
    /**
     * Reads the directory for a new domain map before the choice is made: the plan before stays on screen while
     * it is read (a choice made first would be a query not yet read, the review's place taken by its spinner).
     * Answers how many of the users the chosen policies name are found (and how many of them more than once); a failed
     * read throws, and nothing changed. Every policy's references are read, as the plan reads them: choosing a policy
     * later needs no read of its own. The saved mapping's domain map is read through it too.
     */
    lookUpUsers: async (domains: PlanChoices['domains']): Promise<UsersFound> => {
      const asked = referencesToLookUp(source, policies, domains);
      // Read now, never the cached answer still within its staleTime: "looked up again" means the directory was read.
      const answers = await queryClient.fetchQuery({ ...directoryMatchesQuery(tenant, asked), staleTime: 0 });
      return countUsersFound(source, { selection: choices.selection, domains }, answers);
    },
    /** After a failed read, reads again; after a failed plan, plans again from what was read. */
    retry: () => {
      if (!readError && planError) setAttempt((n) => n + 1);
      else void Promise.all([target.refetch(), matches.refetch()]);
    },
  };
}

/** A query's data when it was read since `since` or is not stale (a cached read still within its staleTime); else undefined. */
function usable<T>(query: { data: T | undefined; isStale: boolean; dataUpdatedAt: number }, since: number): T | undefined {
  return query.data !== undefined && (!query.isStale || query.dataUpdatedAt >= since) ? query.data : undefined;
}

interface PlanInputs {
  target: PlanTarget;
  choices: PlanChoices;
  /** Which try this is: a retry asks again for the same target and choices. */
  attempt: number;
}

/**
 * The plan made in a worker, for the inputs it was asked for: the page keeps answering (and showing the plan
 * before) while it is made, and an answer for inputs since replaced is never shown. One worker per import,
 * which keeps it: a choice sends only what changed.
 */
function usePlanInWorker(source: ImportSet, inputs: PlanInputs | null) {
  const [made, setMade] = useState<{ inputs: PlanInputs; plan: Plan | null; error: Error | null } | null>(null);
  const worker = useRef<Worker | null>(null);
  // The latest question: an answer to an earlier one was made for choices since replaced, and is dropped.
  const asked = useRef<{ id: number; inputs: PlanInputs } | null>(null);
  const on = inputs !== null;
  // A retry starts a fresh worker: one that failed to load or stopped answers nothing more.
  const attempt = inputs?.attempt ?? 0;
  useEffect(() => {
    if (!on) return;
    const started = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    const answered = (id: number | null, next: (before: Plan | null) => { plan: Plan | null; error: Error | null }) => {
      const latest = asked.current;
      if (!latest || (id !== null && id !== latest.id)) return;
      setMade((before) => ({ inputs: latest.inputs, ...next(before?.plan ?? null) }));
    };
    started.onmessage = (event: MessageEvent<{ id: number; ok: true; plan: Plan } | { id: number; ok: false; message: string }>) => {
      const answer = event.data;
      answered(answer.id, (before) =>
        answer.ok ? { plan: answer.plan, error: null } : { plan: before, error: new Error(answer.message) },
      );
    };
    started.onerror = (event) => answered(null, (before) => ({ plan: before, error: new Error(event.message || 'The planner stopped.') }));
    started.postMessage({ kind: 'source', source } satisfies PlanRequest);
    worker.current = started;
    return () => {
      started.terminate();
      worker.current = null;
    };
  }, [source, on, attempt]);
  // After the effect above (declared first): a new import's worker exists before its first question.
  useEffect(() => {
    if (!worker.current || !inputs) return;
    const id = (asked.current?.id ?? 0) + 1;
    asked.current = { id, inputs };
    worker.current.postMessage({ kind: 'plan', id, target: inputs.target, choices: inputs.choices } satisfies PlanRequest);
  }, [source, inputs]);
  return made;
}

/** The value once the browser has drawn a frame since it changed (when `hold`), else at once. */
function useAfterPaint<T>(value: T, hold: boolean): T | null {
  const [painted, setPainted] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (!hold) return;
    // A frame, then a task: the spinner or "updating" line is on screen before the long work starts.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted({ value }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, hold]);
  return hold ? (painted?.value ?? null) : value;
}
