// What a draft would do to the tenant's recent sign-ins, for the save review: the last days of the
// sign-in log (capped, the cap said), the users' groups and roles, then the evaluation in a worker.
// When the log cannot be read (licence, permission), that is the answer, in words.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ImpactAnswer, ImpactRequest } from '../../domain/evaluation/impact-of-draft';
import { policyJson, type JsonObject } from '../../domain/json';
import { readSignIns, signInsUnavailable } from '../../graph/sign-ins';
import { readUserDirectory } from '../../graph/sign-in-directory';
import { lockoutGroupMembersQuery, namedLocationsQuery, policiesQuery } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import { queryKeys } from '../../session/query-keys';
import { useTenantSession, type TenantSession } from '../../session/tenant-session';

export const IMPACT_DAYS = 7;

const signInWindowQuery = (tenant: TenantSession, days: number, cap: number, onProgress: (read: number) => void) =>
  queryOptions({
    queryKey: queryKeys.signInWindow(tenant, days, cap),
    queryFn: ({ signal }) =>
      readSignIns(tenant.client, { since: new Date(tenant.context.clock.now().getTime() - days * 86_400_000), cap, signal, onProgress }),
    staleTime: 5 * 60_000,
    retry: false,
  });

const userDirectoryQuery = (tenant: TenantSession, userIds: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.signInUsers(tenant, userIds),
    queryFn: () => readUserDirectory(tenant.client, userIds),
    enabled: userIds.length > 0,
    staleTime: 5 * 60_000,
  });

export type ImpactState =
  | { kind: 'reading'; read: number }
  | { kind: 'evaluating'; signIns: number }
  | { kind: 'done'; answer: ImpactAnswer; capped: boolean; cap: number; milliseconds: number }
  | { kind: 'unavailable'; why: string }
  | { kind: 'failed'; message: string };

export function useDraftImpact(policyId: string | null, draft: JsonObject | null, cap: number): ImpactState {
  const tenant = useTenantSession();
  const [read, setRead] = useState(0);
  const signIns = useQuery(signInWindowQuery(tenant, IMPACT_DAYS, cap, setRead));
  const userIds = useMemo(
    () => [...new Set((signIns.data?.signIns ?? []).flatMap((s) => (typeof s.userId === 'string' && s.userId ? [s.userId] : [])))].sort(),
    [signIns.data],
  );
  const users = useQuery(userDirectoryQuery(tenant, userIds));
  const policies = useQuery(policiesQuery(tenant));
  const locations = useQuery(namedLocationsQuery(tenant));
  const [settings] = useEmergencyAccess(tenant.account.tenantId);
  const [mfaTrustedIps] = useMfaTrustedIps(tenant.account.tenantId);
  const members = useQuery(lockoutGroupMembersQuery(tenant, settings.groups));
  const [result, setResult] = useState<{ request: ImpactRequest; state: ImpactState } | null>(null);

  const request = useMemo((): ImpactRequest | null => {
    if (!draft || !signIns.data || !policies.data || !locations.data || (userIds.length > 0 && !users.data && !users.error)) return null;
    return {
      tenantId: tenant.account.tenantId,
      signIns: signIns.data.signIns,
      users: users.data ?? Object.fromEntries(userIds.map((id) => [id, null])),
      policies: policies.data.map(policyJson),
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
    policies.data,
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
    worker.postMessage(request);
    return () => worker.terminate();
  }, [request, cap, signIns.data?.capped]);

  if (signIns.error) {
    const why = signInsUnavailable(signIns.error);
    return why ? { kind: 'unavailable', why } : { kind: 'failed', message: signIns.error.message };
  }
  if (!signIns.data) return { kind: 'reading', read };
  // Without the tenant's policies or named locations nothing can be evaluated: that ends the check
  // (the review's Save waits on it), as a failure to say, not a wait that never ends.
  const unread =
    !policies.data && policies.error
      ? { what: 'policies', error: policies.error }
      : !locations.data && locations.error
        ? { what: 'named locations', error: locations.error }
        : null;
  if (unread) return { kind: 'failed', message: `the tenant's ${unread.what} could not be read (${unread.error.message}).` };
  if (result && result.request === request) return result.state;
  return { kind: 'evaluating', signIns: signIns.data.signIns.length };
}
