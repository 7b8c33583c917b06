// Reverting goes through the editor's save flow: the chosen version becomes a draft on top of the
// policy as it is now (so the review shows the diff, and the checks and lock-out guard apply).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { toWritableBody, type JsonObject } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { fetchNow, userStartedSession } from '../../session/user-started-session';
import { policyQuery } from '../../policy-ui/queries';
import { openPolicyDraft, policyForEditing } from '../../policy-ui/open-in-editor';

export function useRevert() {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Whether the page that started the reverts is gone: a revert whose policy answers after that is
  // dropped, as the editor must not pull the admin away from where they went. The read itself goes on
  // into the cache: another action the admin waits on may have joined it (fetchNow), and one policy's
  // GET costs little.
  const left = useRef(false);
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
    };
  }, []);

  /**
   * Opens the editor with `version` as the draft; rejects when the policy cannot be read (e.g. deleted),
   * unsaved changes of it are on this device, or the draft cannot be kept. Does nothing once the page
   * that asked is left before the policy is read.
   */
  return async (policyId: string, version: JsonObject, origin: string) => {
    let policy;
    try {
      // The admin waits on this read: it goes ahead of the screens' queued reads (History's lists and names).
      policy = await fetchNow(queryClient, policyQuery(userStartedSession(tenant), policyId));
    } catch (error) {
      if (left.current) return;
      throw error;
    }
    if (left.current) return;
    // As Edit opens it: no @odata.context in the draft's first line, nor in the base it is compared against.
    const current = policyForEditing(policy);
    navigate(openPolicyDraft(tenant.account.key, policyId, current, { ...current, ...toWritableBody(version) }, origin, 'reverting it'));
  };
}
