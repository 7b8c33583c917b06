// The catalogue as a whole: ids that suppressions and SARIF can rely on, external ids in the forms
// Maester and ScubaGear use, the editor's rules run on saved policies, errors listed first, and
// rules that stay silent on what was not read rather than report everything as gone.
import { describe, expect, it } from 'vitest';
import { policyRules } from '../rules';
import { lintRules, lintTenant, ruleById } from './catalogue';
import { namingPatternOf } from './hygiene-rules';
import { referencesFromNames } from './names-as-references';
import { demo, EMERGENCY_GROUP, GONE_GROUP, NOW, policy } from './test-policies';

const lint = (input: Partial<Parameters<typeof lintTenant>[0]>) => lintTenant({ policies: [], now: NOW, ...input });

describe('the lint catalogue', () => {
  it('gives every rule a unique kebab-case id, a sentence, and external ids in their tools’ forms', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of lintRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description).toMatch(/^[A-Z'].{20,}\.$/);
      for (const e of rule.external) expect(e.id).toMatch(e.source === 'maester' ? /^MT\.\d{4}$/ : /^MS\.AAD\.\d+\.\d+v\d+$/);
    }
  });

  it('runs the editor’s rules on saved policies under their own ids, leaving out what only concerns a draft', () => {
    const ids = new Set(lintRules.map((r) => r.id));
    expect(policyRules.filter((r) => !ids.has(r.id)).map((r) => r.id)).toEqual(['read-only-property', 'unknown-property']);
    // Saved through another tool before the service checked it: refused at the next save (1032).
    const broken = policy({
      name: 'Old password reset',
      conditions: { userRiskLevels: ['high'] },
      grant: { builtInControls: ['passwordChange'] },
    });
    const findings = lint({ policies: [broken] }).filter((f) => f.ruleId === 'password-change-needs-mfa');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        policyId: broken.id,
        path: ['grantControls', 'builtInControls'],
        message: expect.stringMatching(/^'Old password reset' \(On\): .*\(error 1032\) Graph refuses this at the policy's next save\.$/),
      }),
    ]);
    // A policy as Graph returns it (id, dates, templateId) is no finding of the editor's rules.
    const editorIds = new Set(policyRules.map((r) => r.id));
    expect(lint({ policies: [demo.mfaForAll()] }).filter((f) => editorIds.has(f.ruleId))).toEqual([]);
  });

  it('lists errors first, then by category and policy', () => {
    const findings = lint({
      policies: [
        policy({ name: 'B', state: 'disabled', daysAgo: 90 }),
        policy({ name: 'A', grant: { builtInControls: [], authenticationStrength: { id: GONE_GROUP } } }),
      ],
      authenticationStrengths: [],
    });
    expect(findings[0]).toMatchObject({ ruleId: 'authentication-strength-gone', severity: 'error', policyName: 'A' });
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('weighs an emergency gap by whether the policy is enforced', () => {
    const emergency = { users: [], groups: [{ id: EMERGENCY_GROUP, name: 'Emergency' }] };
    const gap = (state: string) =>
      lintTenant({ policies: [policy({ state, users: { includeUsers: ['All'] } })], now: NOW, emergency }, [
        ruleById('emergency-account-affected')!,
      ]);
    expect(gap('enabled').map((f) => f.severity)).toEqual(['warning']);
    expect(gap('enabledForReportingButNotEnforced').map((f) => f.severity)).toEqual(['info']);
    expect(gap('disabled').map((f) => f.severity)).toEqual(['info']);
  });

  it('counts any exclusion as narrowing a protection when no emergency accounts are set', () => {
    const rule = [ruleById('coverage-mfa-for-everyone')!];
    const emergency = { users: [], groups: [{ id: EMERGENCY_GROUP, name: 'Emergency' }] };
    expect(lintTenant({ policies: [demo.mfaForAll()], now: NOW }, rule)[0]?.message).toMatch(/excludes the group 'e1e1e1e1/);
    expect(lintTenant({ policies: [demo.mfaForAll()], now: NOW, emergency }, rule)).toEqual([]);
  });

  it('says nothing of what was not read: no name directory, no named locations, no service principals', () => {
    const policies = [
      policy({
        users: { includeUsers: ['All'], excludeGroups: [GONE_GROUP] },
        applications: { includeApplications: ['0a0a0a0a-0000-4000-8000-00000000000a'] },
        conditions: { locations: { includeLocations: ['10c10c10-0000-4000-8000-000000000001'] } },
      }),
    ];
    expect(lint({ policies }).filter((f) => f.category === 'references')).toEqual([]);
  });

  it('takes the legacy MFA trusted IPs from Settings as trusted locations, and says so when there are none', () => {
    const rule = [ruleById('all-trusted-without-trusted-location')!];
    const base = { policies: [demo.securityInfo()], namedLocations: [{ id: 'l1', isTrusted: false }], now: NOW };
    expect(lintTenant({ ...base, mfaTrustedIps: ['203.0.113.0/24'] }, rule)).toEqual([]);
    expect(lintTenant({ ...base, mfaTrustedIps: [] }, rule)[0]?.message).toMatch(/and there are no MFA trusted IPs \(legacy\) either\./);
  });

  it('refuses the service’s cap as an error: Graph refuses a new policy', () => {
    const findings = lintTenant({ policies: Array.from({ length: 195 }, () => policy()), now: NOW }, [ruleById('near-policy-limit')!]);
    expect(findings).toMatchObject([
      { severity: 'error', message: expect.stringMatching(/^The tenant holds 195 policies, the most the service allows/) },
    ]);
  });

  it('names the option when the naming pattern is no regular expression', () => {
    expect(() => namingPatternOf('CA(')).toThrow(/^The lint option namingPattern 'CA\(' is not a regular expression/);
    expect(() => lint({ policies: [policy()], options: { namingPattern: '[' } })).toThrow(/namingPattern '\['/);
  });

  it('reads the console’s name directory as the table of what exists', () => {
    const names = new Map([
      ['group:a', { id: GONE_GROUP, kind: 'group' as const, displayName: GONE_GROUP, missing: true }],
      ['namedLocation:b', { id: 'b', kind: 'namedLocation' as const, displayName: 'Office' }],
    ]);
    const references = referencesFromNames({ names, failures: [] });
    expect(references).toEqual([{ kind: 'group', id: GONE_GROUP, displayName: null, exists: false }]);
    const findings = lint({ policies: [policy({ users: { includeUsers: ['All'], excludeGroups: [GONE_GROUP] } })], references });
    expect(findings.filter((f) => f.ruleId === 'directory-object-gone')).toHaveLength(1);
  });
});
