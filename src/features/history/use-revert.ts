// Reverting goes through the editor's save flow: the chosen version becomes a draft on top of the
// policy as it is now (so the review shows the diff, and the checks and lock-out guard apply).
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { toWritableBody, type JsonObject } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { policyQuery } from '../../policy-ui/queries';
import { openPolicyDraft } from '../../policy-ui/open-in-editor';
import { policyJson } from '../../domain/json';

/**
 * Stops the read of `queryKey` unless a screen still shows that query (it keeps its read). Cancelled,
 * the query is put back as it was, not left failed, so the next screen to show it reads it afresh.
 */
function stopUnlessShown(queryClient: QueryClient, queryKey: QueryKey) {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (query?.state.fetchStatus === 'fetching' && query.getObserversCount() === 0) void queryClient.cancelQueries({ queryKey, exact: true });
}

export function useRevert() {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The reverts whose policy is still being read. When the page that started them is left, they are
  // abandoned: the editor must not pull the admin away from where they went.
  const underWay = useRef(new Set<() => void>());
  useEffect(() => {
    const abandons = underWay.current;
    return () => abandons.forEach((abandon) => abandon());
  }, []);

  /**
   * Opens the editor with `version` as the draft; rejects when the policy cannot be read (e.g. deleted),
   * unsaved changes of it are on this device, or the draft cannot be kept. Does nothing once the page
   * that asked is left before the policy is read.
   */
  return async (policyId: string, version: JsonObject, origin: string) => {
    const query = policyQuery(tenant, policyId);
    let abandoned = false;
    const abandon = () => {
      abandoned = true;
      stopUnlessShown(queryClient, query.queryKey);
    };
    underWay.current.add(abandon);
    let policy;
    try {
      policy = await queryClient.fetchQuery(query);
    } catch (error) {
      if (abandoned) return;
      throw error;
    } finally {
      underWay.current.delete(abandon);
    }
    if (abandoned) return;
    const current = policyJson(policy);
    navigate(openPolicyDraft(tenant.account.key, policyId, current, { ...current, ...toWritableBody(version) }, origin, 'reverting it'));
  };
}
