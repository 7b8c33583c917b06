// The lines above an import's file results: what was brought, and, when it holds no policy, what to
// choose instead, since the plan is made of policies and a named location or group file alone gives none.
import type { ImportSet } from '../../domain/import/import-set';
import { listWords, plural, SECTION_WORDS } from '../../domain/import/words';
import { SERVICE_POLICY_LIMIT } from '../../domain/plan/limits';

const COUNTED = ['policies', 'namedLocations', 'authenticationStrengths', 'authenticationContexts'] as const;
const CARRIED = ['namedLocations', 'authenticationStrengths', 'authenticationContexts', 'termsOfUse'] as const;

/** "From MigrationTable.json: a migration table of 34 directory objects…": one file read says all its reader found. */
export function summaryLine(label: string, set: ImportSet): string {
  const [only] = set.files;
  if (set.files.length === 1 && only?.status === 'read' && only.message) {
    const said = /^(A|An|The) /.test(only.message) ? `${only.message[0]!.toLowerCase()}${only.message.slice(1)}` : only.message;
    return `From ${label}: ${said}`;
  }
  const counts = COUNTED.filter((s) => set.sections[s].length > 0).map((s) =>
    plural(set.sections[s].length, SECTION_WORDS[s][0], SECTION_WORDS[s][1]),
  );
  return `From ${label}: ${counts.length > 0 ? counts.join(', ') : 'no policies'}.`;
}

/** What to do when nothing can be planned (no policy), or null when there is a plan. */
export function nextStep(set: ImportSet): string | null {
  if (set.sections.policies.length > 0) return null;
  const carried = CARRIED.filter((s) => set.sections[s].length > 0).map((s) => SECTION_WORDS[s][1]);
  const uses = [
    ...(carried.length > 0 ? [`brings ${listWords(carried)} only with the policies that use them`] : []),
    ...(set.references.length > 0 ? ['reads groups, users and migration tables only to match the ids policies name'] : []),
  ];
  const these = set.files.length === 1 ? 'this file' : 'these files';
  if (uses.length > 0)
    return `Nothing to import on its own: an import writes policies, and ${listWords(uses)}. Choose ${these} together with the policy files, or the whole folder that holds them.`;
  return 'Nothing to import: no policy was found. Choose a policy export (a policy, a Graph response, or a list of policies), a Gatehouse backup, or a folder exported by another tool.';
}

/**
 * Said as soon as the files are read, before any plan: an import of more policies than a tenant may
 * hold can never be written whole, so the admin learns at once to choose fewer. Null within the limit.
 */
export function policyLimitWords(set: ImportSet): string | null {
  const count = set.sections.policies.length;
  if (count <= SERVICE_POLICY_LIMIT) return null;
  const these = set.files.length === 1 ? 'This file holds' : 'These files hold';
  return `${these} ${count.toLocaleString('en-US')} policies; a tenant holds at most ${SERVICE_POLICY_LIMIT}, so they cannot all be written. Choose a smaller file, or leave most of them out: “Choose policies…” in the plan below picks the ones to bring in.`;
}
