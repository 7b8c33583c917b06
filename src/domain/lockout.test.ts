import { describe, expect, it } from 'vitest';
import { conditionalAccessPolicySchema } from './policy-schema';
import { assessLockout, assessLockoutChange, type Membership } from './lockout';

const admin = { id: 'admin-id', name: 'Ada' };
const emergency = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [{ id: 'g-bg', name: 'Emergency access' }] };
const policy = (over: Record<string, unknown> = {}, users: Record<string, unknown> = { includeUsers: ['All'] }) => ({
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  ...over,
});

describe('assessLockout', () => {
  it('names the admin and every emergency account a block on all users would lock out', () => {
    expect(assessLockout(policy(), admin, emergency).map((r) => r.who)).toEqual([
      'Ada (you)',
      'Break Glass 01 (emergency access)',
      'Members of Emergency access (emergency access)',
    ]);
  });

  it('is quiet when the emergency group and the admin are excluded', () => {
    expect(
      assessLockout(policy({}, { includeUsers: ['All'], excludeUsers: ['admin-id'], excludeGroups: ['g-bg'] }), admin, emergency),
    ).toEqual([]);
  });

  it('finds the admin and the emergency group by id in any case: a block naming them in capitals is still caught', () => {
    const block = policy({}, { includeUsers: ['ADMIN-ID'], includeGroups: ['G-BG'] });
    expect(assessLockout(block, admin, emergency).map((r) => r.who)).toEqual([
      'Ada (you)',
      'Members of Emergency access (emergency access)',
    ]);
    expect(
      assessLockout(policy({}, { includeUsers: ['All'], excludeUsers: ['ADMIN-ID', 'BG1'], excludeGroups: ['G-BG'] }), admin, emergency),
    ).toEqual([]);
  });

  it('isolates every name it words: a direction control in a group or account name cannot reverse the warning around it', () => {
    const tricky = { users: [{ id: 'bg1', name: 'Break\u202Eglass' }], groups: [{ id: 'g-bg', name: 'Emergency\u202Eaccess' }] };
    const rtlAdmin = { id: 'admin-id', name: 'עדה' };
    const whos = assessLockout(policy(), rtlAdmin, tricky).map((r) => r.who);
    expect(whos).toEqual([
      '\u2068עדה\u2069 (you)',
      'Break\\u202Eglass (emergency access)',
      'Members of Emergency\\u202Eaccess (emergency access)',
    ]);
    const viaGroup = policy({}, { includeGroups: ['g-x'] });
    const memberships = new Map([['bg1', member([{ id: 'g-x', name: 'Ring\u202E1' }], [])]]);
    expect(assessLockout(viaGroup, admin, { users: tricky.users, groups: [] }, memberships)[0]!.why).toContain(
      "the group 'Ring\\u202E1', which",
    );
  });

  it('is quiet for report-only and off policies, and for policies that target no resource', () => {
    expect(assessLockout(policy({ state: 'enabledForReportingButNotEnforced' }), admin, emergency)).toEqual([]);
    expect(
      assessLockout(
        policy({ conditions: { applications: { includeApplications: ['None'] }, users: { includeUsers: ['All'] } } }),
        admin,
        emergency,
      ),
    ).toEqual([]);
  });

  it('treats MFA as something the admin has, but not the emergency accounts', () => {
    const risks = assessLockout(policy({ grantControls: { operator: 'OR', builtInControls: ['mfa'] } }), admin, emergency);
    expect(risks.map((r) => r.who)).toEqual(['Break Glass 01 (emergency access)', 'Members of Emergency access (emergency access)']);
    // In the admin center's words.
    expect(risks[0]!.why).toBe('It applies to all users and requires multifactor authentication.');
  });

  it('warns the admin about device and strength requirements', () => {
    const risks = assessLockout(
      policy({ grantControls: { operator: 'AND', builtInControls: ['compliantDevice'], authenticationStrength: { id: 's' } } }),
      admin,
      { users: [], groups: [] },
    );
    expect(risks).toEqual([
      { who: 'Ada (you)', why: 'It applies to all users and requires device to be marked as compliant and an authentication strength.' },
    ]);
    const named = assessLockout(
      policy({
        grantControls: {
          operator: 'OR',
          builtInControls: ['domainJoinedDevice'],
          authenticationStrength: { id: 's', displayName: 'Phishing-resistant MFA' },
        },
      }),
      admin,
      { users: [], groups: [] },
    );
    expect(named[0]!.why).toBe(
      "It applies to all users and requires Microsoft Entra hybrid joined device or the authentication strength 'Phishing-resistant MFA'.",
    );
  });
});

describe('assessLockout in the admin center’s words', () => {
  const breakGlass = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [] };
  // The emergency account's sentence: the admin's leaves out MFA, which the admin has signed in with.
  const why = (builtInControls: string[], operator = 'OR') =>
    assessLockout(policy({ grantControls: { operator, builtInControls } }), admin, breakGlass).find((r) =>
      r.who.startsWith('Break Glass 01'),
    )?.why;

  it.each([
    ['block', 'blocks access'],
    ['mfa', 'requires multifactor authentication'],
    ['compliantDevice', 'requires device to be marked as compliant'],
    ['domainJoinedDevice', 'requires Microsoft Entra hybrid joined device'],
    ['approvedApplication', 'requires approved client app'],
    ['compliantApplication', 'requires app protection policy'],
    ['passwordChange', 'requires password change'],
    ['riskRemediation', 'requires risk remediation'],
  ])('says %s as "%s"', (control, words) => {
    expect(why([control])).toBe(`It applies to all users and ${words}.`);
  });

  it('joins the controls as the operator does', () => {
    expect(why(['mfa', 'compliantDevice'], 'AND')).toBe(
      'It applies to all users and requires multifactor authentication and device to be marked as compliant.',
    );
    expect(why(['compliantDevice', 'domainJoinedDevice'])).toBe(
      'It applies to all users and requires device to be marked as compliant or Microsoft Entra hybrid joined device.',
    );
  });

  it('never shows the id of a control the schema knows', () => {
    type BuiltInControls = { properties: { grantControls: { properties: { builtInControls: { items: { enum: string[] } } } } } };
    const controls = (conditionalAccessPolicySchema as unknown as BuiltInControls).properties.grantControls.properties.builtInControls.items
      .enum;
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const control of controls) expect(why([control])).not.toMatch(new RegExp(`\\b${control}\\b`));
  });

  it('names a control newer than the console as such, not bare', () => {
    expect(why(['quantumKey'])).toBe("It applies to all users and requires a grant control this console does not know ('quantumKey').");
  });
});

const GLOBAL_ADMIN = { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' };
const CA_ADMIN = { id: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', name: 'Conditional Access Administrator' };
/** Microsoft's "Require multifactor authentication for admins": 14 roles, the current admin excluded. */
const forAdminRoles = (users: Record<string, unknown> = {}) =>
  policy(
    { grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    {
      includeRoles: [GLOBAL_ADMIN.id, CA_ADMIN.id, ...Array.from({ length: 12 }, (_, i) => `role-${i}`)],
      excludeUsers: ['admin-id'],
      ...users,
    },
  );
const member = (groups: { id: string; name: string }[], roles: { id: string; name: string }[]): Membership => ({ groups, roles });

describe('assessLockout through roles and groups', () => {
  const breakGlassOnly = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [] };

  it('warns when a policy for admin roles reaches an emergency account through the role it holds', () => {
    const memberships = new Map([['bg1', member([{ id: 'g-bg', name: 'Emergency access' }], [GLOBAL_ADMIN])]]);
    expect(assessLockout(forAdminRoles(), admin, breakGlassOnly, memberships)).toEqual([
      {
        who: 'Break Glass 01 (emergency access)',
        why: 'It applies to the role Global Administrator, which this account holds, and requires multifactor authentication.',
      },
    ]);
  });

  it('warns while the roles are unknown, and is quiet once they are known not to match', () => {
    expect(assessLockout(forAdminRoles(), admin, breakGlassOnly).map((r) => r.why)).toEqual([
      'It applies to directory roles this account may hold and requires multifactor authentication.',
    ]);
    expect(assessLockout(forAdminRoles(), admin, breakGlassOnly, new Map([['bg1', member([], [])]]))).toEqual([]);
  });

  it('counts an exclusion through a group the account belongs to, or a role it holds, and not through a group it is not in', () => {
    const inGroup = new Map([['bg1', member([{ id: 'g-bg', name: 'Emergency access' }], [GLOBAL_ADMIN])]]);
    expect(assessLockout(forAdminRoles({ excludeGroups: ['g-bg'] }), admin, breakGlassOnly, inGroup)).toEqual([]);
    expect(assessLockout(forAdminRoles({ excludeRoles: [GLOBAL_ADMIN.id] }), admin, breakGlassOnly, inGroup)).toEqual([]);
    const notInGroup = new Map([['bg1', member([], [GLOBAL_ADMIN])]]);
    expect(
      assessLockout(
        forAdminRoles({ excludeGroups: ['g-bg'] }),
        admin,
        { users: breakGlassOnly.users, groups: [{ id: 'g-bg', name: 'Emergency access' }] },
        notInGroup,
      ).map((r) => r.who),
    ).toEqual(['Break Glass 01 (emergency access)']);
  });

  it('reaches an emergency account or group through a group that contains it, transitively', () => {
    const nested = new Map([
      [
        'bg1',
        member(
          [
            { id: 'g-bg', name: 'Emergency access' },
            { id: 'g-all', name: 'All staff' },
          ],
          [],
        ),
      ],
      ['g-bg', member([{ id: 'g-all', name: 'All staff' }], [])],
    ]);
    const block = policy({}, { includeGroups: ['g-all'] });
    expect(assessLockout(block, admin, emergency, nested)).toEqual([
      {
        who: 'Break Glass 01 (emergency access)',
        why: "It applies to the group 'All staff', which this account belongs to, and blocks access.",
      },
      {
        who: 'Members of Emergency access (emergency access)',
        why: "It applies to the group 'All staff', which contains this group, and blocks access.",
      },
    ]);
  });

  it('reaches the emergency group through a role assigned to it', () => {
    const assigned = new Map([['g-bg', member([], [GLOBAL_ADMIN])]]);
    expect(assessLockout(forAdminRoles(), admin, { users: [], groups: emergency.groups }, assigned).map((r) => r.why)).toEqual([
      'It applies to the role Global Administrator, which is assigned to this group, and requires multifactor authentication.',
    ]);
  });

  it("checks the admin's own roles: a role the admin holds is named, one the admin does not hold is no risk", () => {
    const block = policy({}, { includeRoles: [CA_ADMIN.id] });
    expect(assessLockout(block, admin, { users: [], groups: [] }, new Map([['admin-id', member([], [CA_ADMIN])]]))).toEqual([
      { who: 'Ada (you)', why: 'It applies to the role Conditional Access Administrator, which you hold, and blocks access.' },
    ]);
    expect(assessLockout(block, admin, { users: [], groups: [] }, new Map([['admin-id', member([], [GLOBAL_ADMIN])]]))).toEqual([]);
  });
});

describe('assessLockout for the accounts in an emergency group', () => {
  const group = { id: 'g-bg', name: 'Emergency access' };
  const members = [
    { user: { id: 'bg1', name: 'Break Glass 01' }, group },
    { user: { id: 'bg2', name: 'Break Glass 02' }, group },
  ];

  it('checks each account of the group through its own roles, once, even when it is also named', () => {
    const memberships = new Map([
      ['bg1', member([group], [GLOBAL_ADMIN])],
      ['bg2', member([group], [GLOBAL_ADMIN])],
    ]);
    const risks = assessLockout(
      forAdminRoles(),
      admin,
      { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [group], members },
      memberships,
    );
    expect(risks.map((r) => r.who)).toEqual([
      'Break Glass 01 (emergency access)',
      'Break Glass 02 (emergency access, in Emergency access)',
    ]);
  });

  it('takes an account of an excluded emergency group as excluded, before and after its memberships are read', () => {
    expect(assessLockout(forAdminRoles({ excludeGroups: ['g-bg'] }), admin, { users: [], groups: [group], members })).toEqual([]);
    const known = new Map([
      ['bg1', member([group], [GLOBAL_ADMIN])],
      ['bg2', member([group], [GLOBAL_ADMIN])],
    ]);
    expect(assessLockout(forAdminRoles({ excludeGroups: ['g-bg'] }), admin, { users: [], groups: [group], members }, known)).toEqual([]);
  });
});

describe('assessLockout, where the policy narrows itself', () => {
  const outsideCountries = {
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'] },
    locations: { includeLocations: ['All'], excludeLocations: ['loc-allowed'] },
  };

  it('says the block holds outside the excluded locations, not everywhere', () => {
    const risks = assessLockout(policy({ conditions: outsideCountries }), admin, { users: [], groups: [] });
    expect(risks).toEqual([{ who: 'Ada (you)', why: 'It applies to all users and blocks access, outside its excluded locations.' }]);
  });

  it('names each narrowing condition, briefly', () => {
    const conditions = {
      applications: { includeApplications: ['All'] },
      users: { includeUsers: ['All'] },
      locations: { includeLocations: ['loc-1'] },
      platforms: { includePlatforms: ['android'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
      devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -eq False' } },
    };
    expect(assessLockout(policy({ conditions }), admin, { users: [], groups: [] })[0]!.why).toBe(
      'It applies to all users and blocks access, from its selected locations, on its selected device platforms, from its selected client apps and on devices its filter matches.',
    );
    // Conditions that hold everywhere narrow nothing.
    const everywhere = { ...conditions, locations: { includeLocations: ['All'] }, platforms: { includePlatforms: ['all'] } };
    const { devices: _devices, clientAppTypes: _apps, ...plain } = everywhere;
    expect(assessLockout(policy({ conditions: plain }), admin, { users: [], groups: [] })[0]!.why).toBe(
      'It applies to all users and blocks access.',
    );
  });
});

describe('assessLockoutChange', () => {
  const live = policy({}, { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] });
  const withContractorsExcluded = policy(
    {},
    { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: ['g-contr'] },
  );

  it('takes a risk the live policy already has as already so, not as one the change adds', () => {
    const change = assessLockoutChange(live, withContractorsExcluded, admin, { users: [], groups: [] });
    expect(change.added).toEqual([]);
    expect(change.already.map((r) => r.who)).toEqual(['Ada (you)']);
  });

  it('takes a risk as already so however the two versions write the same conditions', () => {
    const withNulls = policy({
      conditions: {
        applications: { includeApplications: ['All'], excludeApplications: [] },
        users: live.conditions.users,
        platforms: null,
      },
    });
    const change = assessLockoutChange(withNulls, withContractorsExcluded, admin, { users: [], groups: [] });
    expect(change.added).toEqual([]);
    expect(change.already.map((r) => r.who)).toEqual(['Ada (you)']);
  });

  it('counts a risk as added when the change widens where the policy blocks, though the same person was at risk', () => {
    // A block on legacy clients only, widened to every client app: Ada could sign in before, and cannot after.
    const legacyOnly = policy({ conditions: { ...live.conditions, clientAppTypes: ['other'] } });
    const everyClient = policy({ conditions: { ...live.conditions, clientAppTypes: ['other', 'browser', 'mobileAppsAndDesktopClients'] } });
    expect(assessLockout(legacyOnly, admin, { users: [], groups: [] }).map((r) => r.who)).toEqual(['Ada (you)']);
    const widened = assessLockoutChange(legacyOnly, everyClient, admin, { users: [], groups: [] });
    expect(widened.added.map((r) => r.who)).toEqual(['Ada (you)']);
    expect(widened.already).toEqual([]);

    // An excluded location removed (a revert to before it was added): blocked in more places than before.
    const locations = (exclude: string[]) =>
      policy({ conditions: { ...live.conditions, locations: { includeLocations: ['All'], excludeLocations: exclude } } });
    expect(assessLockoutChange(locations(['office', 'vpn']), locations(['vpn']), admin, { users: [], groups: [] }).added).toHaveLength(1);
    // One added narrows it: as it was.
    const narrowed = assessLockoutChange(locations(['vpn']), locations(['vpn', 'office']), admin, { users: [], groups: [] });
    expect(narrowed.added).toEqual([]);
    expect(narrowed.already.map((r) => r.who)).toEqual(['Ada (you)']);

    // Multi-factor asked before, access blocked after: the same person, a harder control.
    const mfa = policy({ grantControls: { operator: 'OR', builtInControls: ['mfa'] } });
    expect(assessLockoutChange(mfa, live, admin, { users: [], groups: [] }).added.map((r) => r.who)).toEqual(['Ada (you)']);
  });

  it('counts as added: a new person at risk, the policy turned on, and a new policy', () => {
    const adminExcluded = policy({}, { includeUsers: ['All'], excludeUsers: ['admin-id'] });
    const widened = assessLockoutChange(adminExcluded, policy(), admin, emergency);
    expect(widened.added.map((r) => r.who)).toEqual(['Ada (you)']);
    expect(widened.already.map((r) => r.who)).toEqual([
      'Break Glass 01 (emergency access)',
      'Members of Emergency access (emergency access)',
    ]);

    const turnedOn = assessLockoutChange(policy({ state: 'enabledForReportingButNotEnforced' }), policy(), admin, emergency);
    expect(turnedOn.added).toHaveLength(3);
    expect(turnedOn.already).toEqual([]);

    expect(assessLockoutChange(null, policy(), admin, emergency).added).toHaveLength(3);
  });
});
