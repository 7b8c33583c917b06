// Coverage before Settings names the emergency accounts: a policy that excludes only a group (or a
// user) whose name says emergency or break glass is read as excluding the emergency accounts, and the
// finding says so as a suggestion, not as a gap. What to do about it is said once, by the note.
import { describe, expect, it } from 'vitest';
import { lintTenant, ruleById } from './catalogue';
import { coverageRules, likelyEmergencyNote } from './coverage';
import { demo, EMERGENCY_GROUP, NOW, SERVICE_GROUP } from './test-policies';
import type { LintInput } from './types';

const BREAK_GLASS_USER = 'b9b9b9b9-0000-4000-8000-000000000001';
const references: LintInput['references'] = [
  { kind: 'group', id: EMERGENCY_GROUP, displayName: 'CA - Emergency access accounts', exists: true },
  { kind: 'group', id: SERVICE_GROUP, displayName: 'CA - Service accounts', exists: true },
  { kind: 'user', id: BREAK_GLASS_USER, displayName: 'Break Glass 01', exists: true },
];

const lint = (ruleId: string, input: Partial<LintInput>) =>
  lintTenant({ policies: [], now: NOW, references, ...input }, [ruleById(ruleId)!]);

describe('coverage before the emergency accounts are named', () => {
  it('reads an excluded group named for emergency access as the likely emergency exclusion, not as a gap', () => {
    const findings = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll()] });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        message:
          "A policy that is On requires multifactor authentication for all users on all resources: 'CA001: Require MFA for all users' (On) does, " +
          "excluding only the group 'CA - Emergency access accounts' (likely your emergency access group).",
      }),
    ]);
    expect(findings[0]!.message).not.toMatch(/No policy|comes close/);
  });

  it('reads a break-glass user so too', () => {
    const users = { includeUsers: ['All'], excludeUsers: [BREAK_GLASS_USER] };
    const [finding] = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll({ users })] });
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain("excluding only the user 'Break Glass 01' (likely your emergency access account).");
  });

  it('still reports a gap for what else narrows the policy, naming the likely emergency group apart', () => {
    const findings = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll({ state: 'enabledForReportingButNotEnforced' })] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]!.message).toContain(
      "comes close, but it is Report-only. Not counted against it: the group 'CA - Emergency access accounts' (likely your emergency access group).",
    );
  });

  it('does not count a policy on agent risk as covering people: agent risk is only an agent’s', () => {
    const [finding] = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll({ conditions: { agentIdRiskLevels: 'high' } })] });
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('comes close, but it applies only to agents at some agent risk levels.');
  });

  it('keeps any other excluded group a gap', () => {
    const users = { includeUsers: ['All'], excludeGroups: [SERVICE_GROUP] };
    const [finding] = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll({ users })] });
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain("comes close, but it excludes the group 'CA - Service accounts'.");
  });

  it('goes by Settings once the emergency accounts are named there', () => {
    const named = { users: [], groups: [{ id: EMERGENCY_GROUP, name: 'CA - Emergency access accounts' }] };
    expect(lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll()], emergency: named })).toEqual([]);
    // Settings names other accounts: a group called emergency is then an exclusion like any other.
    const others = { users: [{ id: BREAK_GLASS_USER, name: 'Break Glass 01' }], groups: [] };
    const [finding] = lint('coverage-mfa-for-everyone', { policies: [demo.mfaForAll()], emergency: others });
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain("comes close, but it excludes the group 'CA - Emergency access accounts'.");
  });

  it('does the same for phishing-resistant MFA of the highly privileged roles', () => {
    const [finding] = lint('coverage-phishing-resistant-admins', { policies: [demo.phishingResistantAdmins()] });
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toMatch(
      /^Policies that are On require phishing-resistant MFA .*: 'CA003[^']*' \(On\) does, excluding only the group 'CA - Emergency access accounts' \(likely your emergency access group\)\.$/,
    );
  });
});

describe('likelyEmergencyNote', () => {
  const tenant = {
    policies: [demo.mfaForAll(), demo.blockLegacy(), demo.deviceCode(), demo.userRisk(), demo.signInRisk()],
    now: NOW,
    references,
  };

  it('says once, for the whole tenant, what each coverage finding only points at', () => {
    expect(likelyEmergencyNote(tenant)).toBe(
      "The group 'CA - Emergency access accounts' is likely your emergency access group, as its name says: " +
        'until Settings names the emergency accounts, the coverage rules do not count excluding it against a policy.',
    );
    const findings = lintTenant(tenant, coverageRules).filter((f) => f.message.includes('likely your emergency access'));
    expect(findings.length).toBeGreaterThan(1);
    for (const finding of findings) expect(finding.message).not.toMatch(/Settings/);
  });

  it('names every likely emergency account and group, groups first', () => {
    const users = { includeUsers: ['All'], excludeUsers: [BREAK_GLASS_USER] };
    expect(likelyEmergencyNote({ ...tenant, policies: [demo.mfaForAll({ users }), demo.blockLegacy()] })).toMatch(
      /^The group 'CA - Emergency access accounts' and the user 'Break Glass 01' are likely your emergency access accounts, as their names say: .* excluding them against a policy\.$/,
    );
  });

  it('has nothing to say once Settings names the emergency accounts, or when no exclusion is so named', () => {
    const emergency = { users: [{ id: BREAK_GLASS_USER, name: 'Break Glass 01' }], groups: [] };
    expect(likelyEmergencyNote({ ...tenant, emergency })).toBeNull();
    const users = { includeUsers: ['All'], excludeGroups: [SERVICE_GROUP] };
    expect(likelyEmergencyNote({ ...tenant, policies: [demo.mfaForAll({ users })] })).toBeNull();
  });
});
