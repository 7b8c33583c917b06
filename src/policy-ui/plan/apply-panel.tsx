// A plan being applied, or the last run: progress while it runs, Stop between writes, Resume when it
// stopped before the end, and the summary to download, above each write with its outcome
// (apply-rows-table.tsx). A guided run pauses after each write and shows the next one before the
// admin writes it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';
import { ApplyRowsTable, VERB } from './apply-rows-table';
import { summarizeRun, writtenCount } from '../../operations/apply-plan';
import { versionsNotKept } from '../../operations/apply-summary';
import { downloadFile } from '../../shared/download';
import { SpokenStatus } from '../../shared/ui/live-status';
import { notKeptWords, VersionsNotKeptBar } from './versions-not-kept';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import type { CurrentWait } from '../../session/retry-waits';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  message: { overflowWrap: 'anywhere' },
});

export interface ApplyPanelProps {
  run: ApplyRun;
  running: boolean;
  /** Asked to stop (or left and opened again): the write under way finishes, nothing after it starts. */
  stopping?: boolean;
  targetName: string;
  onStop(): void;
  /** Writes what is left: one step only in a guided run, unless `all`. */
  onResume(all?: boolean): void;
  onClose(): void;
  /** A guided run: each write waits for the admin, who sees the next one first. */
  stepByStep?: boolean;
  /** What the next write changes, when it is known (not after a reload). */
  renderNext?(item: ApplyItem): ReactNode;
  /** Started by the admin just now (not found in the journal on opening the page): the run's title takes the keyboard's focus. */
  takeFocus?: boolean;
  /** The wait Graph put the run's write in (Retry-After), shown on the row being written. */
  wait?: CurrentWait | null;
}

export function ApplyPanel({
  run,
  running,
  stopping = false,
  targetName,
  onStop,
  onResume,
  onClose,
  stepByStep,
  renderNext,
  takeFocus,
  wait = null,
}: ApplyPanelProps) {
  const styles = useStyles();
  const title = useRef<HTMLHeadingElement>(null);
  // Stop, Resume and the step buttons leave as the run changes: the focus goes to the run's heading
  // first, not to the page's start with them.
  const keepFocus = (act: () => void) => {
    title.current?.focus();
    act();
  };
  useEffect(() => {
    if (takeFocus) title.current?.focus();
    // Once, when the run appears: its later changes leave focus where the admin put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Putting an unfinished run aside forgets it (no Resume afterwards): asked first, as nothing else says so.
  const [asideAsked, setAsideAsked] = useState(false);
  // Opened from state, the dialog gives the focus back to nothing: its button takes it back when it closes.
  const rememberFocus = useFocusReturn(asideAsked);
  const done = writtenCount(run);
  const failed = run.items.filter((i) => i.status === 'failed').length;
  const differs = run.items.filter((i) => i.differences && i.differences.length > 0).length;
  const notKept = notKeptWords(run);
  const finished = !running && done === run.items.length;
  // Between two steps of a guided run: nothing went wrong, the next write waits for the admin.
  const next = run.items.find((i) => i.status !== 'done');
  const paused = !!stepByStep && !running && !finished && !run.stopped && failed === 0 && next;
  // Every write was tried, and some failed: the run went to its end, it did not stop before it.
  const triedAll = !running && !run.stopped && failed > 0 && run.items.every((i) => i.status === 'done' || i.status === 'failed');
  const heading =
    running && stopping
      ? `Stopping after the write under way`
      : running
        ? `Writing to ${isolatedText(targetName)}`
        : finished
          ? `Applied to ${isolatedText(targetName)}`
          : paused
            ? `Step ${done} of ${run.items.length} written`
            : triedAll
              ? `${done} of ${run.items.length} written to ${isolatedText(targetName)}, ${failed} failed`
              : `Stopped before the end`;
  // The focused heading changes in place, which is not read: the end of a run watched here is said
  // once, by a status in the page from the start (emptied when writing starts again), in other words
  // than the heading's and with what it leaves out, as a screen reader reads both, one after the other.
  const [watched, setWatched] = useState(running);
  if (running && !watched) setWatched(true);
  const total = run.items.length;
  const ended =
    !watched || running
      ? null
      : finished
        ? `Run finished: ${done} of ${total} written, nothing left to write.`
        : paused
          ? `Step ${done + 1} of ${total} waits for you to write it.`
          : triedAll
            ? `Run ended: every write was tried. Resume tries ${failed === 1 ? 'the failed one' : `the ${failed} failed`} again.`
            : `Run stopped: ${total - done} of ${total} not written yet. Resume goes on with them.`;
  // Why a write failed is in its row; the first reason, and how many more failed, is said when a write
  // fails, apart from the count that changes at each step (or each step would say it again).
  // A policy restored whose change after it failed is back and doing what it did when deleted (enforcing, often): said first.
  const failures = run.items.filter((i) => i.status === 'failed').sort((a, b) => Number(!!b.restored) - Number(!!a.restored));
  const first = failures[0];
  const reason = first?.message?.trim() || 'no reason given';
  const failure = first
    ? `‘${isolatedText(first.name)}’ failed: ${reason}${/[.!?…]$/.test(reason) ? '' : '.'}` +
      (failures.length > 1 ? ` ${failures.length - 1} more failed.` : '')
    : null;
  return (
    <section className={styles.root} aria-labelledby="apply-title">
      <h2 id="apply-title" className={styles.heading} ref={title} tabIndex={-1}>
        {heading}
      </h2>
      <SpokenStatus>{running && stopping ? 'Stop asked: the write under way finishes, none after it starts.' : ended}</SpokenStatus>
      <SpokenStatus>{failure}</SpokenStatus>
      <SpokenStatus>{versionsNotKept(run)}</SpokenStatus>
      <ProgressBar value={run.items.length === 0 ? 1 : done / run.items.length} aria-label={`${done} of ${run.items.length} written`} />
      <Text aria-live="polite">
        {done} of {run.items.length} written{failed ? `, ${failed} failed` : ''}
        {differs ? `, ${differs} read back otherwise than planned` : ''}
        {notKept.count}.
      </Text>
      <VersionsNotKeptBar run={run} />
      {run.stopped ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The run stopped</MessageBarTitle>
            <span className={styles.message}>{run.stopped}</span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {paused ? (
        <section className={styles.root} aria-label="Next step">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                Next, step {done + 1}: {VERB[next.action]} ‘<Isolated>{next.name}</Isolated>’
              </MessageBarTitle>
              Check what the last step wrote (read back below), then write the next one. Each step waits for you.
            </MessageBarBody>
          </MessageBar>
          {renderNext?.(next)}
        </section>
      ) : null}
      {!running && !finished && !paused ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            What was written stays written and is kept in this device’s journal. Resume writes only what is not done yet, and first looks in
            the tenant for any create whose answer never came.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        {running && !stopping ? <Button onClick={() => keepFocus(onStop)}>Stop after this write</Button> : null}
        {paused ? (
          <>
            <Button appearance="primary" onClick={() => keepFocus(() => onResume())}>
              Write step {done + 1} of {run.items.length}
            </Button>
            {/* With one step left it would do what the step's own button does. */}
            {run.items.length - done > 1 ? (
              <Button onClick={() => keepFocus(() => onResume(true))}>Write the remaining {run.items.length - done} steps</Button>
            ) : null}
          </>
        ) : !running && !finished ? (
          <Button appearance="primary" onClick={() => keepFocus(() => onResume())}>
            Resume
          </Button>
        ) : null}
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={running}
          onClick={() => downloadFile(`plan-run-${run.startedAt.replace(/[:.]/g, '-')}.txt`, summarizeRun(run), 'text/plain')}
        >
          Download the summary
        </Button>
        {!running ? (
          <Button
            onClick={() => {
              if (finished) return onClose();
              rememberFocus();
              setAsideAsked(true);
            }}
          >
            {finished ? 'Done' : 'Put this run aside'}
          </Button>
        ) : null}
      </div>
      <ApplyRowsTable items={run.items} wait={running ? wait : null} />
      <Dialog open={asideAsked} onOpenChange={(_, data) => setAsideAsked(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Put this run aside?</DialogTitle>
            <DialogContent>
              Not written yet: {run.items.length - done} of {run.items.length}. Putting the run aside forgets it on this device: the rest
              will not be written, and it can no longer be resumed. What was written to <Isolated>{targetName}</Isolated> stays written,
              with its previous versions in this device’s history
              {notKept.aside}.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setAsideAsked(false)}>
                Keep the run
              </Button>
              <Button
                onClick={() => {
                  setAsideAsked(false);
                  onClose();
                }}
              >
                Put it aside
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
