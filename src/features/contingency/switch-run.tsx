// A contingency switch (or switch back) under way, through the shared plan flow: reviewed, then written step by
// step or in one action, recorded before its first write so a switch cut short can still be reverted; or a
// half-done switch's own run, from the journal. Either way it leads back to the plans.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ContingencyPlan } from '../../domain/contingency/contingency-plan';
import { activation, type SwitchRecord, type SwitchStep } from '../../domain/contingency/switch';
import { emptyImportSet, type ImportSet } from '../../domain/import/import-set';
import type { JsonObject } from '../../domain/json';
import type { PlanPurpose } from '../../domain/plan/plan-counts';
import type { RunOrigin } from '../../operations/apply-plan';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import type { ContingencyStore } from '../../session/contingency-store';
import { paths } from '../../shared/routes/paths';
import { isolatedText } from '../../shared/ui/isolated-text';
import { switchRunKey } from './switch-progress';

/** A switch read and computed, ready for its review; or a half-done one to go on with. */
export type SwitchMode =
  | { kind: 'activate' | 'revert'; plan: ContingencyPlan; fresh: JsonObject[]; source: ImportSet; key: string; gone: string[] }
  | { kind: 'continue'; plan: ContingencyPlan };

/** The policies as the steps leave them, in the order they are first touched: what the plan flow writes. */
export function importOf(steps: readonly SwitchStep[], tenantId: string): ImportSet {
  const last = new Map<string, JsonObject>();
  for (const step of steps) last.set(step.policyId, step.after);
  const set = emptyImportSet();
  set.origin.tenantId = tenantId;
  set.sections.policies = [...last.values()];
  return set;
}

/** A switch's run as the journal knows it: which plan, which way, resumed on this page. */
// A half-done switch's run keeps the key of the id its plan had when it began (its record's planId): an earlier
// version's id for a plan whose id changed since.
const switchOrigin = (kind: 'activate' | 'revert', plan: ContingencyPlan, runPlanId = plan.id): RunOrigin => ({
  key: switchRunKey(kind, runPlanId),
  path: paths.contingency,
  label: `Contingency, the switch ${kind === 'activate' ? 'to' : 'back from'} the plan for ${isolatedText(plan.disruption)}`,
});

/** Policies of a switch deleted since, in words: nothing to put back for them. */
export const goneWords = (names: readonly string[]) =>
  `${names.map((n) => `‘${isolatedText(n)}’`).join(', ')} ${names.length === 1 ? 'is' : 'are'} not in the tenant any more: there is nothing to put back for ${names.length === 1 ? 'it' : 'them'}.`;

// What a switch and its way back do to each policy, for the plan's counts ("3 are switched as the plan says").
const SWITCH_PURPOSE: PlanPurpose = { one: 'is switched as the plan says', many: 'are switched as the plan says' };
const BACK_PURPOSE: PlanPurpose = { one: 'is put back as it was before the switch', many: 'are put back as they were before the switch' };

interface Props {
  mode: SwitchMode;
  targetName: string;
  /** The plan's recorded switch, if any: a half-done run is found under the id it began with. */
  switched: SwitchRecord | undefined;
  /** Who switches and when: kept in the record. */
  by: string;
  now: () => Date;
  update: (change: (current: ContingencyStore) => ContingencyStore) => boolean;
  onBack: () => void;
}

export function SwitchRun({ mode, targetName, switched, by, now, update, onBack }: Props) {
  const back = (
    <Button appearance="transparent" onClick={onBack}>
      Back to the plans
    </Button>
  );
  if (mode.kind === 'continue')
    return (
      // The half-done switch's own run, from the journal: the rest of its steps, still one at a time.
      <PlanAndApply
        source={null}
        sourceKey={`continue:${mode.plan.id}`}
        targetName={targetName}
        origin={switchOrigin('activate', mode.plan, switched?.planId)}
        stepByStep
        onClosed={onBack}
      >
        <Text>No run of this switch is kept on this device any more. {back}</Text>
      </PlanAndApply>
    );
  const planId = mode.plan.id;
  return (
    <PlanAndApply
      source={mode.source}
      sourceKey={mode.key}
      targetName={targetName}
      origin={switchOrigin(mode.kind, mode.plan)}
      // The switch writes the states it means: on, off, or back to what they were.
      initialChoices={{ states: 'source' }}
      // Microsoft's guidance turns contingency policies on one at a time, checking each: a guided run.
      // The way back is one action.
      stepByStep={mode.kind === 'activate'}
      // Either way each write needs the one before: a switch stops at a refused write rather than, say, turn a
      // policy off whose replacement did not come on.
      inOrder
      change
      intro={
        mode.kind === 'activate'
          ? `The switch to the plan for ${isolatedText(mode.plan.disruption)}, in its order. `
          : `The way back from the plan for ${isolatedText(mode.plan.disruption)}: each policy as it was before the switch. `
      }
      purpose={mode.kind === 'activate' ? SWITCH_PURPOSE : BACK_PURPOSE}
      onStart={() => {
        // Recorded before the first write, so a switch cut short can still be reverted (or continued).
        if (mode.kind === 'activate') {
          const { record } = activation(mode.plan, mode.fresh, now());
          update((s) => ({ ...s, switches: { ...s.switches, [planId]: { ...record, by } } }));
        }
      }}
      onFinished={() => {
        if (mode.kind === 'revert')
          update((s) => ({ ...s, switches: Object.fromEntries(Object.entries(s.switches).filter(([id]) => id !== planId)) }));
      }}
      // Done, or a run put aside half way, goes back to the plans: not to the same plan (made before the writes) again.
      onClosed={onBack}
    >
      {mode.gone.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{mode.gone.length === 1 ? 'A policy is gone' : `${mode.gone.length} policies are gone`}</MessageBarTitle>
            {goneWords(mode.gone)} The others are put back; once they all are, the switch is closed.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Text>
        {mode.kind === 'activate'
          ? `Switching to the plan for ${isolatedText(mode.plan.disruption)}.`
          : `Switching back from the plan for ${isolatedText(mode.plan.disruption)}.`}{' '}
        {back}
      </Text>
    </PlanAndApply>
  );
}
