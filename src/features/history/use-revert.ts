// Reverting goes through the editor's save flow: the chosen version becomes a draft on top of the
// policy as it is now (so the review shows the diff, and the checks and lock-out guard apply).
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { toWritableBody, type JsonObject } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { policyQuery } from '../../policy-ui/queries';
import { openPolicyDraft } from '../../policy-ui/open-in-editor';
import { policyJson } from '../../domain/json';

export function useRevert() {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  /**
   * Opens the editor with `version` as the draft; rejects when the policy cannot be read (e.g. deleted),
   * unsaved changes of it are on this device, or the draft cannot be kept.
   */
  return async (policyId: string, version: JsonObject, origin: string) => {
    const policy = await queryClient.fetchQuery(policyQuery(tenant, policyId));
    const current = policyJson(policy);
    navigate(openPolicyDraft(tenant.account.key, policyId, current, { ...current, ...toWritableBody(version) }, origin, 'reverting it'));
  };
}
