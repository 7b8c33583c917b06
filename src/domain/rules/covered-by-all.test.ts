// An entry beside "All" is named, in plain words, as already covered, and never blocks the save:
// Graph accepts it.
import { describe, expect, it } from 'vitest';
import { blocksSaving, checkPolicy } from '../policy-checks';

const GROUP = '8d9c5a1e-1111-4222-8333-444455556666';
const USER = '2f1e0d3c-aaaa-4bbb-8ccc-ddddeeeeffff';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';

const policyWith = (users: Record<string, unknown>, applications: Record<string, unknown> = { includeApplications: ['All'] }) => ({
  displayName: 'Require MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: { applications, users, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const covered = (policy: unknown) => checkPolicy(policy).filter((f) => f.rule === 'covered-by-all');

describe('covered-by-all', () => {
  it('warns of a user, a group, a role or guests included beside All users, without blocking the save', () => {
    const findings = checkPolicy(
      policyWith({
        includeUsers: ['All', USER, 'GuestsOrExternalUsers'],
        includeGroups: [GROUP],
        includeRoles: ['62e90394-69f5-4237-9190-012177145e10'],
      }),
    );
    expect(findings.filter((f) => f.rule === 'covered-by-all').map((f) => [f.path.join('.'), f.severity, f.message])).toEqual([
      [
        'conditions.users.includeUsers.1',
        'warning',
        `The user '${USER}' is already covered by All users, so including it as well changes nothing: probably a leftover.`,
      ],
      [
        'conditions.users.includeUsers.2',
        'warning',
        "'All guests and external users' is already covered by All users, so including it as well changes nothing: probably a leftover.",
      ],
      [
        'conditions.users.includeGroups.0',
        'warning',
        `The group '${GROUP}' is already covered by All users, so including it as well changes nothing: probably a leftover.`,
      ],
      [
        'conditions.users.includeRoles.0',
        'warning',
        "The role '62e90394-69f5-4237-9190-012177145e10' is already covered by All users, so including it as well changes nothing: probably a leftover.",
      ],
    ]);
    expect(blocksSaving(findings)).toBe(false);
  });

  it('warns of guest and external user types included beside All users, and not of them excluded', () => {
    const guests = { guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bDirectConnectUser', externalTenants: { membershipKind: 'all' } };
    expect(
      covered(policyWith({ includeUsers: ['All'], includeGuestsOrExternalUsers: guests })).map((f) => [f.path.join('.'), f.message]),
    ).toEqual([
      [
        'conditions.users.includeGuestsOrExternalUsers',
        'The guest and external user types are already covered by All users, so including them as well changes nothing: probably a leftover.',
      ],
    ]);
    expect(
      covered(policyWith({ includeUsers: ['All'], includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: guests })),
    ).toEqual([]);
    expect(covered(policyWith({ includeUsers: [USER], includeGuestsOrExternalUsers: guests }))).toEqual([]);
  });

  it('warns of an app or Office 365 included beside All resources', () => {
    const findings = covered(policyWith({ includeUsers: ['All'] }, { includeApplications: ['All', EXCHANGE, 'Office365'] }));
    expect(findings.map((f) => f.message)).toEqual([
      `The app '${EXCHANGE}' is already covered by All resources, so including it as well changes nothing: probably a leftover.`,
      "'Office 365' is already covered by All resources, so including it as well changes nothing: probably a leftover.",
    ]);
  });

  it('keeps quiet without All, about what All users leaves out, about exclusions, and where included-and-excluded speaks', () => {
    expect(covered(policyWith({ includeUsers: [USER], includeGroups: [GROUP] }))).toEqual([]);
    expect(covered(policyWith({ includeUsers: ['All', 'AllAgentIdUsers'], excludeGroups: [GROUP], excludeUsers: [USER] }))).toEqual([]);
    expect(covered(policyWith({ includeUsers: ['All'] }, { includeApplications: ['All'], excludeApplications: [EXCHANGE] }))).toEqual([]);
    const both = checkPolicy(policyWith({ includeUsers: ['All'], includeGroups: [GROUP], excludeGroups: [GROUP] }));
    expect(both.map((f) => f.rule)).toEqual(['included-and-excluded']);
  });
});
