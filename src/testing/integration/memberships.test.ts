// What a user or group belongs to, read as the lock-out guard reads it (transitiveMemberOf), over
// the emulator: groups through nesting, directory roles by template id, directly or through a group.
import { describe, expect, it } from 'vitest';
import { readGroupUsers, readMembership } from '../../graph/directory';
import { assessLockout } from '../../domain/lockout';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { graphOverEmulator } from '../graph-over-emulator';

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

function setup() {
  const harness = graphOverEmulator();
  const tenant = harness.emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  const user = (name: string) => tenant.users.find((u) => u.displayName === name)!.id;
  const group = (name: string) => tenant.groups.find((g) => g.displayName === name)!.id;
  return { ...harness, tenant, user, group };
}

describe('readMembership over the emulator', () => {
  it("finds a break-glass account's group and its Global Administrator role", async () => {
    const { client, user, group } = setup();
    const membership = await readMembership(client, 'users', user('Break Glass 01'));
    expect(membership.groups).toEqual([{ id: group('CA - Emergency access accounts'), name: 'CA - Emergency access accounts' }]);
    expect(membership.roles).toEqual([{ id: GLOBAL_ADMIN, name: 'Global Administrator' }]);
  });

  it('follows nested groups, and roles assigned to a group reach its members', async () => {
    const { client, tenant, user, group } = setup();
    const emergency = group('CA - Emergency access accounts');
    const pilot = group('CA - Pilot users');
    // The emergency group nested in the pilot group, which holds a role.
    tenant.groupMembers![pilot] = [emergency];
    tenant.roleMembers!['f28a1f50-f6e7-4571-818b-6a12f2af6b6c'] = [pilot];
    const direct = await client.list<{ id: string }>(`/v1.0/users/${user('Break Glass 02')}/memberOf`);
    expect(direct.map((o) => o.id)).not.toContain(pilot);
    const account = await readMembership(client, 'users', user('Break Glass 02'));
    expect(account.groups.map((g) => g.name).sort()).toEqual(['CA - Emergency access accounts', 'CA - Pilot users']);
    expect(account.roles.map((r) => r.name).sort()).toEqual(['Global Administrator', 'SharePoint Administrator']);
    const ofGroup = await readMembership(client, 'groups', emergency);
    expect(ofGroup).toEqual({
      groups: [{ id: pilot, name: 'CA - Pilot users' }],
      roles: [{ id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', name: 'SharePoint Administrator' }],
    });
  });

  it("lists an emergency group's accounts, through nested groups too", async () => {
    const { client, tenant, user, group } = setup();
    const emergency = group('CA - Emergency access accounts');
    expect(await readGroupUsers(client, emergency)).toEqual([
      { id: user('Break Glass 01'), name: 'Break Glass 01' },
      { id: user('Break Glass 02'), name: 'Break Glass 02' },
    ]);
    const pilot = group('CA - Pilot users');
    tenant.groupMembers![pilot] = [emergency, user('Grace Kim')];
    expect((await readGroupUsers(client, pilot)).map((u) => u.name)).toEqual(['Break Glass 01', 'Break Glass 02', 'Grace Kim']);
    const direct = await client.list<{ id: string; '@odata.type': string }>(`/v1.0/groups/${pilot}/members`);
    expect(direct.map((o) => o['@odata.type']).sort()).toEqual(['#microsoft.graph.group', '#microsoft.graph.user']);
  });

  it('answers 404 for an object that does not exist, as Graph does', async () => {
    const { call } = setup();
    const response = await call('GET', '/v1.0/users/00000000-0000-0000-0000-00000000dead/transitiveMemberOf');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
  });

  it('lets the guard see that a policy for admin roles reaches the break-glass accounts', async () => {
    const { client, user } = setup();
    const breakGlass = { id: user('Break Glass 01'), name: 'Break Glass 01' };
    const memberships = new Map([[breakGlass.id, await readMembership(client, 'users', breakGlass.id)]]);
    const policy = {
      state: 'enabled',
      conditions: {
        users: { includeRoles: [GLOBAL_ADMIN, 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9'], excludeUsers: [user('Ada Lindqvist')] },
        applications: { includeApplications: ['All'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    };
    expect(
      assessLockout(policy, { id: user('Ada Lindqvist'), name: 'Ada Lindqvist' }, { users: [breakGlass], groups: [] }, memberships),
    ).toEqual([
      {
        who: 'Break Glass 01 (emergency access)',
        why: 'It applies to the role Global Administrator, which this account holds, and requires multifactor authentication.',
      },
    ]);
  });
});

describe('administrative units a group is in', () => {
  it('are listed by memberOf with their restriction, and kept apart by the administrativeUnit cast', async () => {
    const { client, tenant, group } = setup();
    const emergency = group('CA - Emergency access accounts');
    tenant.administrativeUnits = [
      {
        id: '5b7a0c1e-0000-4000-8000-0000000000a1',
        displayName: 'RMAU break glass',
        isMemberManagementRestricted: true,
        members: [emergency],
      },
      { id: '5b7a0c1e-0000-4000-8000-0000000000a2', displayName: 'Helpdesk NL', isMemberManagementRestricted: false, members: [] },
    ];
    const units = await client.list<{ id: string; displayName: string; isMemberManagementRestricted: boolean }>(
      `/beta/groups/${emergency}/memberOf/microsoft.graph.administrativeUnit?$select=id,displayName,isMemberManagementRestricted`,
    );
    expect(units).toEqual([expect.objectContaining({ displayName: 'RMAU break glass', isMemberManagementRestricted: true })]);
    const all = await client.list<{ '@odata.type': string }>(`/v1.0/groups/${emergency}/memberOf`);
    expect(all.map((o) => o['@odata.type'])).toContain('#microsoft.graph.administrativeUnit');
    const groupsOnly = await client.list<{ '@odata.type': string }>(`/v1.0/groups/${emergency}/memberOf/microsoft.graph.group`);
    expect(groupsOnly.every((o) => o['@odata.type'] === '#microsoft.graph.group')).toBe(true);
  });
});
