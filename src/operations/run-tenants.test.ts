import { describe, expect, it } from 'vitest';
import { runTenants } from './run-tenants';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runTenants', () => {
  it('runs at most `concurrency` tenants at once and returns outcomes in the tenants’ order', async () => {
    let running = 0;
    let most = 0;
    const finishedOrder: number[] = [];
    const outcomes = await runTenants(
      [30, 5, 20, 1, 10, 2],
      async (ms) => {
        running++;
        most = Math.max(most, running);
        await tick(ms);
        running--;
        return ms * 2;
      },
      { concurrency: 3, onDone: (index) => finishedOrder.push(index) },
    );
    expect(most).toBe(3);
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([60, 10, 40, 2, 20, 4]);
    expect(finishedOrder).not.toEqual([0, 1, 2, 3, 4, 5]);
    expect(finishedOrder.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a failing tenant is reported and the others go on', async () => {
    const outcomes = await runTenants(['a', 'b', 'c'], async (t) => {
      if (t === 'b') throw new Error('AADSTS700016');
      return t.toUpperCase();
    });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]!.ok ? null : (outcomes[1]!.error as Error).message).toBe('AADSTS700016');
  });

  it('stops starting tenants once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runTenants(
      [0, 1, 2, 3],
      async (i) => {
        started.push(i);
        if (i === 1) controller.abort();
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(started).toEqual([0, 1]);
  });
});
