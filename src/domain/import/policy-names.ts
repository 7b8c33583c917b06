// Runs the name pass over a file's policies and says in words what it found: built-in roles named
// and turned into template ids, names left for the plan to look up, blanks to fill.
import type { JsonObject } from '../json';
import type { FileContent } from './file-content';
import { resolveNames } from './named-values';
import { plural, someNames } from './words';

export function addPolicies(content: FileContent, policies: readonly JsonObject[]) {
  const builtIn = new Set<string>();
  const names = new Set<string>();
  const blanks = new Set<string>();
  for (const policy of policies) {
    const resolved = resolveNames(policy);
    content.sections.policies.push(resolved.policy);
    content.references.push(...resolved.references);
    content.sectionReferences.push(...resolved.sectionReferences);
    resolved.notes.builtIn.forEach((n) => builtIn.add(n));
    resolved.notes.names.forEach((n) => names.add(n));
    resolved.notes.blanks.forEach((n) => blanks.add(n));
  }
  if (builtIn.size > 0)
    content.notes.push(
      `Built-in ${builtIn.size === 1 ? 'role or strength' : 'roles or strengths'} named by display name, taken by id: ${someNames([...builtIn])}.`,
    );
  if (names.size > 0)
    content.notes.push(`${plural(names.size, 'name')} where ids belong, to match in the target: ${someNames([...names])}.`);
  if (blanks.size > 0) content.notes.push(`${plural(blanks.size, 'blank')} to fill: ${someNames([...blanks])}.`);
}
