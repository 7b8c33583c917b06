import { describe, expect, it } from 'vitest';
import type { EmergencyAccess, Membership } from '../lockout';
import { analyzeEmergencyAccess, coverageOf, effectOf, emergencySubjects } from './exclusion-analysis';

const bg1 = { id: 'bg1', name: 'Break Glass 01' };
const bg2 = { id: 'bg2', name: 'Break Glass 02' };
const group = { id: 'g-bg', name: 'Emergency access' };
const outer = { id: 'g-outer', name: 'Tier 0' };
const globalAdmin = { id: 'role-ga', name: 'Global Administrator' };
const emergency: EmergencyAccess = {
  users: [bg1],
  groups: [group],
  members: [
    { user: bg1, group },
    { user: bg2, group },
  ],
};
// bg1 is in the emergency group, which is itself nested in Tier 0; bg1 holds Global Administrator.
const memberships = new Map<string, Membership>([
  ['bg1', { groups: [group, outer], roles: [globalAdmin] }],
  ['bg2', { groups: [group], roles: [] }],
]);

const policy = (users: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  id: 'p1',
  displayName: 'P1',
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  ...over,
});
const subject = (id: string) => emergencySubjects(emergency).find((s) => s.id === id)!;
const cover = (p: unknown, id: string, known = true) => coverageOf(p, subject(id), emergency, known ? memberships.get(id) : undefined);

describe('emergency exclusion analysis', () => {
  it('finds an account, its group and its role by id in any case (GUIDs are caseless)', () => {
    expect(cover(policy({ includeUsers: ['All'], excludeUsers: ['BG1'] }), 'bg1')).toMatchObject({ kind: 'excluded', how: 'direct' });
    expect(cover(policy({ includeUsers: ['All'], excludeGroups: ['G-OUTER'] }), 'bg1')).toMatchObject({ kind: 'excluded', how: 'group' });
    expect(cover(policy({ includeUsers: ['All'], excludeRoles: ['ROLE-GA'] }), 'bg1')).toMatchObject({ kind: 'excluded', how: 'role' });
    expect(cover(policy({ includeUsers: ['BG2'] }), 'bg2')).toMatchObject({ kind: 'affected', reach: 'the account by name' });
  });

  it('finds an account excluded by name', () => {
    expect(cover(policy({ includeUsers: ['All'], excludeUsers: ['bg1'] }), 'bg1')).toEqual({
      kind: 'excluded',
      how: 'direct',
      via: 'by name',
    });
  });

  it('finds an account excluded through the emergency group, even before its memberships are read', () => {
    const p = policy({ includeUsers: ['All'], excludeGroups: ['g-bg'] });
    expect(cover(p, 'bg2')).toMatchObject({ kind: 'excluded', how: 'group', via: "through the group 'Emergency access'" });
    expect(cover(p, 'bg2', false)).toMatchObject({ kind: 'excluded', how: 'group' });
  });

  it('finds an account excluded through a group its group is nested in', () => {
    expect(cover(policy({ includeUsers: ['All'], excludeGroups: ['g-outer'] }), 'bg1')).toMatchObject({
      kind: 'excluded',
      how: 'group',
      via: "through the group 'Tier 0'",
    });
    // bg2 is not in Tier 0: affected.
    expect(cover(policy({ includeUsers: ['All'], excludeGroups: ['g-outer'] }), 'bg2')).toMatchObject({ kind: 'affected' });
  });

  it('finds an account excluded through a role it holds', () => {
    expect(cover(policy({ includeUsers: ['All'], excludeRoles: ['role-ga'] }), 'bg1')).toMatchObject({
      kind: 'excluded',
      how: 'role',
      via: 'through the role Global Administrator',
    });
  });

  it('says when a policy does not reach the account, and why', () => {
    expect(cover(policy({ includeGroups: ['g-sales'] }), 'bg1')).toMatchObject({ kind: 'outOfScope' });
    expect(cover(policy({ includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' } }), 'bg1')).toEqual({
      kind: 'outOfScope',
      why: 'It targets guests and external users only.',
    });
    expect(cover(policy({ includeUsers: ['None'] }), 'bg1')).toMatchObject({ kind: 'outOfScope', why: 'It targets no user accounts.' });
    expect(cover(policy({ includeUsers: ['AllAgentIdUsers'] }), 'bg1')).toEqual({
      kind: 'outOfScope',
      why: 'It targets agent users only.',
    });
    const noResource = policy(
      { includeUsers: ['All'] },
      { conditions: { applications: { includeApplications: ['None'] }, users: { includeUsers: ['All'] } } },
    );
    expect(cover(noResource, 'bg1')).toEqual({ kind: 'outOfScope', why: 'It targets no resource.' });
  });

  it('reaches an account through a role it holds, or may hold while unknown', () => {
    expect(cover(policy({ includeRoles: ['role-ga'] }), 'bg1')).toMatchObject({ kind: 'affected', reach: 'the role Global Administrator' });
    expect(cover(policy({ includeRoles: ['role-ga'] }), 'bg2')).toMatchObject({ kind: 'outOfScope' });
    expect(cover(policy({ includeRoles: ['role-ga'] }), 'bg2', false)).toMatchObject({
      kind: 'affected',
      reach: 'directory roles it may hold',
    });
  });

  it('counts an account whose groups could not be read as reached through groups it may belong to, never out of scope', () => {
    const blockStaff = policy({ includeGroups: ['g-all-staff'] });
    // What bg1 belongs to could not be read: only bg2's memberships are known.
    const { policies } = analyzeEmergencyAccess([blockStaff], emergency, new Map([['bg2', memberships.get('bg2')!]]));
    expect(policies[0]!.worst).toBe('critical');
    expect(policies[0]!.coverage.bg1).toMatchObject({ kind: 'affected', severity: 'critical', reach: 'groups it may belong to' });
    expect(policies[0]!.coverage.bg2).toMatchObject({ kind: 'outOfScope' });
  });

  it('grades the effect: block or device control on everything is critical, MFA or a strength high, session only low', () => {
    expect(effectOf(policy({}))).toEqual({ severity: 'critical', effect: 'blocks access to all resources' });
    const some = { conditions: { applications: { includeApplications: ['app-1'] } } };
    expect(effectOf(policy({}, some)).severity).toBe('high');
    expect(effectOf(policy({}, { grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] } }))).toEqual(
      {
        severity: 'critical',
        effect: 'requires a managed device or app for all resources',
      },
    );
    // A device control with MFA as an alternative: MFA decides.
    expect(effectOf(policy({}, { grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'mfa'] } })).severity).toBe('high');
    expect(effectOf(policy({}, { grantControls: { operator: 'OR', builtInControls: ['mfa'] } }))).toEqual({
      severity: 'high',
      effect: 'requires multifactor authentication for all resources',
    });
    expect(
      effectOf(
        policy({}, { grantControls: { builtInControls: [], authenticationStrength: { id: 's', displayName: 'Phishing-resistant MFA' } } }),
      ),
    ).toEqual({
      severity: 'high',
      effect: "requires the authentication strength 'Phishing-resistant MFA' for all resources",
    });
    expect(effectOf(policy({}, { grantControls: null, sessionControls: { signInFrequency: { isEnabled: true } } }))).toEqual({
      severity: 'low',
      effect: 'applies session controls only, on all resources',
    });
  });

  it('flags report-only and off policies with what they will do when enabled', () => {
    expect(cover(policy({ includeUsers: ['All'] }, { state: 'enabledForReportingButNotEnforced' }), 'bg1')).toMatchObject({
      kind: 'affected',
      severity: 'critical',
      enforcement: 'reportOnly',
    });
    expect(cover(policy({ includeUsers: ['All'] }, { state: 'disabled' }), 'bg1')).toMatchObject({
      severity: 'critical',
      enforcement: 'off',
    });
  });

  it('marks a policy written for the emergency accounts as deliberate, not a finding, unless it blocks them', () => {
    const strength = { grantControls: { builtInControls: [], authenticationStrength: { id: 'phr' } } };
    const result = analyzeEmergencyAccess([policy({ includeGroups: ['g-bg'] }, strength)], emergency, memberships);
    expect(result.policies[0]).toMatchObject({ targeted: true, worst: null });
    expect(result.policies[0]!.coverage.bg2).toMatchObject({ kind: 'targeted' });
    expect(cover(policy({ includeUsers: ['bg1'] }), 'bg1')).toMatchObject({ kind: 'affected', severity: 'critical' });
  });

  it('checks every policy against every account, the group standing for itself when its members are unknown', () => {
    const unread: EmergencyAccess = { users: [bg1], groups: [group] };
    const result = analyzeEmergencyAccess(
      [policy({ includeUsers: ['All'], excludeGroups: ['g-bg'] }), { ...policy({ includeUsers: ['All'] }), id: 'p2', displayName: 'P2' }],
      unread,
    );
    expect(result.subjects.map((s) => `${s.kind}:${s.id}`)).toEqual(['user:bg1', 'group:g-bg']);
    expect(result.policies.map((p) => [p.name, p.worst])).toEqual([
      ['P1', 'critical'], // bg1 named alone, not in the excluded group as far as is known
      ['P2', 'critical'],
    ]);
    expect(result.policies[0]!.coverage['g-bg']).toMatchObject({ kind: 'excluded', how: 'direct' });
  });
});
