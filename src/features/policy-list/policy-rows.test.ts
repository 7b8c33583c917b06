import { describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { LintFinding, LintSeverity } from '../../domain/lint/types';
import { findingsByPolicy, findingsOf } from '../../policy-ui/lint-summary';
import { sortRows, toRow } from './policy-rows';
import type { NameDirectory } from '../../domain/references';
import { describeMatch } from '../../domain/search-match';

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

describe('names in a row, isolated', () => {
  const GROUP = '22222222-2222-2222-2222-222222222222';
  const names: NameDirectory = {
    names: new Map([[`group:${GROUP}`, { id: GROUP, kind: 'group', displayName: '\u202Ex' }]]),
    failures: [],
  };
  const policy = {
    id: 'p',
    displayName: 'Isolated',
    state: 'enabled',
    conditions: {
      users: { includeGroups: [GROUP], excludeUsers: ['11111111-1111-1111-1111-111111111111'] },
      applications: { includeApplications: ['All'] },
    },
    grantControls: { operator: 'AND', builtInControls: ['mfa'], authenticationStrength: { id: 's', displayName: '\u202Estrong' } },
  } as unknown as ConditionalAccessPolicy;

  it('keeps a direction control in a group name from reversing the words after it', () => {
    expect(toRow(policy, names).users).toBe('\\u202Ex (excluding 1)');
  });

  it('isolates an authentication strength in the Grant column', () => {
    expect(toRow(policy, names).grant).toBe('MFA and \\u202Estrong');
  });

  it('isolates the excluded group a search matched in the hint beside the name', () => {
    const excluded = { ...policy, conditions: { users: { includeUsers: ['All'], excludeGroups: [GROUP] } } } as ConditionalAccessPolicy;
    expect(describeMatch(toRow(excluded, names), 'x')).toBe('Matches excluded group “\\u202Ex”');
  });
});
