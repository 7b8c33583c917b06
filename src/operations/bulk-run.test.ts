import { describe, expect, it, vi } from 'vitest';
import { bulkJournal, newRun, runBulk, unfinished, type BulkItem, type BulkRun } from './bulk-run';
import { memoryJournals } from './memory-stores';

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
    const first = await runBulk(newRun('purge', false, items), step, {
      onChange: (run) => changes.push(run.items.map((i) => i.status[0]).join('')),
    });
    expect(first.items.map((i) => i.status)).toEqual(['done', 'failed', 'done']);
    expect(first.items[1]!.message).toBe('Too many requests');
    expect(changes).toContain('dfd');

    failTwo = false;
    const resumed = await runBulk(first, step);
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
    const first = await runBulk(newRun('restore', true, [items[0]!]), step);
    expect(first.items[0]).toMatchObject({ status: 'failed', restored: true });
    stateFails = false;
    const resumed = await runBulk(first, step);
    expect(resumed.items[0]!.status).toBe('done');
    expect(seen).toEqual([undefined, true]);
  });

  it('stops between items when interrupted, leaving the rest to resume, and treats a run cut short as not started', async () => {
    const controller = new AbortController();
    const step = async (item: BulkItem) => {
      if (item.id === '1') controller.abort();
    };
    const stopped = await runBulk(newRun('restore', false, items), step, { signal: controller.signal });
    expect(stopped.items.map((i) => i.status)).toEqual(['done', 'pending', 'pending']);

    // A tab closed mid-request leaves an item "running": it is retried.
    const cut = { ...stopped, items: stopped.items.map((i, n) => (n === 1 ? { ...i, status: 'running' as const } : i)) };
    const resumed = await runBulk(cut, async () => {});
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });

  it('journals every change, so a run whose tab closed mid-item resumes from the journal with only what was not done', async () => {
    const journal = bulkJournal(memoryJournals(), 'account-1');
    let atClose: BulkRun | null = null;
    const calls: string[] = [];
    // The tab closes while item 2 is under way: what the journal holds then is all that survives.
    void runBulk(
      newRun('purge', false, items, { now: () => new Date('2026-11-30T09:00:00Z') }),
      (item) => {
        calls.push(item.id);
        if (item.id !== '2') return Promise.resolve();
        atClose = journal.load();
        return new Promise<void>(() => {});
      },
      { journal },
    );
    await vi.waitFor(() => expect(atClose).not.toBeNull());
    expect(atClose).toMatchObject({
      startedAt: '2026-11-30T09:00:00.000Z',
      items: [
        { id: '1', status: 'done' },
        { id: '2', status: 'pending', interrupted: true },
        { id: '3', status: 'pending' },
      ],
    });
    expect(atClose!.items[2]!.interrupted).toBeUndefined();

    const resumed = await runBulk(atClose!, async (item) => void calls.push(item.id), { journal });
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(calls).toEqual(['1', '2', '2', '3']);
    expect(resumed.items.some((i) => i.interrupted)).toBe(false);
    expect(journal.load()?.items.every((i) => i.status === 'done')).toBe(true);
    journal.clear();
    expect(journal.load()).toBeNull();
  });
});
