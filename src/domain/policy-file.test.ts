import { describe, expect, it } from 'vitest';
import { parsePolicyFile, PolicyFileError } from './policy-file';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const policy = (displayName: string) => ({
  id: `id-${displayName}`,
  displayName,
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const names = (value: unknown) => parsePolicyFile(encode(value), 'export.json').map((p) => p.displayName);
const refusal = (value: unknown) => {
  try {
    parsePolicyFile(encode(value), 'export.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyFileError);
    return (error as Error).message;
  }
  throw new Error('the file was not refused');
};

describe('parsePolicyFile with files wrapped by export tools', () => {
  it('unwraps a policy under a key, whatever the key', () => {
    expect(names({ PolicyConfig: policy('A') })).toEqual(['A']);
    expect(names({ policy: policy('A'), exportedBy: 'tool', version: 3 })).toEqual(['A']);
    expect(names({ policies: [policy('A'), policy('B')] })).toEqual(['A', 'B']);
    expect(names({ value: [{ policy: policy('A') }, { policy: policy('B') }] })).toEqual(['A', 'B']);
  });

  it('unwraps arrays of wrappers and policies kept as JSON text in a property', () => {
    expect(names([{ PolicyConfig: policy('A') }, { PolicyConfig: JSON.stringify(policy('B')) }])).toEqual(['A', 'B']);
    expect(names({ displayName: 'Backup 2026', PolicyConfig: JSON.stringify({ value: [policy('A')] }) })).toEqual(['A']);
    expect(names(JSON.stringify(policy('A')))).toEqual(['A']);
  });

  it("lends a wrapper's name to a policy that has none, and keeps the id for matching", () => {
    const { displayName: _, ...unnamed } = policy('A');
    const [read] = parsePolicyFile(encode({ DisplayName: 'From the wrapper', PolicyConfig: unnamed }), 'export.json');
    expect(read!.displayName).toBe('From the wrapper');
    expect(read!.sourceId).toBe('id-A');
    expect(read!.body).not.toHaveProperty('id');
  });

  it('reads PowerShell objects with PascalCase keys and AdditionalProperties', () => {
    const pascal = {
      Id: 'p1',
      DisplayName: 'From PowerShell',
      State: 'enabled',
      AdditionalProperties: {},
      Conditions: {
        Users: { IncludeUsers: ['All'], AdditionalProperties: {} },
        Applications: { IncludeApplications: ['All'] },
        ClientAppTypes: ['all'],
      },
      GrantControls: { Operator: 'OR', BuiltInControls: ['mfa'] },
    };
    const [read] = parsePolicyFile(encode([pascal]), 'export.json', { reportOnly: false });
    expect(read!.displayName).toBe('From PowerShell');
    expect(read!.sourceId).toBe('p1');
    expect(read!.body).toEqual({
      displayName: 'From PowerShell',
      state: 'enabled',
      conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
  });
});

describe('parsePolicyFile refusing a file without policies', () => {
  it('says what the file holds instead, in one clean sentence', () => {
    const cases: [unknown, string][] = [
      [{ value: [{ displayName: 'Office', ipRanges: [] }] }, 'named locations'],
      [{ id: 'g', displayName: 'Admins', securityEnabled: true }, 'a group'],
      [[{ id: 'u', userPrincipalName: 'a@b.example' }], 'users'],
      [
        { TenantId: 't', Objects: [{ DisplayName: 'G', Id: 'g', Type: 'Group' }], Organization: 'o' },
        'a table of 1 directory object (names, ids and types)',
      ],
      [{ settings: { theme: 'dark' }, version: 2 }, 'an object with the properties “settings”, “version”'],
      [[1, 2, 3], 'a list of 3 numbers'],
      [[], 'an empty list'],
      [{ value: [] }, 'an empty list'],
      ['"just text"', 'a single text'],
      [{ displayName: 'Half a policy', conditions: {} }, 'a policy without a state, grant controls or session controls'],
    ];
    for (const [content, holds] of cases) {
      const message = refusal(content);
      expect(message).toBe(
        `export.json holds ${holds}, not Conditional Access policies. Choose a policy export (a policy, a Graph response, or a list of policies).`,
      );
      expect(message).not.toMatch(/other than Conditional Access policies/);
    }
  });
});
