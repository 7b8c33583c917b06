// Reading the sign-in logs as the console does, over the emulator: a window of time, newest first,
// paged up to a cap that is said when reached, report-only results named, and the licence refusal
// put in words.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { GraphRequestError } from '../../graph/errors';
import { readSignIns, signInsUnavailable } from '../../graph/sign-ins';
import { graphOverEmulator } from '../graph-over-emulator';

// A week of the tenant's sign-ins is generated and paged: seconds when the machine is busy, past the default 5 s.
describe('readSignIns over the emulator', { timeout: 30_000 }, () => {
  it('reads a week newest first, up to the cap, and says when the cap cut it short', async () => {
    const { client, emulator } = graphOverEmulator();
    const now = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.signInLog!.entries.at(-1)!;
    const since = new Date(new Date(now.facts.createdDateTime).getTime() - 7 * 86_400_000);
    let progress = 0;
    const capped = await readSignIns(client, { since, cap: 1_200, onProgress: (n) => (progress = n) });
    expect(capped.signIns).toHaveLength(1_200);
    expect(capped.capped).toBe(true);
    expect(progress).toBeGreaterThanOrEqual(1_200);
    const times = capped.signIns.map((s) => String(s.createdDateTime));
    expect([...times].sort().reverse()).toEqual(times);

    const all = await readSignIns(client, { since, cap: 100_000 });
    expect(all.capped).toBe(false);
    expect(all.signIns.length).toBeGreaterThan(1_200);
    // Report-only results are named, not unknownFutureValue: the console asks for them.
    const results = all.signIns.flatMap((s) => (s.appliedConditionalAccessPolicies as { result: string }[]) ?? []).map((p) => p.result);
    expect(results).toContain('reportOnlyNotApplied');
    expect(results).not.toContain('unknownFutureValue');
  });

  it('filters by user', async () => {
    const { client, emulator } = graphOverEmulator();
    const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    const grace = tenant.users.find((u) => u.displayName === 'Grace Kim')!.id;
    const read = await readSignIns(client, { since: new Date(0), userId: grace, cap: 5_000 });
    expect(read.signIns.length).toBeGreaterThan(0);
    expect(new Set(read.signIns.map((s) => s.userId))).toEqual(new Set([grace]));
  });

  it('puts a tenant without the licence into words', async () => {
    const { client, emulator } = graphOverEmulator();
    emulator.setFaults(CONTOSO_TENANT_ID, { unlicensed: true });
    const error = await readSignIns(client, { since: new Date(0), cap: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(signInsUnavailable(error)).toMatch(/licence/);
    expect(signInsUnavailable(new Error('offline'))).toBeNull();
  });
});
