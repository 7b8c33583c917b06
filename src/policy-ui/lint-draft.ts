// The lint of one policy as it is being edited: the catalogue over it alone, with the tenant's other
// sources (names, named locations, emergency accounts), so the editor can mark what the lint would
// say of the draft. Rules that compare policies (near-duplicates) or judge the tenant are left out.
import type { JsonObject } from '../domain/json';
import { lintTenant } from '../domain/lint/catalogue';
import type { LintFinding } from '../domain/lint/types';
import { lintInputOf, type LintSources } from './lint-queries';

export function lintPolicy(sources: LintSources, policy: JsonObject, now: Date): LintFinding[] {
  const id = typeof policy.id === 'string' ? policy.id : '';
  const input = lintInputOf(sources, now);
  return lintTenant({ ...input, policies: [policy] }).filter((f) => f.policyId === id);
}
