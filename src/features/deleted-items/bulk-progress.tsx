// A bulk run of deleted policies as it goes: each item's own status (the deleted named locations restored
// first, then the policies), how far the run got, stop and resume; while Graph makes the item under way
// wait (a 429's Retry-After), that item counts the wait down.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { unfinished, type BulkItem, type BulkRun } from '../../operations/bulk-run';
import type { CurrentWait } from '../../session/retry-waits';
import { WaitCountdown, WaitSpoken } from '../../policy-ui/retry-wait-status';
import { focusFully } from '../../shared/ui/focus-fully';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import type { LocationStep } from './bulk-restore-plan';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const statusWords = {
  restore: { pending: 'Waiting', running: 'Restoring…', done: 'Restored', failed: 'Failed' },
  purge: { pending: 'Waiting', running: 'Deleting…', done: 'Deleted permanently', failed: 'Failed' },
} as const;

const locationWords = { pending: 'Waiting', running: 'Restoring…', done: 'Restored', failed: 'Failed' } as const;

const StatusIcon = ({ status }: { status: BulkItem['status'] }) => {
  const styles = useStyles();
  if (status === 'running') return <Spinner size="extra-tiny" />;
  if (status === 'done') return <CheckmarkCircleRegular className={styles.done} />;
  if (status === 'failed') return <DismissCircleRegular className={styles.failed} />;
  return <CircleRegular />;
};

export function BulkProgress({
  run,
  locations,
  running,
  stopping = false,
  checking,
  wait = null,
  takeFocus = 0,
  onStop,
  onResume,
  onDismiss,
}: {
  run: BulkRun;
  /** The deleted named locations restored before the policies that need them, as the run (and its journal) holds them. */
  locations: LocationStep[] | null;
  running: boolean;
  /** Asked to stop (or left and opened again): the policy under way finishes, nothing after it starts. */
  stopping?: boolean;
  /** What the policies refer to is being checked again: a resume waits for it. */
  checking: boolean;
  /** The wait Graph put the run's requests in (a 429's Retry-After), shown on the item being written. */
  wait?: CurrentWait | null;
  /** Raised each time the admin starts a run: the focus goes to the run's button (Stop while it goes). */
  takeFocus?: number;
  onStop(): void;
  onResume(): void;
  onDismiss(): void;
}) {
  const styles = useStyles();
  // The confirmation that started the run gives the focus back to its opener, disabled while the run goes:
  // the keyboard's place is the run's own button, which then stays with it (Stop, Resume, Dismiss).
  const runButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus > 0 && runButton.current) focusFully(runButton.current);
  }, [takeFocus]);
  const left = unfinished(run);
  const failed = run.items.filter((i) => i.status === 'failed').length;
  const done = run.items.length - left.length;
  // Every item was tried and what is left failed: the run ended, it was not stopped (nothing is left untried).
  const ended = left.length > 0 && failed === left.length && !run.stopped;
  const verb = run.kind === 'restore' ? (run.reportOnly ? 'Restoring in report-only' : 'Restoring') : 'Deleting permanently';
  const title = running
    ? stopping
      ? `Stopping after the policy under way: ${done} of ${run.items.length} done`
      : `${verb}: ${done} of ${run.items.length} done`
    : left.length === 0
      ? `Done: ${done} of ${run.items.length}`
      : `${ended ? 'Ended' : 'Stopped'}: ${done} of ${run.items.length} done${failed ? `, ${failed} failed` : ''}`;
  // The bar's words change in place as the run goes, which Fluent's message bar does not say: the end of a
  // run seen here (not a journalled one shown on opening the page) is said once, in other words than the
  // title's, so that it is not read twice where both are.
  const [seenRunning, setSeenRunning] = useState(running);
  const [ends, setEnds] = useState(0);
  if (seenRunning !== running) {
    setSeenRunning(running);
    if (!running) setEnds((n) => n + 1);
  }
  // One item is written at a time (a named location restored first, then each policy): a wait is that item's.
  const writing = running
    ? (locations?.find((step) => step.status === 'running') ?? run.items.find((i) => i.status === 'running'))
    : undefined;
  const itemWait = writing ? wait : null;
  /** What the item says while it is written: the wait, counted down, while Graph makes it wait. */
  const whileWriting = (id: string, busy: string) =>
    itemWait && writing?.id === id ? <WaitCountdown wait={itemWait} busy={busy} /> : busy;
  const outcome = run.kind === 'restore' ? 'restored' : 'deleted permanently';
  const endWords =
    ends === 0 || running
      ? null
      : left.length === 0
        ? `Run finished: ${run.items.length === 1 ? 'the policy' : `all ${run.items.length} policies`} ${outcome}.`
        : ended
          ? `Run ended: ${done} of ${run.items.length} ${outcome}, ${failed} failed. Resume tries ${failed === 1 ? 'the one' : `the ${failed}`} that failed again.`
          : `Run stopped: ${done} of ${run.items.length} ${outcome}${failed ? `, ${failed} failed` : ''}.${run.stopped ? ` ${run.stopped}` : ''} Resume goes on with the ${left.length} left.`;
  return (
    <>
      <SpokenStatus occasion={ends}>{endWords}</SpokenStatus>
      <WaitSpoken wait={itemWait} running={writing && { key: writing.id, name: writing.name }} />
      <MessageBar intent={running ? 'info' : left.length === 0 ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {run.stopped && !running && <Text block>The rest were not tried: {run.stopped}</Text>}
          {locations && locations.length > 0 && (
            <ul className={styles.list} aria-label="Named locations restored first">
              {locations.map((step) => (
                <li key={step.id} className={styles.item}>
                  <StatusIcon status={step.status} />
                  <span>
                    Named location “<Isolated>{step.name}</Isolated>” (needed by {step.neededBy.map((p) => isolatedText(p.name)).join(', ')}
                    ):{' '}
                    {step.status === 'pending' && step.interrupted
                      ? 'Cut short: Resume checks whether it happened'
                      : whileWriting(step.id, locationWords[step.status])}
                    {step.status === 'failed' && step.message ? ` (${step.message})` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <ul className={styles.list} aria-label="Progress of each policy">
            {run.items.map((item) => (
              <li key={item.id} className={styles.item}>
                <StatusIcon status={item.status} />
                <span>
                  <Isolated>{item.name}</Isolated>:{' '}
                  {item.status === 'pending' && item.interrupted
                    ? item.restored
                      ? 'Cut short'
                      : 'Cut short: Resume checks whether it happened'
                    : whileWriting(item.id, statusWords[run.kind][item.status])}
                  {item.status === 'failed' && item.message ? ` (${item.message})` : ''}
                  {item.status !== 'done' && item.restored ? ' (restored; report-only still to set)' : ''}
                </span>
              </li>
            ))}
          </ul>
        </MessageBarBody>
        <MessageBarActions>
          {/* One button whose job follows the run's, so that the keyboard's focus stays on it as the run stops,
              resumes or ends (a button swapped for another drops the focus to the page's start): Stop, then
              Stopping… (focusable, it ignores presses) until the policy under way is done, then Resume, or
              Dismiss at the end. Resume waits (focusable) while what the policies refer to is checked again. */}
          <Button
            ref={runButton}
            appearance={!running && left.length > 0 ? 'primary' : 'secondary'}
            disabledFocusable={running ? stopping : left.length > 0 && checking}
            onClick={running ? onStop : left.length > 0 ? onResume : onDismiss}
          >
            {running ? (stopping ? 'Stopping…' : 'Stop after this one') : left.length > 0 ? `Resume (${left.length} left)` : 'Dismiss'}
          </Button>
          {!running && left.length > 0 && <Button onClick={onDismiss}>Discard</Button>}
        </MessageBarActions>
      </MessageBar>
    </>
  );
}
