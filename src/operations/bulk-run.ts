// Work on several deleted policies at once (restore or purge), one item at a time: the Graph client
// paces Conditional Access requests under the service's limit and retries throttled ones. Every
// change of state is saved on this device, so a run that failed or was interrupted (a closed tab,
// an expired sign-in) resumes without repeating what succeeded.

export type BulkKind = 'restore' | 'purge';
export type BulkStatus = 'pending' | 'running' | 'done' | 'failed';

export interface BulkItem {
  id: string;
  name: string;
  status: BulkStatus;
  message?: string;
  /** Restore in report-only is two steps: once restored, a resume only sets the state. */
  restored?: boolean;
}

export interface BulkRun {
  kind: BulkKind;
  reportOnly: boolean;
  startedAt: string;
  items: BulkItem[];
  /** Why the run stopped before the end: a failure every other item would meet too. */
  stopped?: string;
}

/** A failure that would repeat for every item (no permission to write): the run stops at once. */
export class StopsRun extends Error {}

export interface BulkStep {
  /** Does the work for one item; may mark `restored` on the item it is given before a second step. */
  (item: BulkItem, progress: (patch: Partial<BulkItem>) => void): Promise<void>;
}

export const newRun = (kind: BulkKind, reportOnly: boolean, items: { id: string; name: string }[]): BulkRun => ({
  kind,
  reportOnly,
  startedAt: new Date().toISOString(),
  items: items.map((item) => ({ ...item, status: 'pending' })),
});

export const unfinished = (run: BulkRun) => run.items.filter((item) => item.status !== 'done');

/** Runs every item not yet done, in order; stops between items when `signal` aborts. */
export async function runBulk(run: BulkRun, step: BulkStep, onChange: (run: BulkRun) => void, signal?: AbortSignal): Promise<BulkRun> {
  let current: BulkRun = { ...run, stopped: undefined, items: run.items.map((item) => (item.status === 'running' ? { ...item, status: 'pending' } : item)) };
  const update = (id: string, patch: Partial<BulkItem>) => {
    current = { ...current, items: current.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) };
    onChange(current);
  };
  for (const item of current.items) {
    if (item.status === 'done') continue;
    if (signal?.aborted) break;
    update(item.id, { status: 'running', message: undefined });
    try {
      await step(current.items.find((i) => i.id === item.id)!, (patch) => update(item.id, patch));
      update(item.id, { status: 'done' });
    } catch (error) {
      update(item.id, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (error instanceof StopsRun) {
        current = { ...current, stopped: error.message };
        onChange(current);
        break;
      }
    }
  }
  return current;
}

const key = (accountKey: string) => `gatehouse.bulk.${accountKey}`;

export const bulkStore = {
  load(accountKey: string): BulkRun | null {
    try {
      const raw = localStorage.getItem(key(accountKey));
      if (!raw) return null;
      const run = JSON.parse(raw) as BulkRun;
      // An item left "running" was cut short (a closed tab): whether it happened is unknown, so it is
      // shown as not done; resuming tries it again (a purge that already happened counts as done).
      return { ...run, items: run.items.map((item) => (item.status === 'running' ? { ...item, status: 'pending' } : item)) };
    } catch {
      return null;
    }
  },
  save(accountKey: string, run: BulkRun) {
    localStorage.setItem(key(accountKey), JSON.stringify(run));
  },
  clear(accountKey: string) {
    localStorage.removeItem(key(accountKey));
  },
};
