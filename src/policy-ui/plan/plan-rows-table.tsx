// The plan's rows, in the order they will be written: what each is, what will happen to it and why,
// the state a policy will be written in, and what is wrong with it. Where the admin may choose
// another action or state, the cell is a dropdown; an update or a create can show its difference. A plan of
// thousands of rows (an oversized export) draws a hundred at a time: every row at once froze the page.
import {
  Badge,
  Button,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useId, useState, type Ref } from 'react';
import { GRAPH_WOULD_REFUSE } from '../../domain/plan/policy-rows';
import type { PlanAction, PlanRow, StateChoice } from '../../domain/plan/types';
import { ObjectCell } from './object-cell';
import { RowDifference } from './row-difference';
import { TableScroll } from '../../shared/ui/table-scroll';
import { rowsWords, ShowMore } from '../show-more';
import { useRevealablePart, type RowRevealer } from './revealable-part';

const useStyles = makeStyles({
  why: { color: tokens.colorNeutralForeground2 },
  problem: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  blocker: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  detail: { padding: tokens.spacingVerticalS },
  dropdown: { minWidth: '150px' },
});

export { KIND_LABELS } from './object-cell';

export const ACTION_LABELS: Record<PlanAction, string> = {
  create: 'Create',
  update: 'Update',
  restore: 'Restore from deleted',
  reuse: 'Reuse',
  skip: 'Skip',
};
const ACTION_COLORS: Record<PlanAction, 'brand' | 'warning' | 'informative' | 'subtle'> = {
  create: 'brand',
  update: 'warning',
  restore: 'warning',
  reuse: 'informative',
  skip: 'subtle',
};

export interface PlanRowsTableProps {
  rows: PlanRow[];
  targetName: string;
  /** The state choices in the words of what the plan writes from. */
  stateWords: Record<StateChoice, string>;
  onAction(key: string, action: PlanAction): void;
  onState(key: string, state: StateChoice): void;
  /**
   * The id the row's choice that lifts its blockers gets (its state, else its action; its action when Graph would refuse
   * the policy, which only leaving it out lifts), so what blocks applying can lead the focus to it. That choice is
   * described by the row's problems.
   */
  anchorId?(rowKey: string): string;
  /** Draws the rows up to one of them, for a link that leads to its choice (the row may be past the rows drawn). */
  revealRef?: Ref<RowRevealer>;
}

const keyOf = (row: PlanRow) => row.key;

/** A blocker only leaving the policy out lifts: its state would not. */
const refused = (row: PlanRow) =>
  row.problems.some((p) => p.severity === 'blocker' && !p.confirmed && p.text.startsWith(GRAPH_WOULD_REFUSE));

export function PlanRowsTable({ rows, targetName, stateWords, onAction, onState, anchorId, revealRef }: PlanRowsTableProps) {
  const styles = useStyles();
  const ids = useId();
  const [open, setOpen] = useState<string | null>(null);
  // A hundred rows at a time: every plan of a usual size shows whole.
  const { shown, left, firstAdded, addedRef, showMore } = useRevealablePart<PlanRow, HTMLTableRowElement>(rows, keyOf, revealRef);
  return (
    <>
      <TableScroll label="What the plan writes, in order">
        <Table aria-label="What the plan writes, in order" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>#</TableHeaderCell>
              <TableHeaderCell>Object</TableHeaderCell>
              <TableHeaderCell>Action</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell>Why</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, index) => {
              const problemId = (i: number) => `${ids}-${index}-problem-${i}`;
              const hasState = !!row.state && row.action !== 'skip';
              const anchorOn: 'state' | 'action' | null = !anchorId
                ? null
                : hasState && !(refused(row) && row.options.length > 1)
                  ? 'state'
                  : 'action';
              const anchor = (on: 'state' | 'action') =>
                anchorOn === on && {
                  id: anchorId!(row.key),
                  ...(row.problems.length > 0 && { 'aria-describedby': row.problems.map((_, i) => problemId(i)).join(' ') }),
                };
              return (
                <Fragment key={row.key}>
                  <TableRow {...(index === firstAdded && { ref: addedRef, tabIndex: -1 })}>
                    <TableCell>{index + 1}</TableCell>
                    <TableCell>
                      <ObjectCell name={row.displayName} kind={row.kind} />
                    </TableCell>
                    <TableCell>
                      {row.options.length > 1 ? (
                        <Dropdown
                          className={styles.dropdown}
                          {...anchor('action')}
                          aria-label={`Action for ${row.displayName}`}
                          value={ACTION_LABELS[row.action]}
                          selectedOptions={[row.action]}
                          onOptionSelect={(_, data) => data.optionValue && onAction(row.key, data.optionValue as PlanAction)}
                        >
                          {row.options.map((option) => (
                            <Option key={option} value={option}>
                              {ACTION_LABELS[option]}
                            </Option>
                          ))}
                        </Dropdown>
                      ) : (
                        <Badge appearance="tint" color={ACTION_COLORS[row.action]}>
                          {ACTION_LABELS[row.action]}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      {row.state && row.action !== 'skip' ? (
                        <Dropdown
                          className={styles.dropdown}
                          {...anchor('state')}
                          aria-label={`State for ${row.displayName}`}
                          value={stateText(row.state, wordsFor(row, stateWords))}
                          selectedOptions={[row.state.choice]}
                          onOptionSelect={(_, data) => data.optionValue && onState(row.key, data.optionValue as StateChoice)}
                        >
                          {row.state.options.map((option) => (
                            <Option key={option} value={option}>
                              {wordsFor(row, stateWords)[option]}
                            </Option>
                          ))}
                        </Dropdown>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Text className={styles.why}>{row.why}</Text>
                      {row.problems.map((problem, i) => (
                        <Text
                          key={problem.text}
                          id={problemId(i)}
                          className={mergeClasses(
                            styles.problem,
                            problem.severity === 'blocker' && !problem.confirmed ? styles.blocker : styles.warning,
                          )}
                        >
                          {problem.text}
                        </Text>
                      ))}
                      {hasDifference(row) ? (
                        <DifferenceButton
                          row={row}
                          open={open === row.key}
                          targetName={targetName}
                          onClick={() => setOpen(open === row.key ? null : row.key)}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                  {open === row.key ? (
                    <TableRow>
                      <TableCell colSpan={5} className={styles.detail}>
                        <RowDifference row={row} targetName={targetName} planned={rows} />
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableScroll>
      <ShowMore words={rowsWords(shown.length, rows.length)} left={left} onMore={showMore} />
    </>
  );
}

/** Every write is shown before it is made: an update or restore's change, a create's whole object; a reuse when it differs. */
const hasDifference = (row: PlanRow) =>
  row.action === 'create'
    ? !!(row.intended ?? row.body)
    : !!row.before && (row.action === 'update' || row.action === 'restore' || row.problems.some((p) => p.severity === 'warning'));

/** Its name starts with what it shows and says whose difference it is: every row's button reads alike otherwise. */
function DifferenceButton({ row, open, targetName, onClick }: { row: PlanRow; open: boolean; targetName: string; onClick(): void }) {
  const text = open
    ? 'Hide the difference'
    : row.action === 'update' || row.action === 'restore' || row.action === 'create'
      ? 'Show the difference'
      : `Compare with ${targetName}`;
  return (
    <Button appearance="transparent" size="small" aria-expanded={open} aria-label={`${text} for '${row.displayName}'`} onClick={onClick}>
      {text}
    </Button>
  );
}

/** A restored policy's "as it is now" is the state it comes back in: the one it was deleted in. */
const wordsFor = (row: PlanRow, words: Record<StateChoice, string>) =>
  row.action === 'restore' ? { ...words, target: 'As when deleted' } : words;

const STATE_LABELS: Record<string, string> = { enabled: 'On', disabled: 'Off', enabledForReportingButNotEnforced: 'Report-only' };

function stateText(state: NonNullable<PlanRow['state']>, words: Record<StateChoice, string>) {
  const value = STATE_LABELS[state.value] ?? state.value;
  return state.choice === 'target' || state.choice === 'source' ? `${words[state.choice]} (${value})` : value;
}
