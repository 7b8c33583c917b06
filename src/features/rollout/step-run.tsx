// A rollout's step in the shared plan flow (diff, lock-out guard, paced, journalled, read back), or
// its unfinished run resumed from the journal; with a way back to the rollout when no run is kept here.
import { Button } from '@fluentui/react-components';
import type { PendingStep, RolloutPlan } from '../../domain/rollout/rollout-plan';
import { afterStep, copyRowKey, groupRowKey, stepImport, type StepWrite } from '../../domain/rollout/steps';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { writtenCount, type ApplyRun, type RunOrigin } from '../../operations/apply-plan';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { paths } from '../../shared/routes/paths';
import { EmptyState } from '../../shared/ui/empty-state';
import type { PendingRun } from './pending-step';
import { useRowStyles } from './styles';

export type StepMode =
  | { kind: 'step'; policyId: string; write: StepWrite; key: string }
  /** The step's unfinished run, found in the journal when it was opened (null: none there); the run then goes on to its end here. */
  | { kind: 'resume'; policyId: string; origin: RunOrigin | null };

const STEP_WORDS: Record<PendingStep['kind'], string> = {
  start: 'its start',
  advance: 'a ring added',
  rollback: 'a ring rolled back',
  finish: 'its finish',
  cancel: 'its cancel',
};

/** A rollout step's run as the journal knows it: which step of which rollout, resumed on that rollout's page. */
export function stepOrigin(policyId: string, name: string, step: PendingStep): RunOrigin {
  return {
    key: `rollout:${policyId}:${step.kind}:${step.ring ?? ''}`,
    path: paths.rollout(policyId),
    label: `Rollout of ‘${name}’, ${STEP_WORDS[step.kind]}`,
  };
}

/** The journal's unfinished run when it is the rollout's pending step (or one from before runs said where they came from). */
export function resumableRun(run: ApplyRun | null, policyId: string, pending: PendingStep | null | undefined): ApplyRun | null {
  if (!run || run.finishedAt || !pending) return null;
  return !run.origin || run.origin.key === stepOrigin(policyId, '', pending).key ? run : null;
}

/** How far the pending step's run got, for the rollout's words: null when its run is not kept on this device. */
export function pendingRunOf(run: ApplyRun | null): PendingRun | null {
  if (!run) return null;
  const refused = run.items.find((item) => item.status === 'failed');
  return {
    written: writtenCount(run),
    total: run.items.length,
    refused: refused ? (run.stopped ?? `‘${refused.name}’ was refused: ${refused.message ?? ''}`) : null,
  };
}

/** What a finished run leaves in the plan: the copy's id, the new groups' ids, the step recorded. */
export function afterRun(
  plan: RolloutPlan,
  fallback: PendingStep,
  run: ApplyRun,
  policies: readonly ConditionalAccessPolicy[],
  at: Date,
): RolloutPlan {
  const copyItem = run.items.find((item) => item.key === copyRowKey(plan));
  const copyId = copyItem?.targetId ?? plan.copyId ?? policies.find((p) => p.displayName === plan.copyName)?.id ?? null;
  const groupIds = Object.fromEntries(
    plan.rings.flatMap((ring) => {
      const id = ring.group.id ? undefined : run.created[groupRowKey(plan, ring)];
      return id ? [[ring.key, id]] : [];
    }),
  );
  return afterStep(plan, plan.pending ?? fallback, { copyId, groupIds }, at);
}

export function StepRun({
  mode,
  policyName,
  tenantId,
  targetName,
  onBack,
  onStart,
  onFinished,
}: {
  mode: StepMode;
  policyName: string;
  tenantId: string;
  targetName: string;
  onBack(): void;
  /** A step's run has started: the rollout records it as pending. */
  onStart(write: StepWrite): void;
  onFinished(run: ApplyRun): void;
}) {
  const rows = useRowStyles();
  // Inside the plan flow: while its run writes, going back asks first, as leaving the page does.
  const back = { label: 'Back to the rollout', onBack };
  // Done on a written step goes back to the rollout, not to the same step planned again against the result.
  const onClosed = (run: ApplyRun) => run.finishedAt && onBack();
  if (mode.kind === 'step')
    return (
      <PlanAndApply
        back={back}
        source={stepImport(mode.write, tenantId)}
        sourceKey={mode.key}
        targetName={targetName}
        origin={stepOrigin(mode.policyId, policyName, mode.write.step)}
        // A step writes the states it means (report-only, on, off), and creates the new rings' groups.
        initialChoices={{ states: 'source' }}
        // The copy is not created when the policy could not be made report-only, nor a ring added to a copy not written.
        inOrder
        change
        intro={mode.write.intro}
        onStart={() => onStart(mode.write)}
        onFinished={onFinished}
        onClosed={onClosed}
      />
    );
  if (mode.origin)
    return (
      <PlanAndApply
        back={back}
        source={null}
        sourceKey="resume"
        targetName={targetName}
        origin={mode.origin}
        onFinished={onFinished}
        onClosed={onClosed}
      />
    );
  return (
    <>
      <div className={rows.row}>
        <Button data-back-to-rollout onClick={onBack}>
          Back to the rollout
        </Button>
      </div>
      <EmptyState title="No unfinished run on this device">
        The run of this step is not journalled here (it was closed, or run elsewhere). Check the policy and its copy, then forget the step.
      </EmptyState>
    </>
  );
}
