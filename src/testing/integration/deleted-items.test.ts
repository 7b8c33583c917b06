// Deleted items over the emulator: policies and named locations listed, restored (200 with the
// object, back in the tenant) and purged (gone, and recorded in the audit log as such).
import { describe, expect, it } from 'vitest';
import { listConditionalAccessEvents } from '../../graph/audit';
import {
  deletionsFrom,
  listDeletedNamedLocations,
  listDeletedPolicies,
  purgeDeletedNamedLocation,
  purgeDeletedPolicy,
  restoreDeletedNamedLocation,
  restoreDeletedPolicy,
} from '../../graph/deleted-items';
import { listPolicies } from '../../graph/policies';
import { graphOverEmulator } from '../graph-over-emulator';

const WRITE = ['Policy.ReadWrite.ConditionalAccess'];

describe('deleted items', () => {
  it('restores a deleted named location, which then resolves again', async () => {
    const { client } = graphOverEmulator();
    const [vpn] = await listDeletedNamedLocations(client);
    expect(vpn).toMatchObject({ displayName: 'Old VPN egress' });
    const restored = await restoreDeletedNamedLocation(client, vpn!.id, WRITE);
    expect(restored.displayName).toBe('Old VPN egress');
    expect(await listDeletedNamedLocations(client)).toEqual([]);
    const live = await client.list<{ id: string }>('/v1.0/identity/conditionalAccess/namedLocations');
    expect(live.map((l) => l.id)).toContain(vpn!.id);
  });

  it('purges a named location and a policy for good', async () => {
    const { client, clock } = graphOverEmulator();
    const [vpn] = await listDeletedNamedLocations(client);
    await purgeDeletedNamedLocation(client, vpn!.id, WRITE);
    expect(await listDeletedNamedLocations(client)).toEqual([]);
    const deleted = await listDeletedPolicies(client);
    await purgeDeletedPolicy(client, deleted[0]!.id!, WRITE);
    expect((await listDeletedPolicies(client)).map((p) => p.id)).not.toContain(deleted[0]!.id);
    const events = await listConditionalAccessEvents(client, { since: new Date(clock.now.getTime() - 86_400_000) });
    expect(events.map((e) => e.activity)).toEqual(
      expect.arrayContaining(['Hard delete named location', 'Hard delete conditional access policy']),
    );
  });

  it('restores a policy as it was deleted, and says who deleted what from the audit log', async () => {
    const { client, clock } = graphOverEmulator();
    const events = await listConditionalAccessEvents(client, { since: new Date(clock.now.getTime() - 30 * 86_400_000) });
    const byPolicy = deletionsFrom(events);
    const byLocation = deletionsFrom(events, 'NamedLocation');
    const deleted = await listDeletedPolicies(client);
    expect(deleted.every((p) => byPolicy.get(p.id!)?.by === 'ada.lindqvist@contoso.example')).toBe(true);
    expect([...byLocation.values()].map((d) => d.by)).toEqual(['ada.lindqvist@contoso.example']);

    const ca090 = deleted.find((p) => p.displayName?.startsWith('CA090'))!;
    const restored = await restoreDeletedPolicy(client, ca090.id!, WRITE);
    expect(restored).toMatchObject({ id: ca090.id, state: 'enabled', displayName: ca090.displayName });
    expect((await listPolicies(client)).map((p) => p.id)).toContain(ca090.id);
  });
});
