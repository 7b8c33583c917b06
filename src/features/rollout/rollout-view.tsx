// One rollout: its rings with their members and where each stands, the gate before the next step,
// the steps themselves (start, next ring, finish, a rollback per ring, the cancel), each handed to the
// shared plan flow, the copy's deletion once the policy is on or the rollout cancelled, and the timeline.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { canOverride, gateEvent, gateOpen, overrideEvent, unreadGateEvent } from '../../domain/rollout/gate';
import { policyCoversRing } from '../../domain/rollout/rings';
import { nextRing, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { advanceStep, afterCopyDeleted, cancelStep, finishStep, rollbackStep, startStep, type StepWrite } from '../../domain/rollout/steps';
import { policyJson, type JsonObject } from '../../domain/json';
import type { EmergencyAccess } from '../../domain/lockout';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { StateBadge } from '../../policy-ui/state-badge';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { DeleteCopyButton } from './delete-copy-button';
import { GatePanel } from './gate-panel';
import { RingTable } from './ring-table';
import { TimelineList } from './timeline-list';
import { useGate } from './use-gate';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { ringName } from './names';
import { ConfirmButton } from './confirm-button';
import { PendingStep, type PendingRun } from './pending-step';
import { OutcomeNotice, useOutcome } from './outcome-notice';
import { CancelRolloutButton, DeleteCancelledCopy } from './cancel-rollout';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const STATUS_WORDS: Record<RolloutPlan['status'], string> = {
  planned: 'Planned: nothing written yet.',
  running: 'Under way.',
  finishing: 'The policy is on for its own users: the copy is left to delete.',
  finished: 'Finished.',
  cancelled: 'Cancelled: the policy was put back as it was before the rollout.',
};

/** What deleting the copy meant for the rings, after "“… [rollout]” is deleted". */
const deletedWords = (uncovered: readonly string[] | null) =>
  uncovered === null
    ? ''
    : uncovered.length === 0
      ? ': the policy itself covers the rings now'
      : `: the policy does not include all users, nor ${uncovered.join(', ')}, so it does not apply to the members it leaves out`;

export function RolloutView({
  plan,
  original,
  copy,
  emergency,
  now,
  onChange,
  onStep,
  onForget,
  takeFocus = false,
  policiesRead = true,
  pendingRun = null,
}: {
  plan: RolloutPlan;
  original: ConditionalAccessPolicy | undefined;
  copy: ConditionalAccessPolicy | undefined;
  emergency: EmergencyAccess;
  now(): Date;
  onChange(change: (plan: RolloutPlan) => RolloutPlan): void;
  /** A step, made from the policy as read again just before it (a stale list would write over a colleague's change). */
  onStep(make: (original: JsonObject) => StepWrite): void;
  onForget(): void;
  /** Back from a step's run (Done, Back to the rollout): the keyboard lands on the rollout's title, not on the page's start. */
  takeFocus?: boolean;
  /** False while the tenant's policies are still being read: a policy not found yet is not a policy gone. */
  policiesRead?: boolean;
  /** How far the pending step's run got, from this device's journal (null: its run is not kept here). */
  pendingRun?: PendingRun | null;
}) {
  const styles = useStyles();
  const title = useRef<HTMLHeadingElement>(null);
  const advance = useRef<HTMLButtonElement>(null);
  // Before the page is painted, in the drawing that took away the button pressed: the focus never rests on the body.
  useLayoutEffect(() => {
    if (takeFocus) title.current?.focus();
    // Once, when the view is shown again after the run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  /** What an action here did, said where it is shown (again when done again); with the focus on the title when its button left. */
  const { outcome, say } = useOutcome();
  /** The occasion whose button left: the title takes the focus. */
  const [titleFocusFor, setTitleFocusFor] = useState<number | null>(null);
  useEffect(() => {
    if (titleFocusFor === null) return;
    // After the dialog that did it has closed and given the focus back to a button no longer there.
    const timer = setTimeout(() => title.current?.focus(), 0);
    title.current?.focus();
    return () => clearTimeout(timer);
  }, [titleFocusFor]);
  const said = (words: { title: string; text: string }, focusTitle: boolean) => {
    const occasion = say(words);
    if (focusTitle) setTitleFocusFor(occasion);
  };
  const write = useWriteAccess();
  const gate = useGate({
    onResult: (result) => onChange((current) => gateEvent(current, result, now())),
    onUnavailable: (reason) => onChange((current) => unreadGateEvent(current, reason, now())),
  });
  const json = original ? policyJson(original) : null;
  // The rings whose members the policy itself may not cover (null: the policy is not read): for them the copy enforces it.
  const uncovered = json ? plan.rings.filter((ring) => !policyCoversRing(json, ring.group)).map((ring) => ringName(plan, ring.key)) : null;
  const next = nextRing(plan);
  const open = gateOpen(plan);
  const step = (make: (original: JsonObject) => StepWrite) => {
    gate.reset();
    onStep(make);
  };

  return (
    <section className={styles.view} aria-labelledby="rollout-title">
      <h2 id="rollout-title" className={styles.heading} ref={title} tabIndex={-1}>
        Rollout of “<Isolated>{plan.policyName}</Isolated>”
      </h2>
      <div className={styles.row}>
        <Text>
          {plan.status === 'planned' && plan.pending && pendingRun && pendingRun.written > 0
            ? `Starting: ${pendingRun.written} of the start’s ${pendingRun.total} writes done.`
            : STATUS_WORDS[plan.status]}
        </Text>
        {original ? (
          <Text>
            The policy: <StateBadge state={original.state ?? ''} />
          </Text>
        ) : null}
        {copy ? (
          <Text>
            The copy “<Isolated>{plan.copyName}</Isolated>”: <StateBadge state={copy.state ?? ''} />
          </Text>
        ) : null}
      </div>
      {policiesRead && !original && plan.status !== 'finished' && plan.status !== 'cancelled' ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The policy is not in the tenant</MessageBarTitle>“<Isolated>{plan.policyName}</Isolated>” was deleted or cannot
            be read: no step can be written. Restore it from Deleted policies, or remove this rollout.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan.pending ? <PendingStep plan={plan} run={pendingRun} /> : null}
      <OutcomeNotice outcome={outcome} />

      <RingTable
        plan={plan}
        policy={json}
        whyNot={
          !write.allowed
            ? write.reason
            : !json
              ? policiesRead
                ? 'the policy is not in the tenant, so no step can be written.'
                : 'the policies are still being read.'
              : plan.pending
                ? 'a step is unfinished: open it to resume it, or forget it, first.'
                : null
        }
        onRollback={(key) => step((fresh) => rollbackStep(plan, fresh, key))}
      />

      {plan.status === 'planned' && json ? (
        <div className={styles.row}>
          <WriteAccessTooltip access={write}>
            <Button appearance="primary" disabledFocusable={!write.allowed} onClick={() => step((fresh) => startStep(plan, fresh))}>
              Start the rollout…
            </Button>
          </WriteAccessTooltip>
          <ConfirmButton
            title={
              <>
                Remove the plan for “<Isolated>{plan.policyName}</Isolated>”?
              </>
            }
            confirm="Remove the plan"
            body="Nothing was written to the tenant: the policy stays as it is. The rings and thresholds planned are gone from this device."
            onConfirm={onForget}
          >
            Remove this plan
          </ConfirmButton>
        </div>
      ) : null}

      {plan.status === 'running' && !plan.pending ? (
        <>
          <GatePanel
            read={gate.read}
            nextLabel={next ? ringName(plan, next.key) : null}
            canOverride={canOverride(plan)}
            writable={write.allowed}
            onCheck={() => void gate.check(plan, json ?? undefined, emergency)}
            onOverride={(reason) => {
              onChange((current) => overrideEvent(current, reason, now()));
              said(
                {
                  title: 'The gate was overridden',
                  text: `${next ? `${ringName(plan, next.key)} can be added` : 'The rollout can be finished'}; your reason is kept in the timeline.`,
                },
                false,
              );
              // The override's field and button leave once the gate lets the step through: the keyboard goes to that step.
              if (advance.current) advance.current.focus();
              else title.current?.focus();
            }}
          />
          {json ? (
            <div className={styles.row}>
              <WriteAccessTooltip access={write}>
                <Button
                  ref={advance}
                  appearance="primary"
                  disabledFocusable={!write.allowed || !open}
                  aria-describedby={!open ? 'advance-why' : undefined}
                  onClick={() => step((fresh) => (next ? advanceStep(plan, fresh) : finishStep(plan, fresh)))}
                >
                  {next ? `Add ${ringName(plan, next.key)}…` : 'Finish: turn the policy on…'}
                </Button>
              </WriteAccessTooltip>
              <CancelRolloutButton plan={plan} onCancel={() => step((fresh) => cancelStep(plan, fresh))} />
              {!open ? (
                <Text id="advance-why">
                  The gate has not let this step through yet: read it; a pause can be overridden, a hit on an emergency account cannot.
                </Text>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}

      {plan.status === 'finishing' ? (
        copy ? (
          <DeleteCopyButton
            copy={copy}
            uncovered={uncovered}
            onDeleted={() => {
              onChange((current) => afterCopyDeleted(current, now()));
              said(
                {
                  title: 'The copy was deleted',
                  text: `“${isolatedText(plan.copyName)}” is deleted${deletedWords(uncovered)}, and the rollout is done.`,
                },
                true,
              );
            }}
          />
        ) : (
          <div className={styles.row}>
            <Text>The copy is no longer in the tenant.</Text>
            <Button
              onClick={() => {
                onChange((current) => afterCopyDeleted(current, now()));
                said({ title: 'Recorded as finished', text: 'The rollout is finished: it is kept in the timeline below.' }, true);
              }}
            >
              Record the rollout as finished
            </Button>
          </div>
        )
      ) : null}
      {plan.status === 'finished' || plan.status === 'cancelled' ? (
        <div className={styles.row}>
          {plan.status === 'cancelled' && copy ? (
            <DeleteCancelledCopy
              copy={copy}
              onDeleted={() => {
                onChange((current) => afterCopyDeleted(current, now()));
                said(
                  { title: 'The copy was deleted', text: `“${isolatedText(plan.copyName)}” is deleted; the rollout stays cancelled.` },
                  true,
                );
              }}
            />
          ) : null}
          <ConfirmButton
            icon={<ArrowUndoRegular />}
            title={
              <>
                Remove the rollout of “<Isolated>{plan.policyName}</Isolated>” from this device?
              </>
            }
            confirm="Remove the rollout"
            body="The policy and the tenant stay as they are. The rollout’s rings and its timeline are gone from this device (a backup made before keeps them)."
            onConfirm={onForget}
          >
            Remove this rollout from the device
          </ConfirmButton>
        </div>
      ) : null}

      <TimelineList plan={plan} />
    </section>
  );
}
