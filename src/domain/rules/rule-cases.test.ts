// Each rule, on one change to a valid policy where it fires and one where it keeps quiet. A rule
// fires through the whole registry (so its findings carry its id) at a path within what it reads.
import { describe, expect, it } from 'vitest';
import type { JsonPath } from '../policy-finding';
import { policyRules, runRules } from './index';

type Loose = Record<string, unknown>;
/** A valid policy, typed loosely enough for a case to write anything into it. */
interface Draft extends Loose {
  conditions: Loose & { applications: Loose; users: Loose };
  grantControls: Loose | null;
  sessionControls: Loose | null;
}
const GROUP = '8d9c5a1e-1111-4222-8333-444455556666';
const OTHER_GROUP = '11111111-2222-4333-8444-555555555555';
const valid = (): Draft => ({
  displayName: 'Require MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: {
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'], excludeGroups: [GROUP] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  sessionControls: null,
});
const draft = (change: (p: Draft) => void) => {
  const policy = valid();
  change(policy);
  return policy;
};
const remediate =
  (controls: string[], extra: Loose = {}) =>
  (p: Draft) => {
    p.grantControls = { operator: 'AND', builtInControls: controls, ...extra };
    p.conditions.userRiskLevels = ['high'];
  };

interface Case {
  fires: { change: (p: Draft) => void; at: JsonPath };
  quiet: (p: Draft) => void;
}
const cases: Record<string, Case> = {
  schema: { fires: { change: (p) => (p.state = 'on'), at: ['state'] }, quiet: () => {} },
  'name-invisible-characters': {
    fires: { change: (p) => (p.displayName = 'Block \u202Eevil'), at: ['displayName'] },
    quiet: (p) => (p.displayName = 'Bloquer l’accès · حظر الوصول'),
  },
  'name-not-only-spaces': { fires: { change: (p) => (p.displayName = '   '), at: ['displayName'] }, quiet: (p) => (p.displayName = '') },
  'applications-or-user-actions': {
    fires: {
      change: (p) => (p.conditions.applications.includeUserActions = ['urn:user:registersecurityinfo']),
      at: ['conditions', 'applications', 'includeUserActions'],
    },
    quiet: (p) => (p.conditions.applications = { includeUserActions: ['urn:user:registersecurityinfo'] }),
  },
  'target-a-resource': {
    fires: { change: (p) => (p.conditions.applications = { includeApplications: [] }), at: ['conditions', 'applications'] },
    quiet: (p) => (p.conditions.applications = { includeAuthenticationContextClassReferences: ['c1'] }),
  },
  'include-users-or-workload-identities': {
    fires: { change: (p) => (p.conditions.users = { includeUsers: [] }), at: ['conditions', 'users'] },
    quiet: (p) => (
      (p.conditions.users = {}),
      (p.conditions.clientApplications = { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] })
    ),
  },
  'grant-or-session-control': {
    fires: { change: (p) => (p.grantControls = null), at: ['grantControls'] },
    quiet: (p) => (
      (p.grantControls = null),
      (p.sessionControls = { signInFrequency: { isEnabled: true, value: 1, type: 'hours', frequencyInterval: 'timeBased' } })
    ),
  },
  'password-change-needs-mfa': {
    fires: { change: remediate(['passwordChange', 'mfa'], { operator: 'OR' }), at: ['grantControls', 'builtInControls'] },
    quiet: remediate(['passwordChange', 'mfa']),
  },
  'risk-remediation-needs-strength': {
    fires: { change: remediate(['riskRemediation']), at: ['grantControls', 'builtInControls'] },
    quiet: remediate(['riskRemediation'], { authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' } }),
  },
  'risk-remediation-not-with-password-change': {
    fires: { change: remediate(['riskRemediation', 'passwordChange']), at: ['grantControls', 'builtInControls'] },
    quiet: remediate(['passwordChange', 'mfa']),
  },
  'remediation-needs-user-risk': {
    fires: {
      change: (p) => (p.grantControls = { operator: 'AND', builtInControls: ['passwordChange', 'mfa'] }),
      at: ['conditions', 'userRiskLevels'],
    },
    quiet: remediate(['passwordChange', 'mfa']),
  },
  'remediation-on-all-resources': {
    fires: {
      change: (p) => (
        remediate(['passwordChange', 'mfa'])(p),
        (p.conditions.applications.excludeApplications = ['00000002-0000-0ff1-ce00-000000000000'])
      ),
      at: ['conditions', 'applications'],
    },
    quiet: remediate(['passwordChange', 'mfa']),
  },
  'block-stands-alone': {
    fires: {
      change: (p) => (p.grantControls = { operator: 'OR', builtInControls: ['block', 'mfa'] }),
      at: ['grantControls', 'builtInControls'],
    },
    quiet: (p) => (p.grantControls = { operator: 'OR', builtInControls: ['block'] }),
  },
  'included-and-excluded': {
    fires: { change: (p) => (p.conditions.users.includeGroups = [GROUP]), at: ['conditions', 'users', 'includeGroups', 0] },
    quiet: (p) => (p.conditions.users.includeGroups = ['11111111-2222-4333-8444-555555555555']),
  },
  'covered-by-all': {
    fires: { change: (p) => (p.conditions.users.includeGroups = [OTHER_GROUP]), at: ['conditions', 'users', 'includeGroups', 0] },
    quiet: (p) => (p.conditions.users = { includeGroups: [OTHER_GROUP] }),
  },
  'read-only-property': { fires: { change: (p) => (p.id = 'x'), at: ['id'] }, quiet: () => {} },
  'unknown-property': {
    fires: { change: (p) => (p.conditions.quantumRiskLevels = ['high']), at: ['conditions', 'quantumRiskLevels'] },
    quiet: (p) => (p['@odata.type'] = '#microsoft.graph.conditionalAccessPolicy'),
  },
};

/** One path lies within the other: a rule may report on the list it reads, or on the section holding it. */
const related = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.slice(0, b.length).every((key, i) => key === b[i]) || b.slice(0, a.length).every((key, i) => key === a[i]);

describe('each rule', () => {
  it('has its cases here', () => {
    expect(Object.keys(cases).sort()).toEqual(policyRules.map((r) => r.id).sort());
  });

  describe.each(policyRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const { fires, quiet } = cases[id]!;

    it('fires where it should, at the path it names, within what it reads', () => {
      const findings = runRules(draft(fires.change)).filter((f) => f.rule === id);
      expect(findings).toContainEqual(expect.objectContaining({ rule: id, path: fires.at, severity: rule.severity }));
      for (const { path } of findings)
        expect(
          rule.looksAt.some((area) => related(area, path)),
          path.join('.'),
        ).toBe(true);
    });

    it('keeps quiet where it should', () => {
      expect(runRules(draft(quiet), [rule])).toEqual([]);
      expect(runRules(draft(quiet)).filter((f) => f.rule === id)).toEqual([]);
    });
  });
});
