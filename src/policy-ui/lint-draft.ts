// The lint of one policy as it is being edited: the catalogue over it alone, with the tenant's other
// sources (names, named locations, emergency accounts), so the editor can mark what the lint would
// say of the draft. Rules that compare policies (near-duplicates) or judge the tenant are left out.
// It runs in the lint's worker, so neither the catalogue nor its work weighs on the editor.
import type { JsonObject } from '../domain/json';
import type { LintFinding, LintInput } from '../domain/lint/types';
import { lintInputOf, lintOffThread, type LintSources } from './lint-queries';

/** Every string in a JSON value, lower-cased: the ids (and appIds, template ids…) a policy names. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value.toLowerCase());
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/**
 * What the catalogue reads to lint this one policy. Of the tenant's directory objects, only those the
 * draft names go along: the lint asks only about those, and the whole table (thousands of entries at
 * the service's limit) was copied to the worker at each pause in typing.
 */
export function draftLintInput(sources: LintSources, policy: JsonObject, now: Date): LintInput {
  const input = lintInputOf({ ...sources, policies: [] }, now);
  const named = stringsIn(policy);
  return {
    ...input,
    policies: [policy],
    ...(input.references && { references: input.references.filter((entry) => named.has(entry.id.toLowerCase())) }),
  };
}

/** The draft's findings (its own only). */
export async function lintDraft(input: LintInput, signal: AbortSignal): Promise<LintFinding[]> {
  const id = typeof input.policies[0]?.id === 'string' ? input.policies[0].id : '';
  return (await lintOffThread(input, signal)).filter((f) => f.policyId === id);
}
