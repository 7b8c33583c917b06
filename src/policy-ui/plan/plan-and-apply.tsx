// The whole flow from an import to a tenant, for every feature that writes through a plan (import,
// templates, emergency access, contingency): the plan reviewed, a confirmation, the run with its
// progress, Stop and Resume, and a run this device journalled and did not finish shown first (on the
// page that started it; another page says it waits there). While a run is shown, the page's own content
// (where the import comes from) steps aside.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { writeCount, writeWords } from '../../domain/plan/plan-words';
import type { Plan } from '../../domain/plan/types';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { newApplyRun, writtenCount, type ApplyRun, type RunOrigin } from '../../operations/apply-plan';
import { useTenantSession } from '../../session/tenant-session';
import { useRetryWait } from '../../session/retry-waits';
import { ErrorState } from '../../shared/ui/error-state';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';
import { useApplyJournal, useApplyPlan, useRunFinishingElsewhere } from '../writes';
import { ApplyPanel } from './apply-panel';
import { PlanReview, type PlanReviewProps } from './plan-review';
import { RowDifference } from './row-difference';
import { WaitingElsewhere } from './waiting-elsewhere';

export interface PlanAndApplyProps {
  /** What is to be written; null while the page is still choosing it. */
  source: ImportSet | null;
  /** Changes when a new source is chosen: the review starts again, choices made for another do not carry over. */
  sourceKey: string;
  targetName: string;
  /** What a run started here is and where it resumes: the journal's unfinished run is shown only where it belongs. */
  origin: RunOrigin;
  /** The page's own content (the choice of what to write), hidden while a run is shown. */
  children?: ReactNode;
  /** The page's content that follows the plan (its other tools), hidden too while a run is shown: the plan comes right after the action that made it. */
  after?: ReactNode;
  /** Told when the admin confirms a new run (not a resume), before its first write: what the run will write. */
  onStart?(run: ApplyRun): void;
  /** Told when a run ends with every write done. */
  onFinished?(run: ApplyRun): void;
  /** Told when the admin puts the shown run away (Done, Close): a page whose run was its whole purpose goes back to its own view. */
  onClosed?(run: ApplyRun): void;
  /** Choices the review starts from: a contingency switch writes the states it means, not report-only. */
  initialChoices?: PlanReviewProps['initialChoices'];
  intro?: PlanReviewProps['intro'];
  purpose?: PlanReviewProps['purpose'];
  change?: PlanReviewProps['change'];
  from?: PlanReviewProps['from'];
  /** A guided run: after each write the run waits, showing the next write, until the admin goes on. */
  stepByStep?: boolean;
  /** Each write needs the one before it (a rollout's step, a contingency switch): the run stops at the first that fails. */
  inOrder?: boolean;
  /** A button back to the page's own view (a change of state, not of route): while a run writes, it asks first as leaving does. */
  back?: { label: string; onBack(): void };
}

/**
 * The flow for the signed-in account. Switching accounts starts it again for the new one (its own journal,
 * no run or confirmation carried over) and says so when a plan was already shown: the same source now
 * writes to another tenant, and an admin who switched to look at something must not miss that.
 */
export function PlanAndApply(props: PlanAndApplyProps) {
  const { account } = useTenantSession();
  const { source, sourceKey, targetName } = props;
  const [madeFor, setMadeFor] = useState({ sourceKey, account: account.key, targetName });
  // Derived state, set while rendering: a new source is made for the account signed in now.
  if (madeFor.sourceKey !== sourceKey || (madeFor.account === account.key && madeFor.targetName !== targetName)) {
    setMadeFor({ sourceKey, account: account.key, targetName });
  }
  const switched = source !== null && madeFor.account !== account.key;
  return (
    <>
      {switched ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This plan now writes to {targetName}</MessageBarTitle>
            It was made for {madeFor.targetName}; you switched accounts since. It has been made again against {targetName}’s policies and
            directory. Review it before you write, or switch back to {madeFor.targetName}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {/* The plan made again for another account is not the admin's doing: focus stays where they switched. */}
      <AccountPlanAndApply key={account.key} {...props} planTakesFocus={!switched} />
    </>
  );
}

/** A run belongs to the page whose origin it carries (one without, from before origins were kept, to any page). */
const belongsHere = (run: ApplyRun, origin: RunOrigin) => !run.origin || run.origin.key === origin.key;

/**
 * What the leave question says once nothing is being written: the run may have ended, or only paused (a guided
 * run between its steps, a Stop, a failed write), and an admin must not read a half-done switch as finished.
 */
function pausedOrEnded(run: ApplyRun | null, targetName: string): string {
  if (!run || run.finishedAt) return `The run to ${targetName} has ended, so leaving cuts nothing short. Stay to see how it went.`;
  const written = writtenCount(run);
  return (
    `The write under way has finished, so leaving cuts nothing short: ${written} of ${run.items.length} written to ${targetName}. ` +
    'The run is not over: the rest waits, and can be resumed when you come back to this page.'
  );
}

/** The leave question of a guided run waiting between its steps: how far it got, and that nothing more is written until it resumes. */
function halfDoneWords(run: ApplyRun, targetName: string): string {
  const written = writtenCount(run);
  return (
    `${written} of ${run.items.length} written to ${targetName}, so its policies are part switched. Nothing is being written now; ` +
    'the rest waits, and can be resumed when you come back to this page.'
  );
}

function AccountPlanAndApply({
  source,
  sourceKey,
  targetName,
  children,
  after,
  planTakesFocus,
  onStart,
  onFinished,
  onClosed,
  initialChoices,
  intro,
  purpose,
  change,
  from,
  stepByStep = false,
  inOrder = false,
  back,
  origin,
}: PlanAndApplyProps & { planTakesFocus: boolean }) {
  const tenant = useTenantSession();
  const journal = useApplyJournal();
  const apply = useApplyPlan();
  const wait = useRetryWait(tenant.account.key);
  // The journal's unfinished run, read once: this page's is shown; another page's (one journal per account) is
  // said, with the way to it, and not resumed here.
  const [unfinished] = useState(() => {
    const saved = journal.load();
    return saved && !saved.finishedAt ? saved : null;
  });
  const [run, setRun] = useState<ApplyRun | null>(unfinished && belongsHere(unfinished, origin) ? unfinished : null);
  const [elsewhere, setElsewhere] = useState<ApplyRun | null>(unfinished && !belongsHere(unfinished, origin) ? unfinished : null);
  const [confirming, setConfirming] = useState<Plan | null>(null);
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const stop = useRef<AbortController | null>(null);
  const [stopping, setStopping] = useState(false);
  // The plan of the run started here, to show a guided run's next write (a run resumed after a reload has none).
  const [applied, setApplied] = useState<Plan | null>(null);

  // Back on the page before that write answered: the run is shown finishing it, with no Resume, and as the journal
  // holds it once it has (a second run over the same journal could create an object twice).
  const finishingElsewhere = useRunFinishingElsewhere(apply.isPending, () => setRun(journal.load()), 'apply');
  // A guided run waiting between its steps writes nothing, but leaves the tenant half switched: leaving asks too.
  const halfDone = stepByStep && run !== null && !run.finishedAt && !apply.isPending && !finishingElsewhere;
  // Leaving asks first; leaving anyway (another page, another account) stops the run after the write under way,
  // as Stop does: a run nobody sees must not go on writing, and the journal keeps where it stopped.
  const leave = useLeaveGuard(apply.isPending || halfDone);
  useEffect(() => () => stop.current?.abort(), []);

  const start = (next: ApplyRun, oneStep = false) => {
    const controller = new AbortController();
    stop.current = controller;
    setStopping(false);
    setFailure(null);
    setRun(next);
    const doneBefore = writtenCount(next);
    const onChange = (changed: ApplyRun) => {
      setRun(changed);
      // One write, then wait: the loop stops before its next write.
      if (oneStep && writtenCount(changed) > doneBefore) controller.abort();
    };
    apply.mutate(
      { run: next, onChange, signal: controller.signal },
      {
        onSuccess: (done) => {
          setRun(done);
          if (done.finishedAt) onFinished?.(done);
        },
        onError: (error) => setFailure(describeError(error, 'apply the plan')),
      },
    );
  };
  const writes = confirming ? writeCount(confirming.counts) : 0;
  // Cancel gives focus back to the button that asked; Write replaces it with the run, whose title takes focus.
  const rememberFocus = useFocusReturn(!!confirming);

  return (
    <>
      {back ? (
        <div>
          <Button onClick={() => leave.ask(back.onBack)}>{back.label}</Button>
        </div>
      ) : null}
      {run ? (
        <ApplyPanel
          run={run}
          running={apply.isPending || finishingElsewhere}
          stopping={stopping || finishingElsewhere}
          targetName={targetName}
          onStop={() => {
            setStopping(true);
            stop.current?.abort();
          }}
          onResume={(all) => start(run, stepByStep && !all)}
          onClose={() => {
            journal.clear();
            setRun(null);
            onClosed?.(run);
          }}
          stepByStep={stepByStep}
          takeFocus={applied !== null}
          wait={wait}
          renderNext={(item) => {
            const row = applied?.rows.find((r) => r.key === item.key);
            return row ? <RowDifference row={row} targetName={targetName} planned={applied?.rows} /> : null;
          }}
        />
      ) : null}
      {failure ? <ErrorState {...failure} /> : null}
      {!run && elsewhere ? <WaitingElsewhere run={elsewhere} targetName={targetName} /> : null}
      {!run ? (
        <>
          {children}
          {source && source.sections.policies.length > 0 ? (
            <PlanReview
              key={sourceKey}
              source={source}
              targetName={targetName}
              onApply={(plan) => {
                rememberFocus();
                setConfirming(plan);
              }}
              initialChoices={initialChoices}
              intro={intro}
              purpose={purpose}
              change={change}
              from={from}
              // Made by the admin's action: its title takes the keyboard's focus, as the run's does.
              takeFocus={planTakesFocus}
            />
          ) : null}
          {after}
        </>
      ) : null}

      {/* One question whose words follow the run: a step that answers while it is open turns it into the half-done one. */}
      <LeaveDialog
        guard={leave}
        title={halfDone ? 'Leave with the run half done?' : 'Stop writing and leave?'}
        done={pausedOrEnded(run, targetName)}
      >
        {halfDone
          ? halfDoneWords(run, targetName)
          : `The run is writing to ${targetName}. Leaving stops it after the write under way; what was written stays written, and the rest can be resumed when you come back to this page.`}
      </LeaveDialog>

      <Dialog open={!!confirming} onOpenChange={(_, data) => !data.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              Write {writes} change{writes === 1 ? '' : 's'} to {targetName}?
            </DialogTitle>
            <DialogContent>
              {confirming ? (
                <Text>
                  {writeWords(confirming.counts)},{' '}
                  {stepByStep ? 'one step at a time: after each, the run waits for you and shows the next.' : 'one at a time.'} Each object
                  is read back and compared with the plan. The versions replaced are kept in this device’s history; if the run stops, it can
                  resume.
                  {elsewhere
                    ? ` The unfinished run from ${elsewhere.origin?.label ?? 'another page'} is then forgotten: it can no longer be resumed.`
                    : ''}
                </Text>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(null)}>Cancel</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const plan = confirming!;
                  setConfirming(null);
                  const run = newApplyRun(plan, tenant.account.tenantId, tenant.context.clock, origin, inOrder);
                  setElsewhere(null);
                  setApplied(plan);
                  onStart?.(run);
                  start(run, stepByStep);
                }}
              >
                Write to {targetName}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
