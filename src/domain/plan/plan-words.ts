// The words a plan's review uses for where its policies come from. Only an import (a backup, another
// tenant's or tool's export) is "the import" and may be a copy from another tenant; templates have no
// tenant and a change (a switch, a rollout step, a fix) rewrites the tenant's own policies, so their
// plans say what they are instead of speaking of an import the admin never made.
import type { ImportSet } from '../import/import-set';
import type { Plan, PlanAction, StateChoice } from './types';

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

/** How many objects a plan writes: those it creates, updates and restores from deleted items. */
export const writeCount = (counts: Record<PlanAction, number>) => counts.create + counts.update + counts.restore;

/** "2 to create, 1 to update": restores are said only when there are some. */
export const writeWords = (counts: Record<PlanAction, number>) =>
  [
    `${counts.create.toLocaleString('en-US')} to create`,
    `${counts.update.toLocaleString('en-US')} to update`,
    ...(counts.restore ? [`${counts.restore.toLocaleString('en-US')} to restore from deleted items`] : []),
  ].join(', ');
