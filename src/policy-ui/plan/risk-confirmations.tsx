// The risks a plan asks the admin to confirm before it may apply (each a blocker until ticked), one checkbox each.
// An oversized import may ask thousands: the first are listed, the rest on demand.
import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Plan } from '../../domain/plan/types';
import { isolatedText } from '../../shared/ui/isolated-text';

const CONFIRMS_LISTED = 50;

const useStyles = makeStyles({
  more: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function RiskConfirmations({
  rows,
  confirmed,
  onConfirm,
}: {
  rows: Plan['rows'];
  confirmed: ReadonlySet<string>;
  onConfirm(key: string, yes: boolean): void;
}) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const confirmable = rows.flatMap((row) =>
    row.problems.filter((p) => p.confirmKey && p.severity === 'blocker').map((p) => ({ row, problem: p })),
  );
  const listed = all ? confirmable : confirmable.slice(0, CONFIRMS_LISTED);
  return (
    <>
      {listed.map(({ row, problem }) => (
        <Checkbox
          key={problem.confirmKey}
          checked={confirmed.has(problem.confirmKey!)}
          onChange={(_, data) => onConfirm(problem.confirmKey!, !!data.checked)}
          label={`I understand the risk for '${isolatedText(row.displayName)}': ${problem.text}`}
        />
      ))}
      {/* The button stays when it has listed them all, so the keyboard's focus is not dropped with it. */}
      {confirmable.length > CONFIRMS_LISTED ? (
        <div className={styles.more}>
          <Text>
            {listed.length.toLocaleString('en-US')} of {confirmable.length.toLocaleString('en-US')} risks to confirm are listed.
          </Text>
          <Button aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `List the first ${CONFIRMS_LISTED} only` : `List all ${confirmable.length.toLocaleString('en-US')}`}
          </Button>
        </div>
      ) : null}
    </>
  );
}
