// Work on several deleted policies at once (restore or purge), one item at a time: the Graph client
// paces Conditional Access requests under the service's limit and retries throttled ones. Every
// change of state is written to a journal (the console keeps it in localStorage, a Node program
// may keep it in a file), so a run that failed or was interrupted (a closed tab, an expired
// sign-in) resumes without repeating what succeeded.
import { systemClock, type Clock, type JournalStore } from './ports';

export type BulkKind = 'restore' | 'purge';
export type BulkStatus = 'pending' | 'running' | 'done' | 'failed';

export interface BulkItem {
  id: string;
  name: string;
  status: BulkStatus;
  message?: string;
  /** Restore in report-only is two steps: once restored, a resume only sets the state. */
  restored?: boolean;
  /** Was under way when the run was cut short (a closed tab): whether it happened is unknown until a resume looks. */
  interrupted?: boolean;
}

/** A deleted named location a restore brings back before the policies that need it. */
export interface BulkLocation {
  id: string;
  name: string;
  neededBy: { id: string; name: string }[];
  status: BulkStatus;
  message?: string;
  interrupted?: boolean;
}

export interface BulkRun {
  kind: BulkKind;
  reportOnly: boolean;
  startedAt: string;
  items: BulkItem[];
  /** A restore's named locations, restored first: journalled with the items, so a resume skips those done. */
  locations?: BulkLocation[];
  /** Why the run stopped before the end: a failure every other item would meet too. */
  stopped?: string;
}

/** A failure that would repeat for every item (no permission to write): the run stops at once. */
export class StopsRun extends Error {}

export interface BulkStep {
  /** Does the work for one item; may mark `restored` on the item it is given before a second step. */
  (item: BulkItem, progress: (patch: Partial<BulkItem>) => void): Promise<void>;
}

export const newRun = (
  kind: BulkKind,
  reportOnly: boolean,
  items: { id: string; name: string }[],
  clock: Clock = systemClock,
): BulkRun => ({
  kind,
  reportOnly,
  startedAt: clock.now().toISOString(),
  items: items.map((item) => ({ ...item, status: 'pending' })),
});

export const unfinished = (run: BulkRun) => run.items.filter((item) => item.status !== 'done');

export interface RunOptions {
  /** Where every change of state is written before it is shown. */
  journal?: BulkJournal;
  onChange?: (run: BulkRun) => void;
  /** Stops the run between items. */
  signal?: AbortSignal;
}

/** Runs every item not yet done, in order; stops between items when `signal` aborts. */
export async function runBulk(run: BulkRun, step: BulkStep, { journal, onChange, signal }: RunOptions = {}): Promise<BulkRun> {
  let current: BulkRun = {
    ...run,
    stopped: undefined,
    items: run.items.map((item) => (item.status === 'running' ? { ...item, status: 'pending' } : item)),
  };
  const changed = () => {
    journal?.save(current);
    onChange?.(current);
  };
  const update = (id: string, patch: Partial<BulkItem>) => {
    current = { ...current, items: current.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) };
    changed();
  };
  changed();
  for (const item of current.items) {
    if (item.status === 'done') continue;
    if (signal?.aborted) break;
    update(item.id, { status: 'running', message: undefined, interrupted: undefined });
    try {
      await step(
        current.items.find((i) => i.id === item.id)!,
        (patch) => update(item.id, patch),
      );
      update(item.id, { status: 'done' });
    } catch (error) {
      update(item.id, { status: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (error instanceof StopsRun) {
        current = { ...current, stopped: error.message };
        changed();
        break;
      }
    }
  }
  return current;
}

export interface BulkJournal {
  load(): BulkRun | null;
  save(run: BulkRun): void;
  clear(): void;
}

/** The journal of an account's bulk run: one at a time per account. */
export function bulkJournal(store: JournalStore, accountKey: string): BulkJournal {
  const key = `bulk.${accountKey}`;
  return {
    load() {
      const run = store.load(key) as BulkRun | null;
      if (!run || !Array.isArray(run.items)) return null;
      // An item left "running" was cut short (a closed tab): whether it happened is unknown, so it is
      // shown as not done, and as cut short; resuming tries it again (a purge that already happened counts as done).
      const notRunning = <T extends { status: BulkStatus; interrupted?: boolean }>(step: T): T =>
        step.status === 'running' ? { ...step, status: 'pending', interrupted: true } : step;
      return { ...run, items: run.items.map(notRunning), ...(run.locations && { locations: run.locations.map(notRunning) }) };
    },
    save: (run) => store.save(key, run),
    clear: () => store.clear(key),
  };
}
