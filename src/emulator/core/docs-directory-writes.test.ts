// What a restore or copy writes and looks up besides policies, as Graph's pages document it: creating a
// security group (group-post-groups, v1.0), the $filter eq lookups of users, groups and service
// principals, and who may write authentication strengths and contexts.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID, createSeedState } from '../seed';
import type { JsonObject } from './model';

const json = async (response: Response) => (await response.json()) as JsonObject;
const errorOf = async (response: Response) => (await json(response)).error as JsonObject;
const seed = () => createSeedState().tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
const WRITER = ['Directory.Read.All', 'Group.ReadWrite.All'];

describe('POST /groups (group-post-groups)', () => {
  it('creates a security group with 201 and the group, which lists, filters and reads back', async () => {
    const { call } = testEmulator();
    const tenant = seed();
    const [ada, ben] = tenant.users;
    // Example 2 of the page, with owners and members of the seed.
    const created = await call('POST', '/v1.0/groups', {
      scopes: WRITER,
      body: {
        description: 'Group with designated owner and members',
        displayName: 'Operations group',
        groupTypes: [],
        mailEnabled: false,
        mailNickname: 'operations2019',
        securityEnabled: true,
        'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${ada!.id}`],
        'members@odata.bind': [`https://graph.microsoft.com/v1.0/users/${ada!.id}`, `https://graph.microsoft.com/v1.0/users/${ben!.id}`],
      },
    });
    expect(created.status).toBe(201);
    const group = await json(created);
    expect(group).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups/$entity',
      displayName: 'Operations group',
      description: 'Group with designated owner and members',
      groupTypes: [],
      mail: null,
      mailEnabled: false,
      mailNickname: 'operations2019',
      securityEnabled: true,
      createdDateTime: '2026-11-20T10:00:00Z',
    });
    expect(group.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await json(await call('GET', `/v1.0/groups/${String(group.id)}`, { scopes: WRITER }));
    expect(read.displayName).toBe('Operations group');
    const members = await json(await call('GET', `/v1.0/groups/${String(group.id)}/members?$select=id`, { scopes: WRITER }));
    expect((members.value as JsonObject[]).map((m) => m.id).sort()).toEqual([ada!.id, ben!.id].sort());
    const listed = await json(await call('GET', "/v1.0/groups?$filter=displayName eq 'Operations group'", { scopes: WRITER }));
    expect((listed.value as JsonObject[]).map((g) => g.id)).toEqual([group.id]);
  });

  it('needs mailNickname even for a group that is not mail-enabled, as every required property', async () => {
    const { call } = testEmulator();
    const base = { displayName: 'Pilot', mailEnabled: false, mailNickname: 'pilot', securityEnabled: true };
    for (const property of ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled'] as const) {
      const body: Record<string, unknown> = { ...base };
      delete body[property];
      const response = await call('POST', '/v1.0/groups', { scopes: WRITER, body });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({
        code: 'Request_BadRequest',
        message: `A value is required for property '${property}' of resource 'Group'.`,
      });
    }
  });

  it('refuses a mail nickname with a space, an @ or a dot, or longer than 64, naming the property', async () => {
    const { call } = testEmulator();
    for (const mailNickname of ['pilot users', 'pilot@contoso', 'pilot.users', 'x'.repeat(65), 'pilotë']) {
      const response = await call('POST', '/v1.0/groups', {
        scopes: WRITER,
        body: { displayName: 'Pilot', mailEnabled: false, mailNickname, securityEnabled: true },
      });
      expect(response.status, mailNickname).toBe(400);
      expect(await errorOf(response)).toMatchObject({
        code: 'Request_BadRequest',
        message: "Invalid value specified for property 'mailNickname' of resource 'Group'.",
        details: [{ code: 'InvalidValue', target: 'mailNickname' }],
      });
    }
    const fine = await call('POST', '/v1.0/groups', {
      scopes: WRITER,
      body: { displayName: 'Pilot', mailEnabled: false, mailNickname: 'x'.repeat(64), securityEnabled: true },
    });
    expect(fine.status).toBe(201);
  });

  it('refuses a mail-enabled security group and a member that does not exist', async () => {
    const { call } = testEmulator();
    const mailSecurity = await call('POST', '/v1.0/groups', {
      scopes: WRITER,
      body: { displayName: 'Pilot', mailEnabled: true, mailNickname: 'pilot', securityEnabled: true },
    });
    expect(mailSecurity.status).toBe(400);
    const gone = '11111111-2222-3333-4444-555555555555';
    const member = await call('POST', '/v1.0/groups', {
      scopes: WRITER,
      body: {
        displayName: 'Pilot',
        mailEnabled: false,
        mailNickname: 'pilot',
        securityEnabled: true,
        'members@odata.bind': [`https://graph.microsoft.com/v1.0/directoryObjects/${gone}`],
      },
    });
    expect(member.status).toBe(404);
    expect((await errorOf(member)).code).toBe('Request_ResourceNotFound');
  });

  it('answers 403 Authorization_RequestDenied without Group.ReadWrite.All, Group.Create or Directory.ReadWrite.All', async () => {
    const { call, emulator } = testEmulator();
    const body = { displayName: 'Pilot', mailEnabled: false, mailNickname: 'pilot', securityEnabled: true };
    const before = emulator.state.tenants[0]!.groups.length;
    for (const scopes of [['Directory.Read.All', 'Policy.ReadWrite.ConditionalAccess'], ['Group.Read.All']]) {
      const response = await call('POST', '/v1.0/groups', { scopes, body });
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      });
    }
    expect(emulator.state.tenants[0]!.groups).toHaveLength(before);
    for (const scopes of [['Group.Create'], ['Directory.ReadWrite.All'], ['Group.ReadWrite.All']]) {
      expect((await call('POST', '/beta/groups', { scopes, body })).status).toBe(201);
    }
  });
});

describe('$filter eq lookups (user-list, group-list, serviceprincipal-list)', () => {
  const ids = async (response: Response) => ((await json(response)).value as JsonObject[]).map((o) => String(o.id));

  it('finds a user by exact sign-in name, any case, a guest by its #EXT# name encoded, and by mail', async () => {
    const { call } = testEmulator();
    const tenant = seed();
    const member = tenant.users.find((u) => u.userType === 'Member')!;
    const guest = tenant.users.find((u) => u.userType === 'Guest')!;
    const filter = (clause: string) => `/v1.0/users?$filter=${encodeURIComponent(clause)}`;
    expect(await ids(await call('GET', filter(`userPrincipalName eq '${member.userPrincipalName.toUpperCase()}'`)))).toEqual([member.id]);
    expect(await ids(await call('GET', filter(`userPrincipalName eq '${guest.userPrincipalName}'`)))).toEqual([guest.id]);
    expect(await ids(await call('GET', filter(`mail eq '${guest.mail!}'`)))).toEqual([guest.id]);
    // eq is exact: a prefix finds no one.
    expect(await ids(await call('GET', filter(`userPrincipalName eq '${member.userPrincipalName.slice(0, 5)}'`)))).toEqual([]);
  });

  it('finds groups by a name holding a quote (doubled in the literal), all of them when several share it', async () => {
    const { call } = testEmulator();
    const create = (displayName: string, mailNickname: string) =>
      call('POST', '/v1.0/groups', { scopes: WRITER, body: { displayName, mailEnabled: false, mailNickname, securityEnabled: true } });
    const first = String((await json(await create("O'Brien & partners", 'obrien1'))).id);
    const second = String((await json(await create("O'Brien & partners", 'obrien2'))).id);
    const found = await ids(await call('GET', `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'O''Brien & partners'")}`));
    expect(found.sort()).toEqual([first, second].sort());
  });

  it('finds a service principal by appId and by name', async () => {
    const { call } = testEmulator();
    const sp = seed().servicePrincipals.find((s) => s.displayName === 'Contoso Expenses')!;
    expect(await ids(await call('GET', `/v1.0/servicePrincipals?$filter=appId eq '${sp.appId}'&$select=id,appId`))).toEqual([sp.id]);
    expect(
      await ids(await call('GET', `/v1.0/servicePrincipals?$filter=${encodeURIComponent("displayName eq 'Contoso Expenses'")}`)),
    ).toEqual([sp.id]);
  });
});

describe('who may write authentication strengths and contexts', () => {
  it('takes Policy.ReadWrite.AuthenticationMethod for a strength, AuthenticationContext.ReadWrite.All for a context', async () => {
    const { call } = testEmulator();
    const strength = await call('POST', '/v1.0/policies/authenticationStrengthPolicies', {
      scopes: ['Policy.ReadWrite.AuthenticationMethod'],
      body: { displayName: 'Keys only', allowedCombinations: ['fido2'] },
    });
    expect(strength.status).toBe(201);
    const context = await call('PATCH', '/v1.0/identity/conditionalAccess/authenticationContextClassReferences/c7', {
      scopes: ['AuthenticationContext.ReadWrite.All'],
      body: { displayName: 'Sensitive data', isAvailable: true },
    });
    expect(context.status).toBe(204);
    const reader = await call('PATCH', '/v1.0/identity/conditionalAccess/authenticationContextClassReferences/c8', {
      scopes: ['Policy.Read.All'],
      body: { displayName: 'Nope' },
    });
    expect(reader.status).toBe(403);
    expect((await errorOf(reader)).code).toBe('AccessDenied');
  });
});
