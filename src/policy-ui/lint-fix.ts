// A lint finding's quick fix never writes: it becomes a draft on top of the policy as the tenant
// holds it now (read fresh), and the editor opens on it, so the save goes through the review and its
// diff like any edit. A draft already on this device is not overwritten.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { JsonObject } from '../domain/json';
import type { LintFinding } from '../domain/lint/types';
import { applyPatch } from '../domain/policy-body';
import { useTenantSession } from '../session/tenant-session';
import { openPolicyDraft, policyForEditing, UnsavedDraftInTheWay, unsavedChangesSince } from './open-in-editor';
import { policyQuery } from './queries';
import { fetchNow, userStartedSession } from '../session/user-started-session';

/** The policy with the fix applied: the draft the editor opens on. */
export function fixedPolicy(current: JsonObject, finding: LintFinding): JsonObject {
  if (!finding.fix) throw new Error(`The finding '${finding.ruleId}' has no quick fix.`);
  return applyPatch(current, finding.fix.patch);
}

/** Opens the editor on the fixed draft; rejects when the policy cannot be read, a draft is in the way, or it cannot be kept. */
export function useOpenLintFix() {
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (finding: LintFinding) => {
    const policyId = finding.policyId;
    if (!policyId || !finding.fix) throw new Error(`The finding '${finding.ruleId}' has no quick fix for a policy.`);
    // Asked before the policy is read: the editor's own check below would refuse after a wasted read.
    if (unsavedChangesSince(tenant.account.key, policyId))
      throw new UnsavedDraftInTheWay(`“${finding.policyName ?? policyId}”`, 'applying a quick fix');
    // The admin waits on this read: it goes ahead of the screens' queued reads.
    const current = policyForEditing(await fetchNow(queryClient, policyQuery(userStartedSession(tenant), policyId)));
    const origin = `Quick fix (${finding.ruleId}): ${finding.fix.description.replace(/\.$/, '')}`;
    navigate(openPolicyDraft(tenant.account.key, policyId, current, fixedPolicy(current, finding), origin, 'applying a quick fix'));
  };
}
