// The words a plan's review uses for where its policies come from. Only an import (a backup, another
// tenant's or tool's export) is "the import" and may be a copy from another tenant; templates have no
// tenant and a change (a switch, a rollout step, a fix) rewrites the tenant's own policies, so their
// plans say what they are instead of speaking of an import the admin never made.
import type { ImportSet } from '../import/import-set';
import type { BlockerKind, Plan, PlanAction, PlanProblem, StateChoice } from './types';

export type PlanSourceKind = 'import' | 'templates' | 'change';

const SOURCE_STATE: Record<PlanSourceKind, string> = {
  import: 'As in the import',
  templates: 'As in the template',
  change: 'As planned',
};

/** The choices of a policy's state, in words. */
export const stateWords = (kind: PlanSourceKind): Record<StateChoice, string> => ({
  reportOnly: 'Report-only',
  source: SOURCE_STATE[kind],
  off: 'Off',
  target: kind === 'import' ? 'As this tenant has it' : 'As it is now',
});

/** What the plan is, in a sentence, when its caller does not say. */
export function planIntro(kind: PlanSourceKind, sameTenant: boolean, targetName: string): string {
  if (kind === 'templates')
    return `New policies from the gallery’s templates, written into ${targetName}: their references are mapped below. `;
  if (kind === 'change') return `Changes to the policies of ${targetName}. `;
  return sameTenant ? 'A restore into the tenant the import came from. ' : 'A copy into another tenant: references are mapped below. ';
}

/**
 * Whether translating sign-in domains can help: the source is another tenant's and knows its users by
 * sign-in name or mail. Templates carry blanks, never another tenant's names, so they are not offered it.
 */
export function offersDomainMap(source: ImportSet, plan: Pick<Plan, 'sameTenant'>): boolean {
  if (plan.sameTenant) return false;
  return !!source.origin.domain || source.references.some((ref) => !!(ref.userPrincipalName || ref.mail));
}

/**
 * Whether the plan has references for the admin to map: a copy's always; a plan within one tenant's only when one
 * needs a look (nothing or several found for it, or a problem to show, such as a gone reference its policies still need).
 * One found again by its role template or name is decided, as the mapping table's own "need a look" count has it.
 */
export const hasReferencesToMap = (plan: Pick<Plan, 'sameTenant' | 'mapping'>): boolean =>
  !plan.sameTenant ||
  plan.mapping.some((row) => row.choice === null || row.status === 'ambiguous' || row.status === 'none' || row.problems.length > 0);

/** How many objects a plan writes: those it creates, updates and restores from deleted items. */
export const writeCount = (counts: Record<PlanAction, number>) => counts.create + counts.update + counts.restore;

/** "2 to create, 1 to update": restores are said only when there are some. */
export const writeWords = (counts: Record<PlanAction, number>) =>
  [
    `${counts.create.toLocaleString('en-US')} to create`,
    `${counts.update.toLocaleString('en-US')} to update`,
    ...(counts.restore ? [`${counts.restore.toLocaleString('en-US')} to restore from deleted items`] : []),
  ].join(', ');

/** What to do here about each kind of blocker: the blocker says what is wrong, this where the way on is. */
const NEXT_STEPS: Record<BlockerKind, string> = {
  unmappedGroup: 'Map the group to one in this tenant (or create it, where its row offers that), or leave out the policies that use it.',
  unmapped: 'Choose on its row what stands for it in this tenant, or leave out the policies that use it.',
  widened: 'Map it to one in this tenant instead, or confirm on its row that the policies may apply more widely.',
  refused: 'Leave the policy out, or correct what Graph refuses in the policy itself and plan again.',
  lockout:
    'Write the policy report-only (its state), leave it out, or, if the account keeps another way in, confirm the risk below the rows.',
  restoreLockout:
    'Its planned state applies only once it is back: choose Create on its row (a new policy, written in its planned state), leave it out, or, if the account keeps another way in for that moment, confirm the risk below the rows.',
  sameNamePolicy: 'Leave the policy out and change the right one by hand, or confirm to create it beside them.',
  sameNameObject: 'Leave it out, or confirm to create another of the same name.',
  sameNameReferenced: 'Choose in References which of them the policies are to name.',
  policyLimit: 'Leave out some of the new policies (Choose policies…), or delete policies this tenant no longer needs, then plan again.',
};

/** The next step for a blocker, in words; none for one of no known kind (a plan file written before kinds were kept). */
export const nextStep = (problem: Pick<PlanProblem, 'kind'>): string | null => (problem.kind ? NEXT_STEPS[problem.kind] : null);
