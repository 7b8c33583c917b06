// Finding, in a target tenant, what a backup's references name: a copy of Contoso's backup into the
// pre-production tenant, a restore into Contoso itself, and references from name-based imports, over
// the emulator with the real Graph client.
import { describe, expect, it } from 'vitest';
import type { ReferenceEntry } from '../../domain/bundle/bundle';
import type { NamedReference } from '../../domain/import/import-set';
import { microsoftApps } from '../../emulator/seed/apps';
import { contosoDirectory } from '../../emulator/seed/contoso';
import { roles } from '../../emulator/seed/role-templates';
import { CONTOSO_TENANT_ID, createSeedState, PREPROD_TENANT_ID } from '../../emulator/seed';
import { readForBackup } from '../../graph/backup-reads';
import { GraphRequestError } from '../../graph/errors';
import { createSecurityGroup } from '../../graph/groups';
import { listPolicies } from '../../graph/policies';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { graphOverEmulator } from '../graph-over-emulator';

const WRITER_SCOPES = [
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Directory.Read.All',
  'Agreement.Read.All',
  'Group.ReadWrite.All',
];
const tenant = (id: string) => createSeedState().tenants.find((t) => t.id === id)!;
const batches = (roundTrips: { method: string; url: string }[]) =>
  roundTrips.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/v1.0/$batch').length;

/** The references of Contoso's backup, as the backup reads them. */
async function contosoReferences(): Promise<ReferenceEntry[]> {
  const { client } = graphOverEmulator();
  return (await readForBackup(client, await listPolicies(client))).references;
}

describe('findDirectoryMatches: Contoso copied into pre-production', () => {
  it('finds groups by name, roles by template id and applications by appId, 20 lookups a $batch; what pre-production lacks finds nothing', async () => {
    const refs = await contosoReferences();
    const sizes: number[] = [];
    const { client, roundTrips } = graphOverEmulator({
      tenantId: PREPROD_TENANT_ID,
      fetch: async (request, send) => {
        sizes.push(((await request.clone().json()) as { requests: unknown[] }).requests.length);
        return send(request);
      },
    });
    const matches = await findDirectoryMatches(client, refs);
    const preprod = tenant(PREPROD_TENANT_ID);
    const refFor = (kind: ReferenceEntry['kind'], name: string) => refs.find((r) => r.kind === kind && r.displayName === name)!;

    const emergency = preprod.groups.find((g) => g.displayName === 'CA - Emergency access accounts')!;
    expect(matches.get(refFor('group', 'CA - Emergency access accounts').id)).toEqual([
      { id: emergency.id, kind: 'group', displayName: emergency.displayName, mail: null, by: 'displayName' },
    ]);
    expect(matches.get(refFor('group', 'Finance').id)).toEqual([]);

    expect(matches.get(roles.globalAdministrator.id)).toEqual([
      {
        id: roles.globalAdministrator.id,
        kind: 'role',
        displayName: roles.globalAdministrator.displayName,
        roleTemplateId: roles.globalAdministrator.id,
        by: 'roleTemplateId',
      },
    ]);
    expect(matches.get(microsoftApps.exchangeOnline.appId)).toEqual([
      {
        id: microsoftApps.exchangeOnline.appId,
        kind: 'application',
        displayName: microsoftApps.exchangeOnline.displayName,
        appId: microsoftApps.exchangeOnline.appId,
        by: 'appId',
      },
    ]);

    // Contoso's users sign in as @contoso.example: under that name pre-production has no one (the
    // planner proposes a domain change), and Contoso's ids exist nowhere here.
    const contosoUser = refs.find((r) => r.kind === 'user' && r.exists && r.userPrincipalName)!;
    expect(matches.get(contosoUser.id)).toEqual([]);
    expect([...matches.values()].flat().some((m) => m.by === 'id')).toBe(false);
    // Every reference has an answer, all from $batch requests of at most 20: the ids first, then
    // (for what the ids did not find) sign-in names, mails and names, 15 values to a request.
    for (const ref of refs) expect(matches.has(ref.id), ref.id).toBe(true);
    expect(batches(roundTrips)).toBe(roundTrips.length);
    expect(sizes.every((size) => size <= 20)).toBe(true);
    expect(roundTrips.length).toBeLessThanOrEqual(3);
  });

  it('returns every group of an ambiguous name, and finds a service principal by appId under its target id', async () => {
    const { client } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID, scopes: WRITER_SCOPES });
    const second = await createSecurityGroup(client, { displayName: 'CA - Pilot users', description: 'A second one' }, WRITER_SCOPES);
    const preprod = tenant(PREPROD_TENANT_ID);
    const contosoGraph = contosoDirectory.servicePrincipals.find((s) => s.appId === microsoftApps.microsoftGraph.appId)!;
    const refs: ReferenceEntry[] = [
      { kind: 'group', id: contosoDirectory.group('CA - Pilot users'), displayName: 'CA - Pilot users', exists: true },
      { kind: 'servicePrincipal', id: contosoGraph.id, displayName: contosoGraph.displayName, appId: contosoGraph.appId, exists: true },
    ];
    const matches = await findDirectoryMatches(client, refs);

    const pilots = matches.get(refs[0]!.id)!;
    expect(pilots.map((m) => m.id).sort()).toEqual(
      [preprod.groups.find((g) => g.displayName === 'CA - Pilot users')!.id, second.id].sort(),
    );
    expect(pilots.every((m) => m.by === 'displayName')).toBe(true);
    const graphHere = preprod.servicePrincipals.find((s) => s.appId === microsoftApps.microsoftGraph.appId)!;
    expect(graphHere.id).not.toBe(contosoGraph.id);
    expect(matches.get(contosoGraph.id)).toEqual([
      { id: graphHere.id, kind: 'servicePrincipal', displayName: graphHere.displayName, appId: graphHere.appId, by: 'appId' },
    ]);
  });

  it('finds a user by sign-in name, else by mail, and an address with a quote', async () => {
    const { client } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID });
    const preprod = tenant(PREPROD_TENANT_ID);
    const ada = preprod.users.find((u) => u.displayName === 'Ada Lindqvist')!;
    const guest = preprod.users.find((u) => u.userType === 'Guest')!;
    const refs: ReferenceEntry[] = [
      { kind: 'user', id: 'a', displayName: 'Ada', userPrincipalName: ada.userPrincipalName.toUpperCase(), mail: guest.mail, exists: true },
      { kind: 'user', id: 'b', displayName: 'Sam', userPrincipalName: 'sam@elsewhere.example', mail: guest.mail, exists: true },
      { kind: 'user', id: 'c', displayName: 'Guest', userPrincipalName: guest.userPrincipalName, exists: true },
      { kind: 'user', id: 'd', displayName: "Brían O'Neill", userPrincipalName: "brian.o'neill@preprod.contoso.example", exists: true },
    ];
    const matches = await findDirectoryMatches(client, refs);
    // The sign-in name wins: the mail is not asked about once it found someone.
    expect(matches.get('a')?.map((m) => [m.id, m.by])).toEqual([[ada.id, 'userPrincipalName']]);
    expect(matches.get('b')?.map((m) => [m.id, m.by])).toEqual([[guest.id, 'mail']]);
    expect(matches.get('c')?.map((m) => [m.id, m.by])).toEqual([[guest.id, 'userPrincipalName']]);
    expect(matches.get('d')).toEqual([]);
  });
});

describe('findDirectoryMatches: a restore into the same tenant', () => {
  it('finds every object that still exists by its own id, and nothing for those deleted since', async () => {
    const refs = await contosoReferences();
    const { client } = graphOverEmulator();
    const matches = await findDirectoryMatches(client, refs);
    for (const ref of refs.filter((r) => r.kind === 'user' || r.kind === 'group' || r.kind === 'servicePrincipal')) {
      const found = matches.get(ref.id) ?? [];
      if (ref.exists) expect(found.find((m) => m.by === 'id')?.id, ref.id).toBe(ref.id);
      else expect(found, ref.id).toEqual([]);
    }
    expect(refs.some((r) => !r.exists)).toBe(true);
    // Found by id and by name at once, a group is one candidate, by its id.
    const emergency = refs.find((r) => r.kind === 'group' && r.displayName === 'CA - Emergency access accounts')!;
    expect(matches.get(emergency.id)).toHaveLength(1);
  });
});

describe('findDirectoryMatches: references from name-based imports', () => {
  it('looks them up by name only; blanks and special values are not looked up', async () => {
    const { client, roundTrips } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID });
    const preprod = tenant(PREPROD_TENANT_ID);
    const named = (kind: ReferenceEntry['kind'], name: string): NamedReference => ({ kind, id: name, displayName: name, exists: true });
    const refs: NamedReference[] = [
      named('group', 'Test users'),
      { kind: 'user', id: 'test.admin@preprod.contoso.example', displayName: null, exists: true },
      named('user', 'Ben Okafor'),
      named('role', 'Global Administrator'),
      named('application', 'Microsoft Azure CLI'),
      { kind: 'group', id: '<GROUP>', displayName: null, exists: true, placeholder: true },
      named('user', 'All'),
    ];
    const matches = await findDirectoryMatches(client, refs);
    const by = (id: string) => matches.get(id)?.map((m) => [m.id, m.by]);
    expect(by('Test users')).toEqual([[preprod.groups.find((g) => g.displayName === 'Test users')!.id, 'displayName']]);
    expect(by('test.admin@preprod.contoso.example')).toEqual([
      [preprod.users.find((u) => u.displayName === 'Test Admin')!.id, 'userPrincipalName'],
    ]);
    expect(by('Ben Okafor')).toEqual([[preprod.users.find((u) => u.displayName === 'Ben Okafor')!.id, 'displayName']]);
    expect(by('Global Administrator')).toEqual([[roles.globalAdministrator.id, 'displayName']]);
    // An application stands in a policy as its appId.
    expect(by('Microsoft Azure CLI')).toEqual([[microsoftApps.azureCli.appId, 'displayName']]);
    expect(matches.has('<GROUP>')).toBe(false);
    expect(matches.has('All')).toBe(false);
    // No getByIds (a name is not an id): the role templates, then the names.
    expect(roundTrips).toHaveLength(2);
  });
});

describe('findDirectoryMatches: many references and refusals', () => {
  it('looks names up 15 to a request: 45 groups take 3 requests in one $batch', async () => {
    const { client, roundTrips } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID });
    const refs: ReferenceEntry[] = Array.from({ length: 45 }, (_, i) => ({
      kind: 'group',
      id: `g${i}`,
      displayName: `Group ${i}`,
      exists: true,
    }));
    const matches = await findDirectoryMatches(client, refs);
    expect(matches.size).toBe(45);
    expect(batches(roundTrips)).toBe(1);
    expect(roundTrips).toHaveLength(1);
  });

  it('fails with Graph’s refusal when a lookup is refused, rather than planning without it', async () => {
    const { client } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID, scopes: ['Policy.Read.All'] });
    const refs: ReferenceEntry[] = [{ kind: 'group', id: 'Test users', displayName: 'Test users', exists: true }];
    const error = await findDirectoryMatches(client, refs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).status).toBe(403);
  });

  it('sends nothing when there is nothing to look up', async () => {
    const { client, roundTrips } = graphOverEmulator();
    expect((await findDirectoryMatches(client, [])).size).toBe(0);
    expect(roundTrips).toEqual([]);
  });
});

describe('readTargetForPlan', () => {
  it('reads the target’s policies, its deleted items and what they use in four requests sent together', async () => {
    const { client, roundTrips } = graphOverEmulator({ tenantId: PREPROD_TENANT_ID });
    const target = await readTargetForPlan(client);
    const preprod = tenant(PREPROD_TENANT_ID);
    expect(target.policies.map((p) => p.id).sort()).toEqual(preprod.policies.map((p) => p.id).sort());
    expect(target.namedLocations.map((l) => l.displayName)).toEqual(['Corporate network']);
    expect(target.authenticationStrengths).toEqual([]);
    expect(target.authenticationContexts).toEqual([]);
    expect(target.termsOfUse).toEqual([]);
    // So that a policy deleted since a backup is restored rather than created twice.
    expect(target.deletedPolicies!.map((p) => p.id)).toEqual(preprod.deletedPolicies.map((p) => p.id));
    expect(target.deletedPolicies![0]!.deletedDateTime).toEqual(expect.any(String));
    expect(target.deletedNamedLocations).toEqual([]);
    expect(roundTrips.map((r) => `${r.method} ${new URL(r.url).pathname}`).sort()).toEqual([
      'GET /beta/identity/conditionalAccess/deletedItems/namedLocations',
      'GET /beta/identity/conditionalAccess/deletedItems/policies',
      'GET /beta/identity/conditionalAccess/policies',
      'POST /beta/$batch',
    ]);
  });

  it('keeps the custom strengths and contexts of a tenant that has them', async () => {
    const { client } = graphOverEmulator();
    const target = await readTargetForPlan(client);
    const contoso = tenant(CONTOSO_TENANT_ID);
    expect(target.authenticationStrengths.map((s) => s.id).sort()).toEqual(
      contoso.authenticationStrengths
        .filter((s) => s.policyType === 'custom')
        .map((s) => s.id)
        .sort(),
    );
    expect(target.authenticationContexts).toHaveLength(contoso.authenticationContexts.length);
  });
});
