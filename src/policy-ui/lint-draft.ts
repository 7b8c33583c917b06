// The lint of one policy as it is being edited: the catalogue over it alone, with the tenant's other
// sources (names, named locations, emergency accounts), so the editor can mark what the lint would
// say of the draft. Rules that compare policies (near-duplicates) or judge the tenant are left out.
// It runs in the lint's worker, so neither the catalogue nor its work weighs on the editor.
import type { JsonObject } from '../domain/json';
import type { LintFinding, LintInput } from '../domain/lint/types';
import { collectReferences } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { lintOffThread } from './lint-off-thread';
import { lintInputOf, type LintSources } from './lint-queries';

/**
 * What the catalogue reads to lint this one policy. Of the tenant's directory objects, only those the
 * draft names go along: the lint asks only about those, and the whole table (thousands of entries at
 * the service's limit) was copied to the worker at each pause in typing.
 */
export function draftLintInput(sources: LintSources, policy: JsonObject, now: Date): LintInput {
  // A draft is any JSON as typed; collectReferences reads each place defensively.
  const refs = collectReferences([policy as ConditionalAccessPolicy]);
  const named = new Set<string>();
  for (const id of [...refs.directoryObjects, ...refs.roles, ...refs.applications]) named.add(id.toLowerCase());
  return { ...lintInputOf({ ...sources, policies: [] }, now, named), policies: [policy] };
}

/** The draft's findings (its own only). */
export async function lintDraft(input: LintInput, signal: AbortSignal): Promise<LintFinding[]> {
  const id = typeof input.policies[0]?.id === 'string' ? input.policies[0].id : '';
  return (await lintOffThread(input, signal)).filter((f) => f.policyId === id);
}
