// The rings of a rollout: each group with its members counted, where it stands, since when, the last
// gate read for it, and the one-click rollback of a ring in the copy (reviewed through the plan flow).
// On a phone the cells stack, each named, so the gate's words are not crushed nor the rollback off screen.
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import type { JsonObject } from '../../domain/json';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { ringLines } from '../../domain/rollout/timeline';
import { formatDateTime } from '../../shared/ui/format';
import { memberWords, useGroupMembers } from './use-group-members';
import { isolatedText } from '../../shared/ui/isolated-text';
import { TableScroll } from '../../shared/ui/table-scroll';
import { useStackedTableStyles } from '../../shared/ui/stacked-table';

export function RingTable({
  plan,
  policy = null,
  whyNot,
  onRollback,
}: {
  plan: RolloutPlan;
  /** The policy as the tenant has it (null when not read): whether it covers a finished ring's members. */
  policy?: JsonObject | null;
  /** Why no ring can be rolled back now (a step unfinished, no write access), or null when one can. */
  whyNot: string | null;
  onRollback(ringKey: string): void;
}) {
  const reads = useGroupMembers(plan.rings.flatMap((r) => (r.group.id ? [r.group.id] : [])));
  const lines = ringLines(plan, policy);
  const stacked = useStackedTableStyles();
  const rollbacks = plan.status === 'running' && plan.rings.some((ring) => ring.state === 'active');
  return (
    <>
      {/* Said with each rollback button that is off, and shown once above them. */}
      {rollbacks && whyNot ? <Text id="rollback-why">No ring can be rolled back now: {whyNot}</Text> : null}
      <TableScroll label="Rings">
        <Table aria-label="Rings" size="small" className={stacked.stacked}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Ring</TableHeaderCell>
              <TableHeaderCell>Members</TableHeaderCell>
              <TableHeaderCell>Stands</TableHeaderCell>
              <TableHeaderCell>Since</TableHeaderCell>
              <TableHeaderCell>Last gate</TableHeaderCell>
              <TableHeaderCell>Rollback</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.rings.map((ring, i) => {
              const line = lines[i]!;
              return (
                <TableRow key={ring.key}>
                  <TableCell>{line.label}</TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Members: </span>
                    {ring.group.id ? memberWords(reads.get(ring.group.id)) : 'Created by the start'}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Stands: </span>
                    {line.state}
                    {line.rollbacks > 0 ? ` (rolled back ${line.rollbacks === 1 ? 'once' : `${line.rollbacks} times`})` : ''}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Since: </span>
                    {line.startedAt ? formatDateTime(line.startedAt) : '—'}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Last gate: </span>
                    {line.lastGate ? line.lastGate.text : '—'}
                  </TableCell>
                  <TableCell>
                    {ring.state === 'active' && plan.status === 'running' ? (
                      <Button
                        icon={<ArrowUndoRegular />}
                        disabledFocusable={!!whyNot}
                        // The visible words name the ring by its number only: heard, it says the ring's group too
                        // (several rings, or a rollout's buttons met out of their table, cannot be told apart otherwise), isolated:
                        // a direction control in the tenant's name cannot reorder the words around it.
                        aria-label={`Roll back ring ${i + 1}… (${isolatedText(ring.group.name)})`}
                        aria-describedby={whyNot ? 'rollback-why' : undefined}
                        onClick={() => onRollback(ring.key)}
                      >
                        Roll back ring {i + 1}…
                      </Button>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}
