// Reverting a named location to the version before an audited change, over the emulator: the write
// Graph accepts, the version kept first, a change made since refused rather than overwritten, and a
// lost answer read back and said as it is.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { getNamedLocation, type NamedLocation } from '../../graph/named-locations';
import type { GraphClient } from '../../graph/client';
import type { JsonObject } from '../../domain/json';
import { graphOverEmulator } from '../graph-over-emulator';
import { memoryContext } from '../../operations/memory-stores';
import { revertNamedLocation, revertPatch } from '../../operations/revert-named-location';

const LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';
const range = (cidrAddress: string) => ({ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress });

/** A colleague's change of 'Azure VPN egress', as the audit log then holds it: the location before and after. */
async function colleagueChange(setup: ReturnType<typeof graphOverEmulator>) {
  const { client, call } = setup;
  const locations = await client.list<NamedLocation & JsonObject>(LOCATIONS);
  const before = locations.find((l) => l.displayName === 'Azure VPN egress')!;
  const response = await call('PATCH', `${LOCATIONS}/${before.id}`, {
    body: { '@odata.type': before['@odata.type'], displayName: 'VPN egress (new)', ipRanges: [range('198.51.100.0/24')], isTrusted: true },
  });
  expect(response.status).toBe(204);
  const after = (await getNamedLocation(client, before.id)) as NamedLocation & JsonObject;
  return { id: before.id, before, after };
}

const read = async (client: GraphClient, id: string) => (await getNamedLocation(client, id)) as NamedLocation & JsonObject;
const patches = (roundTrips: { method: string; url: string }[]) => roundTrips.filter((r) => r.method === 'PATCH');

describe('revert a named location', () => {
  it('writes back the version before the change, keeps the one it replaced, and reads the result back', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    const context = memoryContext(setup.client, CONTOSO_TENANT_ID);
    const outcome = await revertNamedLocation(context, { id: change.id, to: change.before, after: change.after });

    expect(outcome).toMatchObject({ kind: 'reverted', recovered: false, location: { displayName: 'Azure VPN egress', isTrusted: false } });
    const now = await read(setup.client, change.id);
    expect(now.ipRanges).toEqual([range('198.51.100.200/29')]);
    expect(context.versions.all.map((v) => [v.itemId, v.reason, (JSON.parse(v.json) as JsonObject).displayName])).toEqual([
      [change.id, 'before revert', 'VPN egress (new)'],
    ]);
    // The audit log records it as the admin's own change of the location.
    const events = setup.emulator.state.tenants
      .find((t) => t.id === CONTOSO_TENANT_ID)!
      .audits.filter((e) => e.activityDisplayName === 'Update named location');
    expect(events).toHaveLength(2);
  });

  it('an event that leaves properties out, and ranges without their kind: not a conflict, and the patch Graph accepts', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    // As an audit event may record them: no isTrusted, the ranges by address alone.
    const sparse = (l: JsonObject): JsonObject => ({
      displayName: l.displayName ?? null,
      ipRanges: (l.ipRanges as { cidrAddress: string }[]).map((r) => ({ cidrAddress: r.cidrAddress })),
    });
    const outcome = await revertNamedLocation(memoryContext(setup.client, CONTOSO_TENANT_ID), {
      id: change.id,
      to: sparse(change.before),
      after: sparse(change.after),
    });
    expect(outcome).toMatchObject({ kind: 'reverted', location: { displayName: 'Azure VPN egress' } });
    const now = await read(setup.client, change.id);
    expect(now.ipRanges).toEqual([range('198.51.100.200/29')]);
    // What the event did not say is left as it is (the colleague's trust), not cleared.
    expect(now.isTrusted).toBe(true);
  });

  it('sends only what Graph accepts: the kind and the properties that differ', () => {
    const current = {
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: 'x',
      displayName: 'A',
      countriesAndRegions: ['NL', 'BE'],
    };
    const version = { ...current, displayName: 'B', countriesAndRegions: ['BE', 'NL'], modifiedDateTime: '2026-01-01T00:00:00Z' };
    expect(revertPatch(current, version)).toEqual({ '@odata.type': '#microsoft.graph.countryNamedLocation', displayName: 'B' });
  });

  it('refuses to overwrite a location changed since the event, and says what it is now', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    await setup.call('PATCH', `${LOCATIONS}/${change.id}`, {
      body: { '@odata.type': change.before['@odata.type'], displayName: 'Changed again' },
    });
    const context = memoryContext(setup.client, CONTOSO_TENANT_ID);
    setup.roundTrips.length = 0;
    const outcome = await revertNamedLocation(context, { id: change.id, to: change.before, after: change.after });

    expect(outcome.kind).toBe('conflict');
    expect(outcome.kind === 'conflict' && outcome.current.displayName).toBe('Changed again');
    expect(patches(setup.roundTrips)).toEqual([]);
    expect(context.versions.all).toEqual([]);
  });

  it('writes nothing when the location already is that version, and says so when it was deleted', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    const context = memoryContext(setup.client, CONTOSO_TENANT_ID);
    await revertNamedLocation(context, { id: change.id, to: change.before, after: change.after });
    setup.roundTrips.length = 0;
    expect((await revertNamedLocation(context, { id: change.id, to: change.before, after: change.after })).kind).toBe('unchanged');
    expect(patches(setup.roundTrips)).toEqual([]);

    await setup.call('DELETE', `${LOCATIONS}/${change.id}`);
    expect(await revertNamedLocation(context, { id: change.id, to: change.before, after: change.after })).toEqual({ kind: 'gone' });
  });

  it('after a lost answer, reads the location back: reverted as asked, said as recovered, written once', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    setup.emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'PATCH', fault: 'drop-after', times: 1 }] });
    setup.roundTrips.length = 0;
    const outcome = await revertNamedLocation(memoryContext(setup.client, CONTOSO_TENANT_ID), {
      id: change.id,
      to: change.before,
      after: change.after,
    });

    expect(outcome).toMatchObject({ kind: 'reverted', recovered: true, location: { displayName: 'Azure VPN egress' } });
    expect(patches(setup.roundTrips)).toHaveLength(1);
  });

  it('retries a write the service did not apply (503), and reverts once', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    setup.emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'PATCH', fault: 503, times: 1 }] });
    const outcome = await revertNamedLocation(memoryContext(setup.client, CONTOSO_TENANT_ID), {
      id: change.id,
      to: change.before,
      after: change.after,
    });
    expect(outcome).toMatchObject({ kind: 'reverted', recovered: false });
    expect((await read(setup.client, change.id)).displayName).toBe('Azure VPN egress');
  });

  it('refused by Graph: fails and leaves no kept version (nothing was reverted); tried again and written, keeps one', async () => {
    const setup = graphOverEmulator();
    const change = await colleagueChange(setup);
    const context = memoryContext(setup.client, CONTOSO_TENANT_ID);
    const request = { id: change.id, to: change.before, after: change.after };
    setup.emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'PATCH', fault: 400, times: 1 }] });
    await expect(revertNamedLocation(context, request)).rejects.toMatchObject({ status: 400 });
    expect((await read(setup.client, change.id)).displayName).toBe('VPN egress (new)');
    expect(context.versions.all).toEqual([]);

    expect(await revertNamedLocation(context, request)).toMatchObject({ kind: 'reverted' });
    expect(context.versions.all.map((v) => [v.reason, (JSON.parse(v.json) as JsonObject).displayName])).toEqual([
      ['before revert', 'VPN egress (new)'],
    ]);
  });
});
