// Reading Conditional Access changes from the audit log of the demo tenant (seeded relative to the
// harness clock): a date window, newest first, who, and the versions before and after each change.
import { describe, expect, it } from 'vitest';
import { eventsOf, listConditionalAccessEvents } from '../../graph/audit';
import { graphOverEmulator } from '../graph-over-emulator';

const DAY = 86_400_000;

describe('the audit log of Conditional Access', () => {
  it('reads the events of a date window only, newest first, with who and the policy', async () => {
    const { client, clock } = graphOverEmulator();
    const daysAgo = (n: number) => new Date(clock.now.getTime() - n * DAY);
    const lastWeek = await listConditionalAccessEvents(client, { since: daysAgo(7) });
    expect(lastWeek.map((e) => `${e.targetName.slice(0, 5)} ${e.activity}`)).toEqual([
      'CA028 Update conditional access policy',
      'CA006 Update conditional access policy',
      'CA007 Update conditional access policy',
      'CA090 Delete conditional access policy',
      'Old V Delete named location',
      'CA001 Update conditional access policy',
    ]);
    expect(lastWeek[0]!.by).toBe('Contoso Automation');
    expect(lastWeek[3]!.after).toBeNull();
    expect(lastWeek[3]!.before?.displayName).toBe('CA090: Block sign-ins from the old VPN');
    expect(lastWeek[4]!.targetType).toBe('NamedLocation');

    const between = await listConditionalAccessEvents(client, { since: daysAgo(15), until: daysAgo(10) });
    expect(between.map((e) => e.targetName.slice(0, 5))).toEqual(['CA091', 'CA023', 'CA034']);
  });

  it("matches a policy's events by the target's id", async () => {
    const { client, clock } = graphOverEmulator();
    const since = new Date(clock.now.getTime() - 30 * DAY);
    const all = await listConditionalAccessEvents(client, { since });
    const ca006 = all.find((e) => e.targetName.startsWith('CA006'))!;
    const events = eventsOf(all, ca006.targetId);
    expect(events.every((e) => e.targetId === ca006.targetId)).toBe(true);
    expect(events.map((e) => e.activity)).toContain('Update conditional access policy');
  });

  it('reads every page of a long log', async () => {
    const { client, clock, roundTrips } = graphOverEmulator();
    const since = new Date(clock.now.getTime());
    const [target] = await listConditionalAccessEvents(client, { since: new Date(clock.now.getTime() - 7 * DAY) });
    // More changes than one page of 500 holds.
    for (let i = 0; i < 520; i++) {
      await client.request(`/beta/identity/conditionalAccess/policies/${target!.targetId}`, {
        method: 'PATCH',
        body: { displayName: `Renamed ${i}` },
      });
    }
    roundTrips.length = 0;
    const events = await listConditionalAccessEvents(client, { since });
    expect(events).toHaveLength(520);
    expect(roundTrips.filter((r) => r.url.includes('directoryAudits'))).toHaveLength(2);
    expect(events[0]!.after?.displayName).toBe('Renamed 519');
  });
});
