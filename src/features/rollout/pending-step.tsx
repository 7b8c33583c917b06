// A rollout's step started and not recorded as done: how far its run got on this device (from the
// journal), Graph's refusal if it stopped at one, and what the admin can do (resume it, or forget it).
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { ringName } from './names';

/** What the journal says of a pending step's run: how many of its writes are done, and Graph's refusal if it stopped at one. */
export interface PendingRun {
  written: number;
  total: number;
  /** The refused write and Graph's words, when the run stopped at one. */
  refused: string | null;
}

const stepName = (plan: RolloutPlan, step: NonNullable<RolloutPlan['pending']>) =>
  step.kind === 'start'
    ? 'The start'
    : step.kind === 'finish'
      ? 'The finish'
      : step.kind === 'cancel'
        ? 'The cancel'
        : `${step.kind === 'rollback' ? 'The rollback of' : 'Adding'} ${ringName(plan, step.ring)}`;

/** A step started and not recorded as done: how far its run got, and what the admin can do. */
export function PendingStep({ plan, run }: { plan: RolloutPlan; run: PendingRun | null }) {
  const name = stepName(plan, plan.pending!);
  const after = 'forget it: the rollout stays as it was recorded before it.';
  return (
    <MessageBar intent={run?.refused ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>
        {run?.refused ? (
          <>
            <MessageBarTitle>{name} stopped at a write Graph refused</MessageBarTitle>
            {run.written} of {run.total} written. {run.refused} Open the step to see each write and resume it (the refused write is sent
            again, the rest after it), or {after}
          </>
        ) : run ? (
          <>
            <MessageBarTitle>{name} is not finished</MessageBarTitle>
            {run.written} of {run.total} written when its run stopped or the page was left. Open the step to resume it, or, if it was
            abandoned, {after}
          </>
        ) : (
          <>
            <MessageBarTitle>A step was started and not seen to finish</MessageBarTitle>
            {name} was being written, and its run is not kept on this device (it was put aside, or run in another browser). Check the policy
            and its copy, then {after}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
