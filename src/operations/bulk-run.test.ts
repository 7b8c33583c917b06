import { describe, expect, it } from 'vitest';
import { newRun, runBulk, unfinished, type BulkItem } from './bulk-run';

const items = [
  { id: '1', name: 'One' },
  { id: '2', name: 'Two' },
  { id: '3', name: 'Three' },
];

describe('runBulk', () => {
  it('does each item once, records failures, and a resume repeats only what did not succeed', async () => {
    const calls: string[] = [];
    let failTwo = true;
    const step = async (item: BulkItem) => {
      calls.push(item.id);
      if (item.id === '2' && failTwo) throw new Error('Too many requests');
    };
    const changes: string[] = [];
    const first = await runBulk(newRun('purge', false, items), step, (run) => changes.push(run.items.map((i) => i.status[0]).join('')));
    expect(first.items.map((i) => i.status)).toEqual(['done', 'failed', 'done']);
    expect(first.items[1]!.message).toBe('Too many requests');
    expect(changes).toContain('dfd');

    failTwo = false;
    const resumed = await runBulk(first, step, () => {});
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(calls).toEqual(['1', '2', '3', '2']);
    expect(unfinished(resumed)).toEqual([]);
  });

  it('keeps the first step of a two-step item, so a resume does only the second', async () => {
    const seen: (boolean | undefined)[] = [];
    let stateFails = true;
    const step = async (item: BulkItem, progress: (patch: Partial<BulkItem>) => void) => {
      seen.push(item.restored);
      if (!item.restored) progress({ restored: true });
      if (stateFails) throw new Error('Setting report-only failed');
    };
    const first = await runBulk(newRun('restore', true, [items[0]!]), step, () => {});
    expect(first.items[0]).toMatchObject({ status: 'failed', restored: true });
    stateFails = false;
    const resumed = await runBulk(first, step, () => {});
    expect(resumed.items[0]!.status).toBe('done');
    expect(seen).toEqual([undefined, true]);
  });

  it('stops between items when interrupted, leaving the rest to resume, and treats a run cut short as not started', async () => {
    const controller = new AbortController();
    const step = async (item: BulkItem) => {
      if (item.id === '1') controller.abort();
    };
    const stopped = await runBulk(newRun('restore', false, items), step, () => {}, controller.signal);
    expect(stopped.items.map((i) => i.status)).toEqual(['done', 'pending', 'pending']);

    // A tab closed mid-request leaves an item "running": it is retried.
    const cut = { ...stopped, items: stopped.items.map((i, n) => (n === 1 ? { ...i, status: 'running' as const } : i)) };
    const resumed = await runBulk(cut, async () => {}, () => {});
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });
});
