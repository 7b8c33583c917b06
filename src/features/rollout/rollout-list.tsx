// The rollouts kept on this device: each policy, where its rollout stands, and a way into it.
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { activeRings, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { formatDateTime } from '../../shared/ui/format';
import { TableScroll } from '../../shared/ui/table-scroll';

const STAGE: Record<RolloutPlan['status'], (plan: RolloutPlan) => string> = {
  planned: (plan) => `Planned, ${plan.rings.length} ring${plan.rings.length === 1 ? '' : 's'}`,
  running: (plan) => `${activeRings(plan).length} of ${plan.rings.length} rings in the copy`,
  finishing: () => 'On for its own users; the copy is left to delete',
  finished: () => 'Finished',
  cancelled: (plan) => (plan.copyId ? 'Cancelled; the copy is off, left to delete' : 'Cancelled'),
};

export function RolloutList({
  plans,
  policies,
  onOpen,
}: {
  plans: readonly RolloutPlan[];
  policies: readonly ConditionalAccessPolicy[];
  onOpen(policyId: string): void;
}) {
  return (
    <TableScroll label="Rollouts on this device">
      <Table aria-label="Rollouts on this device" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Policy</TableHeaderCell>
            <TableHeaderCell>Stage</TableHeaderCell>
            <TableHeaderCell>Last event</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plans.map((plan) => {
            const last = plan.events.at(-1);
            const name = policies.find((p) => p.id === plan.policyId)?.displayName ?? plan.policyName;
            return (
              <TableRow key={plan.policyId}>
                <TableCell>
                  <Button appearance="transparent" data-rollout={plan.policyId} onClick={() => onOpen(plan.policyId)}>
                    {name}
                  </Button>
                </TableCell>
                <TableCell>
                  {STAGE[plan.status](plan)}
                  {plan.pending ? '; a step was left unfinished' : ''}
                </TableCell>
                <TableCell>{last ? `${formatDateTime(last.at)}: ${last.text}` : '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
