// The plan for an import against the signed-in tenant, made again on every choice: the target read
// fresh (its policies and the objects they use), what it has for each reference, and the lock-out
// guard with this tenant's emergency accounts (Settings) and the admin signed in here.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import type { PlanChoices } from '../../domain/plan/types';
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
  const plan = useMemo(() => {
    if (!target.data || !matches.data) return null;
    const admin = { id: objectId, name: personName({ name }) };
    return buildPlan(source, { tenantId, ...target.data, directory: matches.data, guard: { admin, emergency } }, choices);
  }, [source, target.data, matches.data, choices, objectId, name, tenantId, emergency]);
  return {
    plan,
    policies,
    loading: target.isPending || matches.isPending,
    error: target.error ?? matches.error,
    retry: () => void Promise.all([target.refetch(), matches.refetch()]),
  };
}
