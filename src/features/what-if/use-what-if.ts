// The three answers to one scenario: Graph's evaluate on the saved policies, the console's engine
// on the saved policies, and the engine with a draft in place of its policy. What the engine needs
// besides the scenario (the user's groups and roles, the named locations, names for its reasons) is
// read here; Graph's answer is read only when the scenario is run, never while it is typed.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { evaluatePolicies, type SignInEvaluation } from '../../domain/evaluation/evaluate-policies';
import {
  evaluateRequest,
  evaluateVersion,
  graphCanEvaluate,
  scenarioFacts,
  withAgentUserMark,
  type Scenario,
} from '../../domain/evaluation/scenario';
import type { NameLookup } from '../../domain/evaluation/sign-in';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import type { JsonObject } from '../../domain/json';
import { nameKey, type NameKind } from '../../domain/references';
import { evaluateWhatIf, readApplicationOwner, readSignInSubject, readWorkload } from '../../graph/what-if';
import { namedLocationsQuery, policiesQuery, useNames } from '../../policy-ui/queries';
import { useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import { queryKeys } from '../../session/query-keys';
import type { TenantSession } from '../../session/tenant-session';
import { isolatedText } from '../../shared/ui/isolated-text';

const KINDS: NameKind[] = ['user', 'group', 'role', 'application', 'servicePrincipal', 'namedLocation', 'authenticationContext'];

export const signInSubjectQuery = (tenant: TenantSession, userId: string | null) =>
  queryOptions({
    queryKey: queryKeys.signInSubject(tenant, userId ?? ''),
    queryFn: ({ signal }) => readSignInSubject(tenant.client, userId!, signal),
    enabled: !!userId,
    staleTime: 60_000,
  });

export const applicationOwnerQuery = (tenant: TenantSession, appId: string | null) =>
  queryOptions({
    queryKey: queryKeys.applicationOwner(tenant, appId ?? ''),
    queryFn: ({ signal }) => readApplicationOwner(tenant.client, appId!, signal),
    enabled: !!appId,
    staleTime: 5 * 60_000,
  });

export const workloadQuery = (tenant: TenantSession, servicePrincipalId: string | null) =>
  queryOptions({
    queryKey: queryKeys.workload(tenant, servicePrincipalId ?? ''),
    queryFn: ({ signal }) => readWorkload(tenant.client, servicePrincipalId!, tenant.account.tenantId, signal),
    enabled: !!servicePrincipalId,
    staleTime: 5 * 60_000,
  });

export const graphWhatIfQuery = (tenant: TenantSession, request: { body: JsonObject; version: 'v1.0' | 'beta' } | null) =>
  queryOptions({
    queryKey: queryKeys.graphWhatIf(tenant, request ? `${request.version} ${canonicalJson(request.body)}` : ''),
    queryFn: ({ signal }) => evaluateWhatIf(tenant.client, request!.body, request!.version, signal),
    enabled: !!request,
    staleTime: 60_000,
    retry: false,
  });

/** A draft to evaluate: the policy it replaces (none for a new one) and its JSON. */
export interface DraftChoice {
  policyId: string | null;
  policy: JsonObject;
  label: string;
}

export interface WhatIfAnswers {
  graph: ReturnType<typeof useQuery<Awaited<ReturnType<typeof evaluateWhatIf>>>>;
  graphUnavailable: string | null;
  saved: SignInEvaluation | null;
  draft: SignInEvaluation | null;
  /** Still reading what the engine needs. */
  preparing: boolean;
  /** Why the engine could not run, in words. */
  engineError: string | null;
  /** Asks again what failed (what the engine needs, Graph's answer): failures are kept, not retried by themselves. */
  askAgainWhatFailed(): void;
}

export function useWhatIf(tenant: TenantSession, scenario: Scenario | null, draft: DraftChoice | null): WhatIfAnswers {
  const policies = useQuery(policiesQuery(tenant));
  const locations = useQuery(namedLocationsQuery(tenant));
  const userId = scenario?.identity.kind === 'user' ? scenario.identity.id : null;
  const subject = useQuery(signInSubjectQuery(tenant, userId));
  const workloadId = scenario?.identity.kind === 'servicePrincipal' ? scenario.identity.id : null;
  const workload = useQuery(workloadQuery(tenant, workloadId));
  const appId = scenario?.target.kind === 'application' ? scenario.target.appId : null;
  // Unknown owner only makes app-group conditions indeterminate: not waited for if it fails.
  const owner = useQuery(applicationOwnerQuery(tenant, appId));
  const names = useNames(tenant, policies.data);
  const [mfaTrustedIps] = useMfaTrustedIps(tenant.account.tenantId);
  // A user is evaluated as the directory says it is (an agent user or not), whatever mark a scenario saved before
  // agent users were marked carries: Graph is asked once the directory has answered (usually read when the user
  // was picked), so which evaluate, and with which risks, is settled before the one request is sent.
  const said = subject.data?.agentUser;
  const evaluated = useMemo(
    () => (scenario && userId && said !== undefined ? withAgentUserMark(scenario, userId, said) : scenario),
    [scenario, userId, said],
  );
  const typeSettled = !userId || said !== undefined || !!subject.error;
  const can = evaluated ? graphCanEvaluate(evaluated) : null;
  const request = useMemo(
    () => (evaluated && can?.ok && typeSettled ? { body: evaluateRequest(evaluated), version: evaluateVersion(evaluated) } : null),
    [evaluated, can?.ok, typeSettled],
  );
  const graph = useQuery(graphWhatIfQuery(tenant, request));

  const lookup = useMemo<NameLookup | undefined>(() => {
    const known = names.data?.names;
    if (!known) return undefined;
    return (id: string) => {
      for (const kind of KINDS) {
        const found = known.get(nameKey(kind, id));
        // Set among the reasons' words: isolated, so a name holding U+202E cannot turn them around.
        if (found && !found.missing) return isolatedText(found.displayName);
      }
      return undefined;
    };
  }, [names.data]);

  const ready =
    !!scenario &&
    !!policies.data &&
    !!locations.data &&
    (!userId || !!subject.data) &&
    // Without them, whether the workload identity is this tenant's own is not known: that is no answer to give.
    (!workloadId || !!workload.data) &&
    (!appId || owner.data !== undefined || !!owner.error);
  const evaluations = useMemo(() => {
    if (!ready || !evaluated) return { saved: null, draft: null };
    const facts = scenarioFacts(evaluated, {
      ...subject.data,
      ...(owner.data && { applicationOwnerTenantId: owner.data }),
      ...(workload.data && { workload: workload.data }),
    });
    const context = { namedLocations: locations.data, names: lookup, ...(mfaTrustedIps && { mfaTrustedIps }) };
    const saved = evaluatePolicies(policies.data!, facts, context);
    if (!draft) return { saved, draft: null };
    const others = policies.data!.filter((p) => p.id !== draft.policyId);
    return { saved, draft: evaluatePolicies([...others, { ...draft.policy, id: draft.policyId ?? 'draft' }], facts, context) };
  }, [ready, evaluated, subject.data, owner.data, workload.data, locations.data, lookup, policies.data, draft, mfaTrustedIps]);

  // What failed, named: the admin learns which read to look into.
  const unread = (
    [
      [policies.error, 'The policies'],
      [locations.error, 'The named locations'],
      [userId && subject.error, 'The user’s groups and roles'],
      [workloadId && workload.error, 'The workload identity’s details'],
    ] as const
  ).find(([error]) => !!error);
  return {
    graph,
    graphUnavailable: can && !can.ok ? can.why : null,
    ...evaluations,
    preparing: !!scenario && !ready && !unread,
    engineError: unread ? `${unread[1]} could not be read: ${unread[0] instanceof Error ? unread[0].message : String(unread[0])}` : null,
    askAgainWhatFailed: () => {
      // A read already asked again (a failed read is asked again when a run first shows it) is joined, not restarted.
      for (const query of [policies, locations, subject, workload, owner, graph])
        if (query.isError) void query.refetch({ cancelRefetch: false });
    },
  };
}
