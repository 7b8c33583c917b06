import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { SignInFacts, UserIdentity } from '../sign-in';
import { ada, adaToExchange, context, ids, policy } from '../test-fixtures';
import { namesAgentUsers } from './users';

const as = (identity: UserIdentity, facts: SignInFacts = adaToExchange) => ({ ...facts, identity });
const run = (users: Parameters<typeof policy>[0]['users'], identity: UserIdentity = ada) =>
  evaluatePolicy(policy({ users }), as(identity), context);

const breakGlass: UserIdentity = {
  kind: 'user',
  userId: ids.breakGlass,
  groupIds: [ids.emergency],
  roleTemplateIds: [ids.globalAdmin],
  guest: null,
};
const sam: UserIdentity = {
  kind: 'user',
  userId: ids.sam,
  groupIds: [],
  roleTemplateIds: [],
  guest: { kinds: ['b2bCollaborationGuest'], homeTenantId: ids.fabrikam },
};

describe('users: inclusion', () => {
  it('includes everyone with All, and no one with None', () => {
    expect(run({ includeUsers: ['All'] })).toMatchObject({
      result: 'applies',
      reason: expect.stringContaining('Ada Lindqvist is included as one of all users'),
    });
    expect(run({ includeUsers: ['None'] })).toMatchObject({ result: 'notApplied', failedCondition: 'users' });
  });

  it('includes by name, through a group (transitive, as given) and through a role', () => {
    expect(run({ includeUsers: [ids.ada] }).result).toBe('applies');
    expect(run({ includeGroups: [ids.mobile] }).reason).toContain('through the group Mobile workers');
    expect(run({ includeRoles: [ids.globalAdmin] }, breakGlass).reason).toContain('through the role Global Administrator');
    expect(run({ includeRoles: [ids.globalAdmin] })).toMatchObject({
      result: 'notApplied',
      reason: 'Ada Lindqvist is not among the users, groups, roles or guests the policy includes.',
    });
  });

  it('does not apply a users policy to nobody: an empty users condition targets no users', () => {
    expect(run(null)).toMatchObject({ result: 'notApplied', reason: 'The policy targets no users.' });
  });
});

describe('users: exclusion wins', () => {
  it('finds a group or role by id in any case: an emergency group written in capitals is still excluded', () => {
    const shouting = (id: string) => id.toUpperCase();
    expect(run({ includeUsers: ['All'], excludeGroups: [shouting(ids.emergency)] }, breakGlass)).toMatchObject({
      result: 'notApplied',
      reason: expect.stringContaining('through the group'),
    });
    expect(run({ includeUsers: ['All'], excludeRoles: [shouting(ids.globalAdmin)] }, breakGlass)).toMatchObject({
      result: 'notApplied',
      reason: expect.stringContaining('through the role'),
    });
    const lowerFacts: UserIdentity = { ...breakGlass, groupIds: [shouting(ids.emergency)], roleTemplateIds: [shouting(ids.globalAdmin)] };
    expect(run({ includeGroups: [ids.emergency] }, lowerFacts).result).toBe('applies');
    expect(run({ includeRoles: [ids.globalAdmin] }, lowerFacts).result).toBe('applies');
  });

  it('names a user by id in any case, as Graph’s GUIDs are the same in upper and lower case', () => {
    const upper: UserIdentity = { ...ada, userId: 'ABCDEF12-3456-4ABC-9DEF-0123456789AB' };
    expect(run({ includeUsers: ['abcdef12-3456-4abc-9def-0123456789ab'] }, upper)).toMatchObject({
      result: 'applies',
      reason: expect.stringContaining('included by name'),
    });
    expect(run({ includeUsers: ['All'], excludeUsers: ['abcdef12-3456-4abc-9def-0123456789ab'] }, upper)).toMatchObject({
      result: 'notApplied',
      reason: expect.stringContaining('excluded by name'),
    });
  });

  it('excludes by name, group and role, naming how', () => {
    expect(run({ includeUsers: ['All'], excludeUsers: [ids.ada] }).reason).toBe('Ada Lindqvist is excluded by name.');
    expect(run({ includeUsers: ['All'], excludeGroups: [ids.emergency] }, breakGlass).reason).toBe(
      'Break Glass 01 is excluded through the group CA - Emergency access accounts.',
    );
    expect(run({ includeUsers: [ids.breakGlass], excludeRoles: [ids.globalAdmin] }, breakGlass)).toMatchObject({
      result: 'notApplied',
      reason: 'Break Glass 01 is excluded through the role Global Administrator.',
    });
  });

  it('settles on a known exclusion even when an inclusion is not known', () => {
    const unknownGroups: UserIdentity = { ...breakGlass, groupIds: 'unknown' };
    expect(run({ includeGroups: [ids.contractors], excludeRoles: [ids.globalAdmin] }, unknownGroups).result).toBe('notApplied');
  });
});

describe('users: what is not known', () => {
  it('is indeterminate when group membership is needed and not known, naming the input', () => {
    const noGroups: UserIdentity = { ...ada, groupIds: undefined };
    expect(run({ includeUsers: ['All'], excludeGroups: [ids.emergency] }, noGroups)).toMatchObject({
      result: 'indeterminate',
      failedCondition: 'users',
      missing: ['identity.groupIds'],
      reason: expect.stringContaining("Ada Lindqvist's groups are not known (the policy names the group CA - Emergency access accounts)"),
    });
    expect(run({ includeRoles: [ids.globalAdmin] }, { ...ada, roleTemplateIds: 'unknown' })).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.roleTemplateIds'],
    });
  });

  it('does not need memberships the policy does not name', () => {
    expect(run({ includeUsers: ['All'], excludeUsers: [ids.breakGlass] }, { kind: 'user', userId: ids.ada }).result).toBe('applies');
  });

  it('does not need memberships once the user is excluded by name', () => {
    expect(run({ includeGroups: [ids.mobile], excludeUsers: [ids.ada] }, { kind: 'user', userId: ids.ada }).result).toBe('notApplied');
  });
});

describe('users: guests and external users', () => {
  const partners = {
    guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bCollaborationMember',
    externalTenants: {
      '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
      membershipKind: 'enumerated',
      members: [ids.fabrikam, ids.northwind],
    },
  };
  const allGuests = {
    guestOrExternalUserTypes:
      'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider',
    externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
  };

  it('matches the legacy GuestsOrExternalUsers value in include and exclude', () => {
    expect(run({ includeUsers: ['GuestsOrExternalUsers'] }, sam).result).toBe('applies');
    expect(run({ includeUsers: ['GuestsOrExternalUsers'] }).result).toBe('notApplied');
    expect(run({ includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] }, sam).reason).toBe(
      'Sam Carter is excluded as a guest or external user.',
    );
  });

  it('matches guest kinds with all external tenants', () => {
    expect(run({ includeGuestsOrExternalUsers: allGuests }, sam).reason).toContain('as a B2B collaboration guest');
    expect(run({ includeGuestsOrExternalUsers: allGuests }).result).toBe('notApplied');
    const directConnect: UserIdentity = { ...sam, guest: { kinds: ['b2bDirectConnectUser'], homeTenantId: ids.fabrikam } };
    expect(run({ includeGuestsOrExternalUsers: partners }, directConnect).result).toBe('notApplied');
  });

  it('matches enumerated external tenants by the home tenant', () => {
    expect(run({ includeGuestsOrExternalUsers: partners }, sam).reason).toContain('as a B2B collaboration guest from Fabrikam');
    const fromAdatum: UserIdentity = { ...sam, guest: { kinds: ['b2bCollaborationGuest'], homeTenantId: ids.adatum } };
    expect(run({ includeGuestsOrExternalUsers: partners }, fromAdatum).result).toBe('notApplied');
    const homeUnknown: UserIdentity = { ...sam, guest: { kinds: ['b2bCollaborationGuest'] } };
    expect(run({ includeGuestsOrExternalUsers: partners }, homeUnknown)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.guest.homeTenantId'],
    });
    expect(run({ includeGuestsOrExternalUsers: partners, excludeUsers: [ids.sam] }, homeUnknown).result).toBe('notApplied');
  });

  it('excludes guests by kind', () => {
    expect(run({ includeUsers: ['All'], excludeGuestsOrExternalUsers: allGuests }, sam).result).toBe('notApplied');
    expect(run({ includeUsers: ['All'], excludeGuestsOrExternalUsers: allGuests }).result).toBe('applies');
  });

  it('is indeterminate when whether the user is a guest is not known and it matters', () => {
    const unknownGuest: UserIdentity = { kind: 'user', userId: ids.ada, groupIds: [], roleTemplateIds: [] };
    expect(run({ includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] }, unknownGuest)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.guest'],
    });
    expect(run({ includeUsers: ['All'] }, unknownGuest).result).toBe('applies');
  });
});

describe('users: agents and unread keys', () => {
  it('matches AllAgentIdUsers to agent users only', () => {
    expect(run({ includeUsers: ['AllAgentIdUsers'] }).result).toBe('notApplied');
    expect(run({ includeUsers: ['AllAgentIdUsers'] }, { ...ada, agentUser: true }).result).toBe('applies');
    expect(run({ includeUsers: ['AllAgentIdUsers'] }, { ...ada, agentUser: undefined })).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.agentUser'],
    });
  });

  it('excludes agent users with AllAgentIdUsers in excludeUsers, as the emulator does', () => {
    const peopleOnly = { includeUsers: ['All'], excludeUsers: ['AllAgentIdUsers'] };
    expect(run(peopleOnly, { ...ada, agentUser: true })).toMatchObject({
      result: 'notApplied',
      reason: 'Ada Lindqvist is excluded as an agent user.',
    });
    expect(run(peopleOnly, { ...ada, agentUser: false }).result).toBe('applies');
    expect(run(peopleOnly, { ...ada, agentUser: undefined })).toMatchObject({ result: 'indeterminate', missing: ['identity.agentUser'] });
  });

  it('is indeterminate when the users condition sets a key it does not read', () => {
    expect(run({ includeUsers: ['All'], includeAgentUsersPreview: ['x'] })).toMatchObject({
      result: 'indeterminate',
      missing: ['conditions.users.includeAgentUsersPreview'],
    });
  });
});

describe('users: which policies ask whether a user is an agent user', () => {
  it('those naming AllAgentIdUsers on either side, and no others', () => {
    const on = (users: object) => ({ conditions: { users } });
    expect(namesAgentUsers([on({ includeUsers: ['All'] }), on({ excludeUsers: ['AllAgentIdUsers'] })])).toBe(true);
    expect(namesAgentUsers([on({ includeUsers: ['AllAgentIdUsers'] })])).toBe(true);
    expect(namesAgentUsers([on({ includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] }), null, { conditions: 'odd' }])).toBe(
      false,
    );
  });
});
