import { describe, expect, it } from 'vitest';
import { NAME_PROPERTIES, planLookups, referencesMissingFrom, resolveNames, startLookup } from '../../graph/names';
import { collectReferences, lookupName, SPECIAL_VALUES } from '../../domain/references';
import { listPolicies } from '../../graph/policies';
import { graphOverEmulator } from '../graph-over-emulator';
import { lintTenant } from '../../domain/lint';
import { lintInputOf } from '../../policy-ui/lint-queries';

describe('name resolution over the demo tenant', () => {
  it('resolves every id of every policy in one $batch after the list', async () => {
    const { client, roundTrips } = graphOverEmulator();
    const policies = await listPolicies(client);
    const directory = await resolveNames(client, policies);
    expect(roundTrips.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /beta/identity/conditionalAccess/policies',
      'POST /v1.0/$batch',
    ]);
    expect(directory.failures).toEqual([]);

    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    const group = ca001.conditions!.users!.excludeGroups![0]!;
    expect(lookupName(directory, ['group'], group)?.displayName).toBe('CA - Emergency access accounts');
    // Exports (and the comparison with id order hidden) may carry the same GUID upper-case.
    expect(lookupName(directory, ['group'], group.toUpperCase())?.displayName).toBe('CA - Emergency access accounts');
    const role = ca001.conditions!.users!.excludeRoles![0]!;
    expect(lookupName(directory, ['role'], role)?.displayName).toBe('Directory Synchronization Accounts');

    const ca005 = policies.find((p) => p.displayName?.startsWith('CA005'))!;
    expect(
      ca005.conditions!.applications!.includeApplications!.map((id) => lookupName(directory, ['application'], id)?.displayName),
    ).toEqual(['Windows Azure Service Management API', 'Microsoft Azure CLI', 'Microsoft Azure PowerShell']);

    const ca006 = policies.find((p) => p.displayName?.startsWith('CA006'))!;
    expect(lookupName(directory, ['namedLocation'], ca006.conditions!.locations!.excludeLocations![0]!)?.displayName).toBe(
      'Allowed countries',
    );

    const ca015 = policies.find((p) => p.displayName?.startsWith('CA015'))!;
    expect(lookupName(directory, ['termsOfUse'], ca015.grantControls!.termsOfUse![0]!)?.displayName).toBe('Partner terms of use');
  });

  it('looks up authentication strengths that arrive without their name (audit log, files)', async () => {
    const { client } = graphOverEmulator();
    const policies = await listPolicies(client);
    const expanded = policies.find((p) => p.grantControls?.authenticationStrength?.displayName)!;
    const strength = expanded.grantControls!.authenticationStrength!;
    const bare = { ...expanded, grantControls: { ...expanded.grantControls, authenticationStrength: { id: strength.id } } };
    const directory = await resolveNames(client, [bare]);
    expect(lookupName(directory, ['authenticationStrength'], strength.id!)?.displayName).toBe(strength.displayName);
  });

  it('marks ids of deleted objects as missing', async () => {
    const { client } = graphOverEmulator();
    const policies = await listPolicies(client);
    const directory = await resolveNames(client, policies);
    const ca027 = policies.find((p) => p.displayName?.startsWith('CA027'))!;
    const name = lookupName(directory, ['group'], ca027.conditions!.users!.includeGroups![0]!);
    expect(name).toMatchObject({ missing: true, displayName: 'Deleted object' });
  });

  it('never sends special values to a lookup', async () => {
    const { client } = graphOverEmulator();
    const policies = await listPolicies(client);
    const requests = planLookups(collectReferences(policies));
    const sent = JSON.stringify(requests);
    for (const special of Object.keys(SPECIAL_VALUES)) expect(sent).not.toContain(`'${special}'`);
    expect(sent).not.toMatch(/"(All|None|GuestsOrExternalUsers|AllTrusted|Office365)"/);
  });

  it('chunks getByIds at 1000 ids and appIds at 15 per request', () => {
    const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const many = Array.from({ length: 2500 }, (_, i) => uuid(i));
    const apps = Array.from({ length: 31 }, (_, i) => uuid(5000 + i));
    const requests = planLookups({
      directoryObjects: new Set(many),
      roles: new Set(),
      applications: new Set(apps),
      locations: new Set(),
      authenticationContexts: new Set(),
      termsOfUse: new Set(),
      authenticationStrengths: new Set(),
    });
    expect(requests.filter((r) => r.id.startsWith('objects')).map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(requests.filter((r) => r.id.startsWith('apps'))).toHaveLength(3);
  });

  it('asks getByIds for what a name needs, not whole objects', async () => {
    const answers: unknown[] = [];
    const { client } = graphOverEmulator({
      fetch: async (request, send) => {
        const response = await send(request);
        if (request.url.endsWith('/$batch')) answers.push(await response.clone().json());
        return response;
      },
    });
    const policies = await listPolicies(client);
    const directory = await resolveNames(client, policies);
    const objects = (answers[0] as { responses: { id: string; body: { value: Record<string, unknown>[] } }[] }).responses
      .filter((r) => r.id.startsWith('objects-'))
      .flatMap((r) => r.body.value);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects)
      expect(Object.keys(object).every((key) => ['@odata.type', ...NAME_PROPERTIES.split(',')].includes(key))).toBe(true);
    // Still enough for a name and its detail: the user's sign-in name.
    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    const user = ca001.conditions!.users!.excludeUsers!.find((id) => lookupName(directory, ['user'], id));
    expect(lookupName(directory, ['user'], user!)?.detail).toMatch(/@/);
  });

  it('asks again without $select when Graph refuses it for getByIds, and still names everything', async () => {
    const sent: string[] = [];
    const { client, roundTrips } = graphOverEmulator({
      fetch: async (request, send) => {
        if (!request.url.endsWith('/$batch')) return send(request);
        const body = (await request.clone().json()) as { requests: { id: string; url: string }[] };
        sent.push(...body.requests.map((r) => r.url));
        const response = await send(request);
        const answer = (await response.json()) as { responses: { id: string; status: number; body: unknown }[] };
        // A Graph that does not take $select on getByIds: 400 for those items, as Graph words it.
        const refusedIds = new Set(body.requests.filter((r) => r.url.includes('getByIds?$select')).map((r) => r.id));
        for (const item of answer.responses)
          if (refusedIds.has(item.id)) {
            item.status = 400;
            item.body = { error: { code: 'Request_BadRequest', message: "Unsupported query option '$select'." } };
          }
        return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const policies = await listPolicies(client);
    const directory = await resolveNames(client, policies);
    expect(directory.failures).toEqual([]);
    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    expect(lookupName(directory, ['group'], ca001.conditions!.users!.excludeGroups![0]!)?.displayName).toBe(
      'CA - Emergency access accounts',
    );
    expect(roundTrips.filter((r) => r.url.endsWith('/$batch'))).toHaveLength(2);
    expect(sent.filter((url) => url === '/directoryObjects/getByIds')).toHaveLength(1);
    // The client remembers: the next lookup asks without $select at once, in one round trip.
    await resolveNames(client, policies);
    expect(roundTrips.filter((r) => r.url.endsWith('/$batch'))).toHaveLength(3);
    expect(sent.filter((url) => url.startsWith('/directoryObjects/getByIds?'))).toHaveLength(1);
  });

  it('keeps going when one lookup is forbidden, and says which', async () => {
    const { client } = graphOverEmulator({ scopes: ['Policy.Read.All', 'Directory.Read.All'] });
    const policies = await listPolicies(client);
    const directory = await resolveNames(client, policies);
    expect(directory.failures.map((f) => f.what)).toEqual(['terms of use']);
    expect(directory.failures[0]!.error.status).toBe(403);
    expect(directory.names.size).toBeGreaterThan(20);
  });
});

describe('names looked up while the list is on its way (a returning visit)', () => {
  /** Every $batch the client sends: the getByIds ids and the other lookups' urls. */
  function recording() {
    const batches: { ids: string[]; urls: string[] }[] = [];
    const graph = graphOverEmulator({
      fetch: async (request, send) => {
        if (request.url.endsWith('/$batch')) {
          const body = (await request.clone().json()) as { requests: { url: string; body?: { ids?: string[] } }[] };
          batches.push({ ids: body.requests.flatMap((r) => r.body?.ids ?? []), urls: body.requests.map((r) => r.url) });
        }
        return send(request);
      },
    });
    return { ...graph, batches };
  }

  it('takes the earlier lookup when the list refers to nothing new: one $batch in all', async () => {
    const { client, batches } = recording();
    const policies = await listPolicies(client);
    const early = startLookup(client, collectReferences(policies));
    const directory = await resolveNames(client, policies, { early });
    expect(batches).toHaveLength(1);
    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    expect(lookupName(directory, ['group'], ca001.conditions!.users!.excludeGroups![0]!)?.displayName).toBe(
      'CA - Emergency access accounts',
    );
    const ca027 = policies.find((p) => p.displayName?.startsWith('CA027'))!;
    expect(lookupName(directory, ['group'], ca027.conditions!.users!.includeGroups![0]!)).toMatchObject({ missing: true });
    expect(directory).toEqual(await resolveNames(client, policies));
  });

  it('asks only for what the list refers to that the earlier lookup did not', async () => {
    const { client, batches } = recording();
    const policies = await listPolicies(client);
    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    const added = ca001.conditions!.users!.excludeGroups![0]!;
    // The last visit's list: every policy as now, but without CA001's emergency group.
    const before = collectReferences(policies);
    before.directoryObjects.delete(added);
    const early = startLookup(client, before);
    const directory = await resolveNames(client, policies, { early });
    // Both are in flight at once: which reaches the emulator first is not said.
    expect(batches).toHaveLength(2);
    const second = batches.find((b) => b.ids.includes(added));
    expect(second?.urls).toHaveLength(1);
    expect(batches.find((b) => b !== second)?.ids).not.toContain(added);
    expect(lookupName(directory, ['group'], added)?.displayName).toBe('CA - Emergency access accounts');
    expect(directory).toEqual(await resolveNames(client, policies));
  });

  it('looks everything up again when the earlier lookup failed', async () => {
    let drop = true;
    const { client, roundTrips } = graphOverEmulator({
      fetch: async (request, send) => {
        if (request.url.endsWith('/$batch') && drop) {
          drop = false;
          return new Response(JSON.stringify({ error: { code: 'Forbidden', message: 'No.' } }), { status: 403 });
        }
        return send(request);
      },
    });
    const policies = await listPolicies(client);
    const early = startLookup(client, collectReferences(policies));
    const directory = await resolveNames(client, policies, { early });
    expect(roundTrips.filter((r) => r.url.endsWith('/$batch')).map((r) => r.status)).toEqual([403, 200]);
    expect(directory.failures).toEqual([]);
    expect(directory).toEqual(await resolveNames(client, policies));
  });

  it('stops its $batch when told the list will not come, and the names are then looked up afresh', async () => {
    let batches = 0;
    let sent: () => void;
    const inFlight = new Promise<void>((resolve) => (sent = resolve));
    const { client } = graphOverEmulator({
      fetch: (request, send) => {
        if (!request.url.endsWith('/$batch') || batches++ > 0) return send(request);
        sent();
        // The early $batch is slow: it ends only when its signal says stop, as a browser's fetch does.
        return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason as Error)));
      },
    });
    const policies = await listPolicies(client);
    const stop = new AbortController();
    const early = startLookup(client, collectReferences(policies), undefined, stop.signal);
    await inFlight;
    stop.abort();
    await expect(early.answer).rejects.toMatchObject({ name: 'AbortError' });
    const directory = await resolveNames(client, policies, { early });
    expect(directory.failures).toEqual([]);
    expect(batches).toBe(2);
  });

  it('says nothing of a lookup that failed for what the list no longer refers to', async () => {
    const { client } = graphOverEmulator({ scopes: ['Policy.Read.All', 'Directory.Read.All'] });
    const policies = await listPolicies(client);
    const early = startLookup(client, collectReferences(policies));
    // The list now: no policy asks for terms of use (the lookup the scopes forbid).
    const now = policies.map((p) =>
      p.grantControls?.termsOfUse?.length ? { ...p, grantControls: { ...p.grantControls, termsOfUse: [] } } : p,
    );
    const directory = await resolveNames(client, now, { early });
    expect(directory.failures).toEqual([]);
    expect((await resolveNames(client, policies, { early })).failures.map((f) => f.what)).toEqual(['terms of use']);
  });

  it('counts a kind listed whole as looked up when any of it was, and directory objects by id', () => {
    const refs = (objects: string[], locations: string[]) => ({
      directoryObjects: new Set(objects),
      roles: new Set<string>(),
      applications: new Set<string>(),
      locations: new Set(locations),
      authenticationContexts: new Set<string>(),
      termsOfUse: new Set<string>(),
      authenticationStrengths: new Set<string>(),
    });
    const missing = referencesMissingFrom(refs(['a', 'b'], ['l2']), refs(['a'], ['l1']));
    expect([...missing.directoryObjects]).toEqual(['b']);
    expect([...missing.locations]).toEqual([]);
    expect([...referencesMissingFrom(refs([], ['l2']), refs([], [])).locations]).toEqual(['l2']);
  });
});

describe('applications without a service principal', () => {
  it('are said apart from the names, and the console’s lint reports them', async () => {
    const { client } = graphOverEmulator();
    const policies = await listPolicies(client);
    const absent = '11111111-2222-4333-8444-555555555555';
    const ca005 = policies.find((p) => p.displayName?.startsWith('CA005'))!;
    const withAbsent = {
      ...ca005,
      conditions: {
        ...ca005.conditions!,
        applications: {
          ...ca005.conditions!.applications!,
          includeApplications: [...ca005.conditions!.applications!.includeApplications!, absent],
        },
      },
    };
    const listed = policies.map((p) => (p.id === ca005.id ? withAbsent : p));
    const directory = await resolveNames(client, listed);
    expect(directory.applicationsWithoutServicePrincipal).toEqual([absent]);
    expect(lookupName(directory, ['application'], absent)).toBeUndefined();

    const findings = lintTenant(
      lintInputOf(
        {
          policies: listed,
          names: directory,
          namedLocations: undefined,
          emergency: { users: [], groups: [], members: [] },
          memberships: undefined,
          mfaTrustedIps: null,
        },
        new Date(),
      ),
    );
    const found = findings.filter((f) => f.ruleId === 'application-without-service-principal');
    expect(found.map((f) => f.policyId)).toEqual([ca005.id]);
    expect(found[0]!.message).toContain(absent);
  });
});
