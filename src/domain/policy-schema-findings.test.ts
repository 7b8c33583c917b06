// The schema's findings read as sentences an admin understands: the property in the admin center's
// words, what it may be, what it is now; never the validator's own wording.
import { describe, expect, it } from 'vitest';
import { checkPolicy } from './policy-checks';
import { schemaChecker, schemaFindings } from './policy-schema-findings';

const valid = {
  displayName: 'Require MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};
/** The valid policy with changes at dotted paths (undefined deletes). */
const findingsWith = (...changes: [string, unknown][]) => {
  const policy = structuredClone(valid) as Record<string, unknown>;
  for (const [path, value] of changes) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce((node, key) => (node[key] ??= {}) as Record<string, unknown>, policy);
    if (value === undefined) delete parent[keys[keys.length - 1]!];
    else parent[keys[keys.length - 1]!] = value;
  }
  return schemaFindings(policy);
};
const only = (findings: ReturnType<typeof schemaFindings>) => {
  expect(findings).toHaveLength(1);
  return findings[0]!;
};
// What the validator says on its own; none of it may reach the admin.
const RAW = /Instance|does not match|subschema|Items did not|Property "|\[".*"\]/;

describe('schema findings', () => {
  it('name the choices of an enum in the admin center’s words, then as the JSON spells them', () => {
    const finding = only(findingsWith(['state', 'on']));
    expect(finding).toMatchObject({ path: ['state'], severity: 'error', code: '1007' });
    expect(finding.message).toBe(
      'State must be one of On, Off, Report-only: in the JSON "enabled", "disabled", "enabledForReportingButNotEnforced". "on" is not one of them.',
    );
  });

  it('say which item of a list is not one of its choices', () => {
    const finding = only(findingsWith(['conditions.clientAppTypes', ['all', 'legacy']]));
    expect(finding.path).toEqual(['conditions', 'clientAppTypes', 1]);
    expect(finding.message).toMatch(/^Client apps must be one of All client apps, Browser, .*"legacy" is not one of them\.$/);
  });

  it('say what type a value must be and what it is', () => {
    const finding = only(findingsWith(['grantControls.builtInControls', 'mfa']));
    expect(finding).toMatchObject({ path: ['grantControls', 'builtInControls'], severity: 'error' });
    expect(finding.message).toBe('Grant controls must be a list in square brackets, not text.');
    expect(only(findingsWith(['conditions.users', 'All'])).message).toBe('Users must be an object in braces or null, not text.');
  });

  it('name a property without words of its own after its owner', () => {
    const finding = only(findingsWith(['sessionControls.signInFrequency.isEnabled', 'yes']));
    expect(finding.message).toBe('Sign-in frequency (isEnabled) must be true or false, not text.');
  });

  it('say what is missing and where to add it', () => {
    const findings = findingsWith(['displayName', undefined], ['conditions.applications', undefined]);
    expect(findings.map((f) => [f.path.join('.'), f.severity, f.message])).toEqual([
      ['displayName', 'error', 'Name is missing: add "displayName" to the policy.'],
      ['conditions.applications', 'error', 'Target resources is missing: add "applications" to Conditions.'],
    ]);
  });

  it('list the alternatives of an anyOf, special values with their meaning', () => {
    const finding = only(findingsWith(['grantControls.authenticationStrength', { id: 'strong' }]));
    expect(finding).toMatchObject({ path: ['grantControls', 'authenticationStrength', 'id'], severity: 'error' });
    expect(finding.message).toBe(
      'Authentication strength (id): "strong" must be Multifactor authentication (built-in) ("00000000-0000-0000-0000-000000000002"), Passwordless MFA (built-in) ("00000000-0000-0000-0000-000000000003"), Phishing-resistant MFA (built-in) ("00000000-0000-0000-0000-000000000004") or a custom authentication strength.',
    );
  });

  it('list the alternatives of a oneOf the same way', () => {
    const check = schemaChecker({
      type: 'object',
      properties: { state: { oneOf: [{ const: 'enabled', description: 'On' }, { type: 'boolean' }] } },
    });
    expect(check({ state: 'yes' }).map((f) => f.message)).toEqual(['State: "yes" must be On ("enabled") or true or false.']);
  });

  it('warn, without blocking, about an id that is no id: Graph stores it, and it matches nothing', () => {
    const finding = only(findingsWith(['conditions.users.includeUsers', ['hugo@contoso.com']]));
    expect(finding).toMatchObject({ path: ['conditions', 'users', 'includeUsers', 0], severity: 'warning' });
    expect(finding.code).toBeUndefined();
    expect(finding.message).toMatch(
      /^Included users: "hugo@contoso.com" must be All users \("All"\), No users \("None"\), .* or the object id \(a GUID\) of a user\. As it is, it matches nothing: probably a typo, or a name where an id belongs\.$/,
    );
    expect(only(findingsWith(['conditions.users.excludeGroups', ['Finance']])).message).toBe(
      'Excluded groups: "Finance" is not the object id (a GUID) of a group. As it is, it matches nothing: probably a typo, or a name where an id belongs.',
    );
  });

  it('name the members of a comma-separated flags value', () => {
    const finding = only(findingsWith(['conditions.insiderRiskLevels', 'minor,big']));
    expect(finding).toMatchObject({
      severity: 'error',
      message: 'Insider risk must be one or more of minor, moderate, elevated, separated by commas. "minor,big" is not.',
    });
  });

  it('warn about an entry listed twice, at its second place', () => {
    const finding = only(findingsWith(['conditions.users.includeUsers', ['All', 'All']]));
    expect(finding).toEqual({
      path: ['conditions', 'users', 'includeUsers', 1],
      severity: 'warning',
      message: 'Included users lists "All" twice; once is enough.',
    });
  });

  it('warn about a value below what the admin center allows', () => {
    const finding = only(
      findingsWith(['sessionControls.signInFrequency', { isEnabled: true, value: 0, type: 'hours', frequencyInterval: 'timeBased' }]),
    );
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'Sign-in frequency (value) is 0: the admin center allows no less than 1, so this is probably a mistake.',
    });
  });

  it('say an empty name cannot be', () => {
    expect(only(findingsWith(['displayName', ''])).message).toBe('Name cannot be empty.');
  });

  it('shorten a long value, so the sentence stays readable', () => {
    const long = 'x'.repeat(400);
    const finding = only(findingsWith(['state', long]));
    expect(finding.message.length).toBeLessThan(220);
    expect(finding.message).toContain(`"${'x'.repeat(56)}…"`);
  });

  it('say an unknown property is kept, without blocking', () => {
    const findings = checkPolicy({ ...valid, conditions: { ...valid.conditions, quantumRiskLevels: ['high'] } });
    expect(findings).toEqual([
      {
        path: ['conditions', 'quantumRiskLevels'],
        severity: 'warning',
        message: "'conditions.quantumRiskLevels' is not in this console's schema (a newer Graph feature?). It is kept and sent as it is.",
        rule: 'unknown-property',
      },
    ]);
  });

  it('never use the validator’s own wording', () => {
    const policy = {
      displayName: 5,
      state: 'on',
      conditions: {
        applications: { includeApplications: 'All' },
        users: { includeUsers: [5, 'x', 'x'] },
        clientAppTypes: ['legacy'],
        platforms: { includePlatforms: ['amiga'] },
        authenticationFlows: { transferMethods: 'fax' },
      },
      grantControls: { operator: 'XOR', builtInControls: ['mfa', 'sms'], authenticationStrength: { id: 3 } },
      sessionControls: { persistentBrowser: { isEnabled: true, mode: 'sometimes' }, cloudAppSecurity: { isEnabled: 1 } },
    };
    const messages = schemaFindings(policy).map((f) => f.message);
    expect(messages.length).toBeGreaterThan(8);
    for (const message of messages) expect(message).not.toMatch(RAW);
  });
});
