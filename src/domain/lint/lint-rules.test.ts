// Each lint rule on a small tenant where it fires and one where it keeps quiet, the coverage rules
// on the demo tenant's shapes; and each quick fix, applied as the editor would, clears its finding
// while keeping every exclusion the policy had.
import { describe, expect, it } from 'vitest';
import { objectIn, stringsIn, type JsonObject } from '../json';
import { applyPatch } from '../policy-body';
import { lintRules, lintTenant, ruleById } from './catalogue';
import { demo, EMERGENCY_GROUP, GONE_GROUP, NOW, policy, SERVICE_GROUP, SYNC_ROLE } from './test-policies';
import type { LintInput } from './types';
import { savedPolicyRules } from './correctness-rules';

const emergency = { users: [], groups: [{ id: EMERGENCY_GROUP, name: 'CA - Emergency access accounts' }] };
const ref = (id: string, exists: boolean, displayName: string | null = null) => ({ kind: 'group' as const, id, displayName, exists });
const APP = '0a0a0a0a-0000-4000-8000-00000000000a';
const LOCATION = '10c10c10-0000-4000-8000-000000000001';
const STRENGTH = '57757570-0000-4000-8000-000000000001';
const TERMS = '7e7e7e7e-0000-4000-8000-000000000001';
const noOne = { includeUsers: ['All'] };

interface Case {
  fires: Partial<LintInput>;
  quiet: Partial<LintInput>;
  /** What the finding says, in part. */
  says: RegExp;
}

/** A coverage rule: quiet with the demo's policy, firing when that policy is only in report-only (and named as coming close). */
const coverage = (make: (s?: { state?: string }) => JsonObject, name: string): Case => ({
  fires: { policies: [make({ state: 'enabledForReportingButNotEnforced' })], emergency },
  quiet: { policies: [make()], emergency },
  says: new RegExp(`'${name}[^']*' \\(Report-only\\) comes close, but it is Report-only`),
});

const cases: Record<string, Case> = {
  'directory-object-gone': {
    fires: { policies: [policy({ users: { includeUsers: ['All'], excludeGroups: [GONE_GROUP] } })], references: [ref(GONE_GROUP, false)] },
    quiet: {
      policies: [policy({ users: { includeUsers: ['All'], excludeGroups: [GONE_GROUP] } })],
      references: [ref(GONE_GROUP, true, 'Sales')],
    },
    says: /'e1e1e1e1-0000-4000-8000-0000000000ff' \(excluded groups\) no longer exists.*no longer excludes anybody/,
  },
  'named-location-gone': {
    fires: {
      policies: [policy({ conditions: { locations: { includeLocations: ['All'], excludeLocations: [LOCATION] } } })],
      namedLocations: [],
    },
    quiet: {
      policies: [policy({ conditions: { locations: { includeLocations: ['All'], excludeLocations: [LOCATION] } } })],
      namedLocations: [{ id: LOCATION, displayName: 'Corporate network' }],
    },
    says: /named location '10c10c10-0000-4000-8000-000000000001' \(excluded locations\) no longer exists/,
  },
  'authentication-strength-gone': {
    fires: {
      policies: [policy({ grant: { builtInControls: [], authenticationStrength: { id: STRENGTH } } })],
      authenticationStrengths: [],
    },
    quiet: {
      policies: [policy({ grant: { builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } } })],
      authenticationStrengths: [],
    },
    says: /authentication strength '57757570-0000-4000-8000-000000000001'/,
  },
  'terms-of-use-gone': {
    fires: { policies: [policy({ grant: { builtInControls: [], termsOfUse: [TERMS] } })], termsOfUse: [] },
    quiet: { policies: [policy({ grant: { builtInControls: [], termsOfUse: [TERMS] } })], termsOfUse: [{ id: TERMS }] },
    says: /terms of use '7e7e7e7e/,
  },
  'authentication-context-gone': {
    fires: {
      policies: [policy({ applications: { includeAuthenticationContextClassReferences: ['c9'] } })],
      authenticationContexts: [{ id: 'c1' }],
    },
    quiet: {
      policies: [policy({ applications: { includeAuthenticationContextClassReferences: ['c1'] } })],
      authenticationContexts: [{ id: 'c1' }],
    },
    says: /authentication context 'c9'/,
  },
  'application-without-service-principal': {
    fires: { policies: [policy({ applications: { includeApplications: [APP, 'Office365'] } })], servicePrincipalAppIds: [] },
    quiet: {
      policies: [policy({ applications: { includeApplications: [APP, 'Office365'] } })],
      servicePrincipalAppIds: [APP.toUpperCase()],
    },
    says: /has no service principal in this tenant/,
  },
  'emergency-account-affected': {
    fires: { policies: [policy({ users: { includeUsers: ['All'], excludeGroups: [SERVICE_GROUP] } })], emergency },
    quiet: { policies: [policy()], emergency },
    says: /reaches the emergency-access account 'CA - Emergency access accounts' \(through all users\), and requires multifactor authentication/,
  },
  'block-all-without-exclusion': {
    fires: { policies: [policy({ users: noOne, grant: { builtInControls: ['block'] } })] },
    quiet: { policies: [policy({ grant: { builtInControls: ['block'] } })] },
    says: /blocks access for all users on all resources and excludes nobody/,
  },
  'directory-sync-accounts-in-scope': {
    fires: { policies: [policy()] },
    // A policy on agent risk never reaches the sync account, a person's account to Conditional Access.
    quiet: {
      policies: [
        policy({ users: { includeUsers: ['All'], excludeRoles: [SYNC_ROLE] } }),
        policy({ conditions: { agentIdRiskLevels: 'high' } }),
      ],
    },
    says: /applies to the role Directory Synchronization Accounts/,
  },
  'compliant-device-report-only': {
    fires: { policies: [policy({ state: 'enabledForReportingButNotEnforced', grant: { builtInControls: ['compliantDevice'] } })] },
    quiet: {
      policies: [
        policy({
          state: 'enabledForReportingButNotEnforced',
          grant: { builtInControls: ['compliantDevice'] },
          conditions: { platforms: { includePlatforms: ['windows'] } },
        }),
      ],
    },
    says: /users on macOS, iOS, Android, Linux may be asked to choose a device certificate/,
  },
  'untargeted-policy': {
    fires: { policies: [policy({ users: { includeUsers: ['None'] } })] },
    // Agent identities are identities too (beta: agent service principals, and agent users under conditions.agents).
    quiet: {
      policies: [
        policy(),
        policy({ users: { includeUsers: ['None'] }, conditions: { agents: { includeAgentUsers: ['All'] } } }),
        {
          ...policy({ users: { includeUsers: ['None'] } }),
          conditions: {
            ...objectIn(policy().conditions),
            users: { includeUsers: ['None'] },
            clientApplications: { includeAgentIdServicePrincipals: ['All'] },
          },
        },
      ],
    },
    says: /targets no users or workload identities, so it never applies/,
  },
  'user-and-sign-in-risk-together': {
    fires: { policies: [policy({ conditions: { userRiskLevels: ['high'], signInRiskLevels: ['high'] } })] },
    quiet: { policies: [policy({ conditions: { signInRiskLevels: ['high'] } })] },
    says: /sets both user risk and sign-in risk/,
  },
  'strong-or-weak-controls': {
    fires: { policies: [policy({ grant: { operator: 'OR', builtInControls: ['mfa'], authenticationStrength: { id: STRENGTH } } })] },
    quiet: { policies: [policy({ grant: { operator: 'AND', builtInControls: ['mfa'], authenticationStrength: { id: STRENGTH } } })] },
    says: /makes the strength pointless/,
  },
  'legacy-clients-not-blocked': {
    fires: { policies: [policy({ conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } })] },
    quiet: { policies: [demo.blockLegacy()] },
    says: /targets only Exchange ActiveSync clients, Other clients \(legacy authentication\) without blocking them/,
  },
  'platform-only-block': {
    fires: { policies: [policy({ conditions: { platforms: { includePlatforms: ['linux'] } }, grant: { builtInControls: ['block'] } })] },
    quiet: {
      policies: [
        policy({
          conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux'] } },
          grant: { builtInControls: ['block'] },
        }),
      ],
    },
    says: /blocks Linux by platform alone/,
  },
  'all-trusted-without-trusted-location': {
    fires: { policies: [demo.securityInfo()], namedLocations: [{ id: LOCATION, isTrusted: false }] },
    quiet: { policies: [demo.securityInfo()], namedLocations: [{ id: LOCATION, isTrusted: true }] },
    says: /excludes 'All trusted locations', but no named location is marked as trusted, so only the MFA trusted IPs \(legacy\), if any, count/,
  },
  'coverage-mfa-for-everyone': coverage(demo.mfaForAll, 'CA001'),
  'coverage-phishing-resistant-admins': {
    ...coverage(demo.phishingResistantAdmins, 'CA003'),
    says: /for these highly privileged roles: Global Administrator, Privileged Role Administrator.*'CA003[^']*' \(Report-only\) comes close/,
  },
  'coverage-legacy-authentication-blocked': coverage(demo.blockLegacy, 'CA002'),
  'coverage-device-code-flow-blocked': {
    fires: { policies: [demo.deviceCode()], references: [ref(SERVICE_GROUP, true, 'CA - Service accounts')], emergency },
    quiet: { policies: [demo.deviceCode({ users: { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP] } })], emergency },
    says: /'CA018: Block device code flow' \(On\) comes close, but it excludes the group 'CA - Service accounts'/,
  },
  'coverage-security-info-registration': coverage(demo.securityInfo, 'CA004'),
  'coverage-high-user-risk': coverage(demo.userRisk, 'CA012'),
  'coverage-high-sign-in-risk': coverage(demo.signInRisk, 'CA011'),
  'coverage-guests-mfa': coverage(demo.guests, 'CA014'),
  'coverage-admin-portals-mfa': coverage(demo.adminPortals, 'CA022'),
  'deprecated-approved-client-app': {
    fires: { policies: [policy({ grant: { builtInControls: ['approvedApplication', 'compliantApplication'] } })] },
    quiet: { policies: [policy({ grant: { builtInControls: ['compliantApplication'] } })] },
    says: /uses 'Require approved client app', which Microsoft is retiring/,
  },
  'deprecated-property': {
    fires: { policies: [policy({ conditions: { deviceStates: { includeStates: ['All'], excludeStates: ['Compliant'] } } })] },
    quiet: {
      policies: [
        policy({ conditions: { deviceStates: null, devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } } } }),
      ],
    },
    says: /uses 'deviceStates', which is deprecated/,
  },
  'near-policy-limit': {
    fires: { policies: Array.from({ length: 180 }, () => policy()) },
    quiet: { policies: Array.from({ length: 179 }, () => policy()) },
    says: /holds 180 of the 195 policies/,
  },
  'stale-report-only-or-off': {
    fires: { policies: [policy({ state: 'disabled', daysAgo: 31 })] },
    quiet: {
      policies: [
        policy({ state: 'disabled', daysAgo: 30 }),
        policy({
          state: 'enabledForReportingButNotEnforced',
          daysAgo: 300,
          name: 'EM01 - ENABLE IN EMERGENCY: Compliance service disruption [1/2] - MFA',
        }),
      ],
    },
    says: /has been Off without a change for 31 days \(more than 30\)/,
  },
  'near-duplicate-policies': {
    fires: { policies: [demo.mfaForAll(), demo.mfaForAll({ name: 'Copy of CA001', users: { includeUsers: ['All'] } })] },
    quiet: { policies: [demo.mfaForAll(), demo.adminPortals()] },
    says: /'Copy of CA001' \(On\) is 'CA001: Require MFA for all users' \(On\) but for whom it excludes/,
  },
  'naming-pattern': {
    fires: { policies: [policy({ name: 'Require MFA' })], options: { namingPattern: '^CA\\d{3}: ' } },
    quiet: { policies: [demo.mfaForAll()], options: { namingPattern: '^CA\\d{3}: ' } },
    says: /'Require MFA' \(On\) does not follow the naming pattern/,
  },
};

const saved = new Set(savedPolicyRules.map((r) => r.id));
const lintOnly = lintRules.filter((r) => !saved.has(r.id));
const run = (id: string, input: Partial<LintInput>) => lintTenant({ policies: [], now: NOW, ...input }, [ruleById(id)!]);

describe('each lint rule', () => {
  it('has its cases here (the editor’s rules have theirs in rules/rule-cases.test.ts)', () => {
    expect(Object.keys(cases).sort()).toEqual(lintOnly.map((r) => r.id).sort());
  });

  describe.each(lintOnly.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const { fires, quiet, says } = cases[id]!;

    it('fires where it should, saying what and where', () => {
      const findings = run(id, fires);
      expect(findings.length).toBeGreaterThan(0);
      expect(
        findings.some((f) => says.test(f.message)),
        findings.map((f) => f.message).join('\n'),
      ).toBe(true);
      const ids = new Set((fires.policies ?? []).map((p) => p.id));
      for (const f of findings) {
        expect(f).toMatchObject({ ruleId: id, category: rule.category, external: rule.external });
        if (f.policyId !== undefined) expect(ids.has(f.policyId)).toBe(true);
        if (rule.category === 'coverage') expect(f.policyId).toBeUndefined();
      }
    });

    it('keeps quiet where it should', () => {
      expect(run(id, quiet)).toEqual([]);
    });

    it('offers only fixes that clear the finding and keep every exclusion', () => {
      for (const finding of run(id, fires).filter((f) => f.fix)) {
        const before = fires.policies!.find((p) => p.id === finding.policyId)!;
        const after = applyPatch(before, finding.fix!.patch);
        const users = (p: JsonObject) => objectIn(objectIn(p.conditions).users);
        for (const key of ['excludeUsers', 'excludeGroups', 'excludeRoles'])
          expect(stringsIn(users(after)[key])).toEqual(
            expect.arrayContaining(stringsIn(users(before)[key]).filter((x) => x !== GONE_GROUP)),
          );
        const again = run(id, { ...fires, policies: fires.policies!.map((p) => (p === before ? after : p)) });
        expect(again.filter((f) => f.policyId === finding.policyId && f.path?.join('.') === finding.path?.join('.'))).toEqual([]);
      }
    });
  });
});
