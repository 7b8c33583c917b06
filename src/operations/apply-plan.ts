// Applying a reviewed plan: one write at a time (the Graph client paces Conditional Access requests
// under the service's limit and retries throttled ones), a journal entry after every step so that
// a run that failed or was interrupted (a closed tab included) resumes without repeating what
// succeeded, a look before each create whose earlier attempt had no answer (a restore looks after
// one), and every object read back and compared with what was intended: "as planned", or the exact
// difference.
import { isolatedText } from '../domain/isolate';
import type { JsonObject } from '../domain/json';
import { PENDING_PATTERN } from '../domain/plan/types';
import { GraphRequestError } from '../graph/errors';
import { NOT_YET_SEEN, restoredNotChanged } from './apply-summary';
import type { ApplyItem, ApplyRun, PlanWriters } from './apply-run';
import { StopsRun } from './bulk-run';
import type { Clock, JournalStore } from './ports';

export { newApplyRun, writtenCount, type ApplyItem, type ApplyRun, type ApplyStatus, type PlanWriters, type RunOrigin } from './apply-run';

export class WaitsForObject extends Error {}

/** The object was changed in the tenant after the plan read it: only a new plan writes over that change. */
export class ChangedSincePlanned extends Error {}

/** Written (Graph said so) but not found when read back: a retry finds it, so this is no refusal. */
export class NotReadBack extends Error {}

/** Replaces the tokens of objects this run created by their ids. */
export function resolvePending(body: JsonObject, created: Record<string, string>): JsonObject {
  const text = JSON.stringify(body).replace(PENDING_PATTERN, (_token, key: string) => {
    const id = created[key];
    if (!id)
      throw new WaitsForObject(`It names an object this run was to create first (${key.replace(/^\w+:/, '')}), which does not exist yet.`);
    return id;
  });
  return JSON.parse(text) as JsonObject;
}

export interface ApplyJournal {
  load(): ApplyRun | null;
  save(run: ApplyRun): void;
  clear(): void;
}

/** The journal of an account's plan run: one at a time per account, kept after every step. */
export function applyJournal(store: JournalStore, accountKey: string): ApplyJournal {
  const key = `apply.${accountKey}`;
  return {
    load() {
      const run = store.load(key) as ApplyRun | null;
      if (!run || !Array.isArray(run.items)) return null;
      // Cut short while running (a closed tab): whether it happened is unknown; a resume looks first.
      return {
        ...run,
        items: run.items.map((item) => (item.status === 'running' ? { ...item, status: 'pending', interrupted: true } : item)),
      };
    },
    save: (run) => store.save(key, run),
    clear: () => store.clear(key),
  };
}

/** A short hash of a body (FNV-1a over its JSON): enough to tell whether a resume sends what was sent before. */
export function hashOf(body: JsonObject): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(body)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** How far the service's clock may be behind this machine's when it stamps a write (modifiedDateTime against sentAt). */
const CLOCK_SKEW_MS = 60_000;

/** Changed at or after this row's write was first sent: the change may be that write's own. */
const writtenBySelf = (actual: JsonObject, sentAt: string) =>
  typeof actual.modifiedDateTime === 'string' && Date.parse(actual.modifiedDateTime) >= Date.parse(sentAt) - CLOCK_SKEW_MS;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failure every later write would meet too: no permission, or the sign-in is gone. */
const stopsEverything = (error: unknown) => error instanceof GraphRequestError && (error.status === 401 || error.status === 403);

/**
 * Graph may refuse a policy that names an object created a moment before (field reports of
 * "1040: NamedLocation with id … does not exist in the directory", then success on a retry; no delay
 * is documented): a refusal that names an id this run created is worth a few more tries.
 */
const SETTLE_ATTEMPTS = 3;
/** The id as a whole word of the text: 'c1' is not named by 'c10', nor by a GUID that happens to contain it. */
const namesId = (text: string | undefined, id: string) =>
  !!text && !!id && new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);
const namesJustCreated = (error: unknown, created: Record<string, string>) =>
  error instanceof GraphRequestError &&
  (error.status === 400 || error.status === 404) &&
  Object.values(created).some((id) => namesId(error.message, id) || namesId(error.details.innerMessage, id));

export async function applyPlan(
  run: ApplyRun,
  writers: PlanWriters,
  options: {
    journal?: ApplyJournal;
    onChange?: (run: ApplyRun) => void;
    signal?: AbortSignal;
    clock: Clock;
    /** Waits before a write that named an object this run created, refused as not existing yet, is sent again. */
    settle?: (attempt: number) => Promise<void>;
  },
): Promise<ApplyRun> {
  let current: ApplyRun = { ...run, stopped: undefined, finishedAt: undefined };
  const changed = () => {
    options.journal?.save(current);
    options.onChange?.(current);
  };
  const update = (key: string, patch: Partial<ApplyItem>) => {
    current = { ...current, items: current.items.map((item) => (item.key === key ? { ...item, ...patch } : item)) };
    changed();
  };
  changed();
  // A write Graph accepted whose object is then not found: not yet shown where it is read, or deleted
  // since. Read again after a wait; then say so, not "deleted since the plan", which would have failed the write.
  const readAfterWrite = async (item: ApplyItem, id: string, intended: JsonObject): Promise<JsonObject> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await writers.read(item.kind, id, intended);
      } catch (error) {
        if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
        if (!options.settle || attempt >= SETTLE_ATTEMPTS)
          throw new NotReadBack(
            `Graph accepted it, but it was not found when read back (${id}): it may not show yet, or it was deleted since. Applying again looks for it before writing anything.`,
          );
        update(item.key, { message: 'Written; waiting for it to show when read back…' });
        await options.settle(attempt);
      }
    }
  };
  for (const original of current.items) {
    if (original.status === 'done') continue;
    if (options.signal?.aborted) break;
    const item = current.items.find((i) => i.key === original.key)!;
    update(item.key, { status: 'running', message: undefined, interrupted: undefined, unconfirmed: undefined, notYetSeen: undefined });
    // Set only once every wait for a just-created object was spent: a refusal is then the service's delay, not the plan's fault.
    let waitedOut = false;
    // A restore landed and the change after it is under way: a failure now leaves the object back, as it was deleted.
    let changeAfterRestore = false;
    const restoredAlready = () => current.items.find((i) => i.key === item.key)?.restored === true;
    try {
      const write = async () => {
        const body = resolvePending(item.body, current.created);
        const intended = resolvePending(item.intended, current.created);
        let id = item.targetId;
        let readBack: JsonObject | void = undefined;
        // Said as soon as the writer knows it, and kept in the journal: a failure after it leaves the warning true.
        let saidNow = false;
        const onVersionNotKept = (words: string, ifWritten = false) => {
          saidNow = true;
          update(item.key, { versionNotKept: words, versionNotKeptIfWritten: ifWritten || undefined });
        };
        let writtenNow = false;
        const onWrittenNow = () => (writtenNow = true);
        // An earlier attempt's lost write, said to hold if it was applied: this one was written now, its version kept
        // (found as planned with nothing sent, it may be that write, and the warning stays).
        const clearIfWrittenNow = () => {
          if (item.versionNotKeptIfWritten && writtenNow && !saidNow)
            update(item.key, { versionNotKept: undefined, versionNotKeptIfWritten: undefined });
        };
        if (item.action === 'create') {
          // The object may exist already: an earlier attempt whose answer never came, or an earlier run of
          // this plan whose journal is gone (a pipeline's job run again on a fresh machine). The plan found
          // nothing of this name when it was made, so an object of this name and content is that write's.
          const found = await writers.findCreated(item.kind, body);
          if (found) {
            id = String(found.id);
            update(item.key, { recovered: true });
          } else {
            update(item.key, { sentAt: options.clock.now().toISOString() });
            const created = await writers.create(item.kind, body);
            id = String(created.id);
          }
          current = { ...current, created: { ...current.created, [item.key]: id } };
          update(item.key, { targetId: id });
        } else if (item.action === 'restore') {
          // Back already (a resume after the change failed): not restored again, only changed.
          // Said as soon as it is back: a failure after this (its read-back, the change) leaves it back, as it was deleted.
          const landed = () => {
            changeAfterRestore = Object.keys(body).length > 0;
            if (!restoredAlready()) update(item.key, { restored: true });
          };
          if (restoredAlready()) landed();
          const back = restoredAlready() ? await writers.read(item.kind, id!, intended) : await writers.restore(item.kind, id!, landed);
          landed();
          // The change after the restore is judged against the policy as it came back, not as it was deleted.
          const baseModified = typeof back.modifiedDateTime === 'string' ? back.modifiedDateTime : null;
          if (changeAfterRestore) {
            readBack = await writers.update(item.kind, id!, body, { intended, baseModified, onVersionNotKept, onWrittenNow });
            changeAfterRestore = false;
            clearIfWrittenNow();
          } else readBack = back;
        } else {
          // Noted before sending: a resume tells this row's own write (Graph may have normalised it) from someone else's.
          const sentHash = hashOf(body);
          const sentAt = item.sentHash === sentHash && item.sentAt ? item.sentAt : options.clock.now().toISOString();
          const earlier = item.sentHash === sentHash ? item.sentAt : undefined;
          update(item.key, { sentAt, sentHash });
          try {
            readBack = await writers.update(item.kind, id!, body, {
              intended,
              baseModified: item.baseModified,
              onVersionNotKept,
              onWrittenNow,
            });
            clearIfWrittenNow();
          } catch (error) {
            if (!(error instanceof ChangedSincePlanned) || !earlier) throw error;
            const actual = await writers.read(item.kind, id!, intended);
            if (!writtenBySelf(actual, earlier) || writers.compare(item.kind, intended, actual).length > 0) throw error;
            readBack = actual;
          }
        }
        const actual = readBack ?? (await readAfterWrite(item, id!, intended));
        update(item.key, { status: 'done', differences: writers.compare(item.kind, intended, actual) });
      };
      for (let attempt = 0; ; attempt++) {
        try {
          await write();
          break;
        } catch (error) {
          // Just created, not yet seen by the service that checks the policy: wait and send it again.
          if (!options.settle || !namesJustCreated(error, current.created)) throw error;
          if (attempt >= SETTLE_ATTEMPTS) {
            waitedOut = true;
            throw error;
          }
          update(item.key, { message: 'An object this run created is not visible to the service yet: waiting a moment…' });
          await options.settle(attempt);
        }
      }
    } catch (error) {
      const notYetSeen = waitedOut;
      const said = notYetSeen ? `${describe(error)} ${NOT_YET_SEEN}` : describe(error);
      // Back in the tenant with nothing to change after it: only its read-back failed, and a resume only reads it.
      const onlyNotReadBack = item.action === 'restore' && restoredAlready() && !changeAfterRestore;
      update(item.key, {
        status: 'failed',
        message: changeAfterRestore
          ? `${restoredNotChanged(item)} ${said}`
          : onlyNotReadBack
            ? `Restored, but not read back: ${said.replace(/\.$/, '')}; applying again reads it.`
            : said,
        ...(error instanceof NotReadBack && { unconfirmed: true }),
        ...(notYetSeen ? { notYetSeen: true } : {}),
      });
      if (error instanceof StopsRun || stopsEverything(error)) {
        current = { ...current, stopped: describe(error) };
        changed();
        break;
      }
      // In a run whose writes depend on each other, what is left waits; when nothing is left, the
      // failure ends the run as it would any other, and no "stopped" is claimed. Not "was not sent": in a
      // guided run the next write waited for the admin anyway; in any run it now waits for them.
      const left = current.items.filter((i) => i.status === 'pending').length;
      if (current.inOrder && left > 0) {
        current = {
          ...current,
          stopped:
            `‘${isolatedText(item.name)}’ was not written, and each write of this run needs the one before it: nothing after it was sent, ` +
            `and ${left === 1 ? 'the next one waits' : `the ${left} after it wait`} for you. ${describe(error)}`,
        };
        changed();
        break;
      }
    }
  }
  if (current.items.every((i) => i.status === 'done')) {
    current = { ...current, finishedAt: options.clock.now().toISOString() };
    changed();
  }
  return current;
}

export { summarizeRun, restoredNotChanged } from './apply-summary';
