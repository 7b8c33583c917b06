// How many writes each row of a plan's run sent, kept in the run's journal beside the run: a resumed run then says
// truthfully what the stopped one did (wrote, or found already as planned) and what became of the row that was under
// way when it stopped, instead of counting every row it got through as written.
import type { ApplyRun } from '../../operations/apply-plan';
import type { JournalStore } from '../../operations/ports';

/** What the earlier, stopped run of this plan did, by rows. */
export interface EarlierRun {
  /** Done by it, with writes sent. */
  written: number;
  /** Done by it with nothing sent: the tenant already held them as planned. */
  found: number;
  /** Done by it, by a journal that does not say which (kept by an older version). */
  done: number;
  /** Under way when it stopped, and found done by this run (nothing sent again): its write had landed. */
  inFlightFound: number;
  /** Under way when it stopped, and written by this run: its write had not landed (or only in part). */
  inFlightWritten: number;
}

export interface RowWrites {
  /** The journal, keeping the writes of each row in the run's entry. */
  store: JournalStore;
  /** Writes sent in this run for that row (0: found already as planned). */
  now(key: string): number;
  /** Rows this run finished with nothing sent, the rows an earlier run had done aside. */
  foundNow(run: ApplyRun, previous: ApplyRun | null): number;
  /** What the earlier run did, by the journal it left, once this run is over. */
  earlier(previous: ApplyRun, run: ApplyRun): EarlierRun;
}

const countsOf = (entry: unknown): Record<string, number> => {
  const kept = typeof entry === 'object' && entry !== null ? (entry as { rowWrites?: unknown }).rowWrites : undefined;
  if (typeof kept !== 'object' || kept === null) return {};
  return Object.fromEntries(Object.entries(kept).filter((e): e is [string, number] => typeof e[1] === 'number'));
};

/**
 * Rows run one at a time, and the journal is saved at each step: the writes Graph accepted (`writes`, counted by the
 * client) between a row's start and its end are that row's.
 */
export function countingRowWrites(journal: JournalStore, writes: () => number): RowWrites {
  let total: Record<string, number> = {};
  let kept = false;
  const now: Record<string, number> = {};
  let running: string | null = null;
  let startedAt = 0;
  const observe = (run: ApplyRun) => {
    if (running !== null) {
      const sent = writes() - startedAt;
      startedAt = writes();
      now[running] = (now[running] ?? 0) + sent;
      total[running] = (total[running] ?? 0) + sent;
    }
    running = run.items.find((i) => i.status === 'running')?.key ?? null;
    if (running !== null) total[running] ??= 0;
  };
  const earlierDone = (previous: ApplyRun | null) => new Set((previous?.items ?? []).filter((i) => i.status === 'done').map((i) => i.key));
  return {
    store: {
      load: (key) => {
        const entry = journal.load(key);
        kept = typeof entry === 'object' && entry !== null && 'rowWrites' in entry;
        total = countsOf(entry);
        return entry;
      },
      save: (key, entry) => {
        observe(entry as ApplyRun);
        journal.save(key, { ...(entry as ApplyRun), rowWrites: total });
      },
      clear: (key) => journal.clear(key),
    },
    now: (key) => now[key] ?? 0,
    foundNow: (run, previous) => {
      const before = earlierDone(previous);
      const inFlight = new Set((previous?.items ?? []).filter((i) => i.interrupted).map((i) => i.key));
      return run.items.filter((i) => i.status === 'done' && !before.has(i.key) && !inFlight.has(i.key) && (now[i.key] ?? 0) === 0).length;
    },
    earlier: (previous, run) => {
      const counts = total;
      const done = previous.items.filter((i) => i.status === 'done');
      const inFlight = previous.items.filter((i) => i.interrupted);
      const finishedNow = (key: string) => run.items.find((i) => i.key === key)?.status === 'done';
      return {
        written: kept ? done.filter((i) => (counts[i.key] ?? 0) - (now[i.key] ?? 0) > 0).length : 0,
        found: kept ? done.filter((i) => (counts[i.key] ?? 0) - (now[i.key] ?? 0) === 0).length : 0,
        done: kept ? 0 : done.length,
        inFlightFound: inFlight.filter((i) => finishedNow(i.key) && (now[i.key] ?? 0) === 0).length,
        inFlightWritten: inFlight.filter((i) => finishedNow(i.key) && (now[i.key] ?? 0) > 0).length,
      };
    },
  };
}

/** The line a resumed run starts with: how far the stopped run got, and which row was under way when it stopped. */
export function resumingWords(previous: ApplyRun, rows: RowWrites): string {
  const earlier = rows.earlier(previous, previous);
  const done = previous.items.filter((i) => i.status === 'done').length;
  const inFlight = previous.items.filter((i) => i.interrupted).length;
  const which = [earlier.written ? `${earlier.written} written` : '', earlier.found ? `${earlier.found} found already as planned` : '']
    .filter(Boolean)
    .join(', ');
  const one = inFlight === 1;
  const underWay = inFlight
    ? `; ${one ? '1 was' : `${inFlight} were`} under way when it stopped: whether ${one ? 'it was' : 'they were'} written is unknown, so ${one ? 'it is' : 'they are'} looked for in the tenant before ${one ? 'it is' : 'they are'} written again`
    : '';
  return `Resuming the run of ${previous.startedAt}: ${done} of the plan's ${previous.items.length} change(s) done${which ? ` (${which})` : ''}${underWay}.`;
}
