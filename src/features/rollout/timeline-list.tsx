// The rollout's timeline: every step and decision, newest first, with the counts a gate rested on.
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { timeline } from '../../domain/rollout/timeline';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { formatDateTime } from '../../shared/ui/format';
import { TableScroll } from '../../shared/ui/table-scroll';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function TimelineList({ plan }: { plan: RolloutPlan }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title" className={styles.heading}>
        Timeline
      </h3>
      <TableScroll label="Timeline">
        <Table aria-label="Timeline" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Ring</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>Sign-ins, blocked, interrupted</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {timeline(plan).map((line, i) => (
              <TableRow key={`${line.at}:${i}`}>
                <TableCell>{formatDateTime(line.at)}</TableCell>
                <TableCell>{line.ringLabel ?? '—'}</TableCell>
                <TableCell>{line.text}</TableCell>
                <TableCell>{line.counts ? `${line.counts.signIns}, ${line.counts.blocked}, ${line.counts.interrupted}` : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}
