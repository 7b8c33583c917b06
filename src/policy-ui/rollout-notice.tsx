// Said in the editor's review of a policy under a staged rollout: its grant and session controls are
// frozen until the rollout finishes (the rings tested those; the finish turns on what the policy
// then holds), and the enforced copy is the rollout's to change.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { activeRings } from '../domain/rollout/rollout-plan';
import { useRolloutStore, useRunningRollout } from '../session/rollout-store';
import { useTenantSession } from '../session/tenant-session';
import { Isolated } from '../shared/ui/isolated-text';

export function RolloutFreezeNotice({ policyId }: { policyId: string | null | undefined }) {
  const tenantId = useTenantSession().account.tenantId;
  const rollout = useRunningRollout(tenantId, policyId);
  const [store] = useRolloutStore(tenantId);
  const copyOf = policyId
    ? Object.values(store).find((plan) => plan.copyId === policyId && plan.status !== 'finished' && plan.status !== 'cancelled')
    : undefined;
  if (copyOf)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The copy of a staged rollout</MessageBarTitle>
          This policy is the enforced copy of the rollout of “<Isolated>{copyOf.policyName}</Isolated>”: its rings are added and removed
          from the Rollout page. A change here is undone by the rollout’s next step.
        </MessageBarBody>
      </MessageBar>
    );
  if (!rollout) return null;
  const rings = activeRings(rollout).length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Grant controls are frozen during its rollout</MessageBarTitle>
        This policy is being rolled out ({rings} of {rollout.rings.length} rings in “<Isolated>{rollout.copyName}</Isolated>”). Its grant
        and session controls stay as they were when the rollout began: the rings tested those, and the finish turns on what the policy then
        holds. Changing them now pauses the rollout’s gate.
      </MessageBarBody>
    </MessageBar>
  );
}
