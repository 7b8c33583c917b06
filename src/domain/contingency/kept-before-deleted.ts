// Choices an earlier version kept for a plan seen deleted, before the policies of a plan were kept beside its
// choices: when a plan with that id is back, nothing recorded tells its policies restored from Deleted items (the
// same ids: the choices are its own) from a plan made anew (another plan). They are not given to it unasked, but
// the admin, who knows which it was, may take them, told what they do; unless the choices themselves show they
// were for other policies (an exclusion on a policy this plan does not have), or hold nothing to take.
import { isolatedText } from '../isolate';
import type { ContingencyPlan, PlanEdits } from './contingency-plan';

const listed = (names: readonly string[]) => {
  const quoted = names.map((n) => `‘${isolatedText(n)}’`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)!}`;
};

/** What the choices do, in words: "turn off ‘A’ while it is on, and first exclude the emergency accounts from ‘B’". */
function whatTheyDo(choices: PlanEdits): string {
  const off = choices.suspend.length > 0 ? `turn off ${listed(choices.suspend.map((s) => s.name))} while it is on` : '';
  const first =
    choices.exclusions.length > 0 ? `exclude the emergency accounts from ${listed(choices.exclusions.map((s) => s.name))} first` : '';
  return [off, first].filter(Boolean).join(', and ');
}

/** What choices hold, said beside them where they are set aside, to tell them apart: "They were to turn off ‘A’." */
export function whatTheyHeld(choices: PlanEdits): string {
  const named = (disabled: boolean) => listed(choices.suspend.filter((s) => (s.to === 'disabled') === disabled).map((s) => s.name));
  const off = named(true);
  const reportOnly = named(false);
  const first =
    choices.exclusions.length > 0 ? `to exclude the emergency accounts from ${listed(choices.exclusions.map((s) => s.name))} first` : '';
  const all = [off && `to turn off ${off}`, reportOnly && `to put ${reportOnly} in report-only`, first].filter(Boolean).join(', and ');
  return all === '' ? 'They hold no policy to turn off and no exclusion.' : `They were ${all}.`;
}

/**
 * The question asked before choices kept before a plan was deleted are given to the plan that has their id now,
 * or null when they may not be offered.
 */
export function keptBeforeDeletedOffer(choices: PlanEdits, plan: ContingencyPlan): string | null {
  const own = new Set(plan.enable.map((s) => s.policyId));
  if (choices.exclusions.some((e) => !own.has(e.policyId))) return null;
  const does = whatTheyDo(choices);
  if (does === '') return null;
  return `Use these choices for the plan for ‘${isolatedText(plan.disruption)}’? They ${does}. This device did not record which policies they were saved with: use them if this plan’s policies were restored from Deleted items, not if the plan was made anew. They can be changed on the plan afterwards.`;
}
