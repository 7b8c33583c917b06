// Restoring several deleted policies against the emulator: throttled beyond the client's retries,
// one item fails and the rest go on; a resume finishes it; a run cut short after a restore happened
// finds the policy restored and only sets its state.
import { describe, expect, it } from 'vitest';
import { listDeletedPolicies, restoreDeletedPolicy } from '../../graph/deleted-items';
import { listPolicies } from '../../graph/policies';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { newRun, runBulk } from '../../operations/bulk-run';
import { bulkStep } from '../../operations/bulk-steps';
import { graphOverEmulator } from '../graph-over-emulator';

const REPORT_ONLY = 'enabledForReportingButNotEnforced';

describe('bulk restore over the emulator', () => {
  it('fails only the throttled item, and a resume restores it without repeating the others', async () => {
    const { client, emulator, roundTrips } = graphOverEmulator();
    const deleted = await listDeletedPolicies(client);
    emulator.setFaults(CONTOSO_TENANT_ID, {
      rules: [{ match: 'POST /beta/identity/conditionalAccess/deletedItems/policies', fault: 429, times: 4 }],
    });
    const run = newRun(
      'restore',
      true,
      deleted.map((p) => ({ id: p.id!, name: p.displayName! })),
    );
    const first = await runBulk(run, bulkStep(client, 'restore', true));
    expect(first.items.map((i) => i.status)).toEqual(['failed', 'done', 'done']);
    expect(first.items[0]!.message).toMatch(/Conditional Access allows about one request/);

    roundTrips.length = 0;
    const resumed = await runBulk(first, bulkStep(client, 'restore', true));
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(roundTrips.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual([
      `/beta/identity/conditionalAccess/deletedItems/policies/${deleted[0]!.id}/restore`,
    ]);
    const policies = await listPolicies(client);
    for (const p of deleted) expect(policies.find((q) => q.id === p.id)?.state).toBe(REPORT_ONLY);
  });

  it('resumes an item cut short after its restore: the policy is found restored and set to report-only', async () => {
    const { client } = graphOverEmulator();
    const ca090 = (await listDeletedPolicies(client)).find((p) => p.displayName?.startsWith('CA090'))!;
    await restoreDeletedPolicy(client, ca090.id!, ['Policy.ReadWrite.ConditionalAccess']);
    const cut = newRun('restore', true, [{ id: ca090.id!, name: ca090.displayName! }]);
    cut.items[0]!.status = 'running';
    const resumed = await runBulk(cut, bulkStep(client, 'restore', true));
    expect(resumed.items[0]).toMatchObject({ status: 'done', restored: true });
    expect((await listPolicies(client)).find((p) => p.id === ca090.id)?.state).toBe(REPORT_ONLY);
  });

  it('counts a purge of a policy already gone as done', async () => {
    const { client } = graphOverEmulator();
    const [first] = await listDeletedPolicies(client);
    const run = newRun('purge', false, [{ id: first!.id!, name: first!.displayName! }]);
    await runBulk(run, bulkStep(client, 'purge', false));
    const again = await runBulk(run, bulkStep(client, 'purge', false));
    expect(again.items[0]!.status).toBe('done');
  });
});
