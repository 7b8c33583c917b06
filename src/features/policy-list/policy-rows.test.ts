import { describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { LintFinding, LintSeverity } from '../../domain/lint/types';
import { findingsByPolicy, findingsOf } from '../../policy-ui/lint-summary';
import { sortRows, toRow } from './policy-rows';

const row = (id: string) => toRow({ id, displayName: id, state: 'enabled' } as ConditionalAccessPolicy, undefined);
const finding = (policyId: string, severity: LintSeverity) => ({ policyId, severity, ruleId: `rule-${severity}` }) as LintFinding;

describe('sorting the policies by their findings', () => {
  // none: "—"; one-info: 1 suggestion; one-error: 1 error; three: 3 warnings; two: 1 warning and 1 suggestion.
  const summaries = findingsByPolicy([
    finding('one-info', 'info'),
    finding('one-error', 'error'),
    ...[1, 2, 3].map(() => finding('three', 'warning')),
    finding('two', 'warning'),
    finding('two', 'info'),
  ]);
  const rows = ['three', 'none', 'two', 'one-error', 'one-info'].map(row);
  const order = (direction: 'ascending' | 'descending') =>
    sortRows(rows, 'findings', direction, (id) => findingsOf(summaries, id)).map((r) => r.id);

  it('ascending puts the mildest first: those without findings, then suggestions, then fewer warnings', () => {
    expect(order('ascending')).toEqual(['none', 'one-info', 'two', 'three', 'one-error']);
  });

  it('descending puts the worst first (an error before three warnings), then the most findings, those without last', () => {
    expect(order('descending')).toEqual(['one-error', 'three', 'two', 'one-info', 'none']);
  });
});

describe('a row of a policy for agents', () => {
  it("names the agent identities in the Users column, not 'No users'", () => {
    const agents = toRow(
      {
        id: 'a',
        displayName: 'Block agents',
        state: 'enabled',
        conditions: {
          users: { includeUsers: ['None'] },
          applications: { includeApplications: ['All'] },
          clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: ['x'] },
        },
      } as unknown as ConditionalAccessPolicy,
      undefined,
    );
    expect(agents.users).toBe('All agent identities (excluding 1)');
  });
});
