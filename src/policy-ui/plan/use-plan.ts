// The plan for an import against the signed-in tenant, made again on every choice: the target read
// fresh (its policies and the objects they use), what it has for each reference, and the lock-out
// guard with this tenant's emergency accounts (Settings) and the admin signed in here. An import of
// more policies than a tenant holds takes a moment to plan: it is planned after the page has drawn
// that it is planning, so the admin sees progress (and the warning about its size) instead of a frozen page.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { SERVICE_POLICY_LIMIT } from '../../domain/plan/limits';
import { referencesToLookUp } from '../../domain/plan/mapping';
import type { PlanChoices, PlanTarget } from '../../domain/plan/types';
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
  const [emergency] = useEmergencyAccess(tenant.account.tenantId);
  const { objectId, name, tenantId } = tenant.account;
  const inputs = useMemo((): { target: PlanTarget; choices: PlanChoices } | null => {
    if (!target.data || !matches.data) return null;
    const admin = { id: objectId, name: personName({ name }) };
    return { target: { tenantId, ...target.data, directory: matches.data, guard: { admin, emergency } }, choices };
  }, [target.data, matches.data, choices, objectId, name, tenantId, emergency]);
  const large = policies.length > SERVICE_POLICY_LIMIT;
  const planned = useAfterPaint(inputs, large);
  const plan = useMemo(() => (planned ? buildPlan(source, planned.target, planned.choices) : null), [source, planned]);
  return {
    plan,
    policies,
    loading: target.isPending || matches.isPending,
    /** A large import's plan is being made (again, after a choice): the plan shown, if any, is the one before it. */
    planning: planned !== inputs && inputs !== null,
    error: target.error ?? matches.error,
    retry: () => void Promise.all([target.refetch(), matches.refetch()]),
  };
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
