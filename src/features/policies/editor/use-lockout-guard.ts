// The lock-out guard for a draft: who the draft could lock out (the signed-in admin and the
// tenant's emergency-access accounts), and a one-click exclusion of the emergency accounts that
// keeps every existing exclusion (an edit of the same JSON, so Ctrl+Z undoes it).
import { applyEdits, modify } from 'jsonc-parser';
import { useMemo } from 'react';
import { assessLockout } from '../../../graph/lockout';
import { withExclusions, type JsonObject } from '../../../graph/policy-body';
import { useEmergencyAccess } from '../../../session/emergency-access';
import { useTenantSession } from '../../../session/tenant-session';
import type { DraftState } from './use-draft';

export function useLockoutGuard(draft: DraftState) {
  const tenant = useTenantSession();
  const [emergency] = useEmergencyAccess(tenant.account.tenantId);
  const admin = useMemo(() => ({ id: tenant.account.objectId, name: tenant.account.name.replace(/\s*\(.*\)$/, '') }), [tenant.account]);
  const risks = useMemo(() => (draft.policy ? assessLockout(draft.policy, admin, emergency) : []), [draft.policy, admin, emergency]);
  const emergencyAtRisk = risks.some((r) => r.who.endsWith('(emergency access)'));

  const excludeEmergency = () => {
    if (!draft.policy) return;
    const merged = withExclusions(draft.policy, { users: emergency.users.map((u) => u.id), groups: emergency.groups.map((g) => g.id) });
    const users = (merged.conditions as JsonObject).users as JsonObject;
    let text = draft.text;
    for (const key of ['excludeUsers', 'excludeGroups']) {
      text = applyEdits(text, modify(text, ['conditions', 'users', key], users[key], { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    }
    draft.setText(text);
  };

  return { risks, excludeEmergency: emergencyAtRisk ? excludeEmergency : undefined, emergencyConfigured: emergency.users.length + emergency.groups.length > 0 };
}
