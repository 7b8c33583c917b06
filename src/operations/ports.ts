// What the use cases need from their surroundings, passed in rather than reached for, so the same
// operations run in the console (IndexedDB, localStorage, the browser's clock) and in a Node
// program (files, a fixed clock in tests).
import type { GraphClient } from '../graph/client';

/** A version of an item kept before a write replaced or removed it. */
export interface StoredVersion {
  /** The tenant it belongs to. */
  scope: string;
  itemId: string;
  recordedAt: string;
  /** Why it was recorded, e.g. "before save", "before delete". */
  reason: string;
  json: string;
  /**
   * When a later write found this version already kept and kept it again (keepOnceBefore): recordedAt stays the
   * time it was first kept, and this tells the record apart from the one it replaced.
   */
  keptAgainAt?: string;
}

/** Whether two records are the same kept version (a store's own keys are not known here). */
export const sameVersion = (a: StoredVersion, b: StoredVersion) =>
  a.scope === b.scope &&
  a.itemId === b.itemId &&
  a.recordedAt === b.recordedAt &&
  a.reason === b.reason &&
  a.json === b.json &&
  (a.keptAgainAt ?? null) === (b.keptAgainAt ?? null);

/** Versions kept per tenant and item, read newest first. */
export interface VersionStore {
  record(version: StoredVersion): Promise<void>;
  list(scope: string, itemId: string): Promise<StoredVersion[]>;
  listScope(scope: string): Promise<StoredVersion[]>;
  /** Removes this very version (kept before a write that Graph then refused): nothing was replaced. */
  forget(version: StoredVersion): Promise<void>;
}

/** Where a run over many items notes its progress, so an interrupted run resumes where it stopped. */
export interface JournalStore {
  load(key: string): unknown;
  save(key: string, entry: unknown): void;
  clear(key: string): void;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a use case may touch: one tenant's Graph client and the stores kept for it. */
export interface OperationContext {
  client: GraphClient;
  /** The tenant's id: the scope of its kept versions. */
  scope: string;
  versions: VersionStore;
  journals: JournalStore;
  clock: Clock;
}

/** Keeps the version a write is about to replace or remove; the version kept. */
export async function keepVersion(
  context: Pick<OperationContext, 'versions' | 'clock' | 'scope'>,
  itemId: string,
  reason: string,
  item: unknown,
): Promise<StoredVersion> {
  const version = { scope: context.scope, itemId, recordedAt: context.clock.now().toISOString(), reason, json: JSON.stringify(item) };
  await context.versions.record(version);
  return version;
}

/**
 * Keeps the version an update is about to replace, before it is sent (so a lost answer or a reload cannot lose it),
 * unless the newest one kept of the item is already it (an earlier attempt, or another tab, kept it). The version
 * kept now, which the caller forgets if its write is refused; null when it was kept already: not the caller's to forget.
 */
export async function keepOnceBefore(context: OperationContext, itemId: string, reason: string, replaced: unknown) {
  const [newest] = await context.versions.list(context.scope, itemId);
  if (newest?.reason !== reason || newest.json !== JSON.stringify(replaced)) return keepVersion(context, itemId, reason, replaced);
  // Kept by another write that may yet be refused and forget it while this one lands: it is kept again, marked as
  // such, and the first one let go, so that forget finds nothing. Still one version in the history, at the time it
  // was first kept (History says when the version was really kept, not when a later write found it).
  const againAt = Math.max(context.clock.now().getTime(), Date.parse(newest.keptAgainAt ?? newest.recordedAt) + 1 || 0);
  const renewed: StoredVersion = { ...newest, keptAgainAt: new Date(againAt).toISOString() };
  try {
    await context.versions.record(renewed);
  } catch {
    // Not renewed: the version is still kept, as it was.
    return null;
  }
  await context.versions.forget(newest).catch(() => {});
  return null;
}
