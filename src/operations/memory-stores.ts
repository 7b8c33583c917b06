// Stores that live in memory: for a Node program that keeps nothing between runs, and for tests.
import {
  sameVersion,
  systemClock,
  type Clock,
  type JournalStore,
  type OperationContext,
  type StoredVersion,
  type VersionStore,
} from './ports';
import type { GraphClient } from '../graph/client';

export function memoryVersions(): VersionStore & { all: StoredVersion[] } {
  const all: StoredVersion[] = [];
  const newestFirst = (versions: StoredVersion[]) => [...versions].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return {
    all,
    record: async (version) => void all.push(version),
    list: async (scope, itemId) => newestFirst(all.filter((v) => v.scope === scope && v.itemId === itemId)),
    listScope: async (scope) => newestFirst(all.filter((v) => v.scope === scope)),
    forget: async (version) => {
      const at = all.findIndex((v) => sameVersion(v, version));
      if (at >= 0) all.splice(at, 1);
    },
  };
}

export function memoryJournals(): JournalStore {
  const entries = new Map<string, string>();
  return {
    load: (key) => (entries.has(key) ? (JSON.parse(entries.get(key)!) as unknown) : null),
    save: (key, entry) => void entries.set(key, JSON.stringify(entry)),
    clear: (key) => void entries.delete(key),
  };
}

/** A context whose stores are in memory; the clock is the system's unless one is given. */
export function memoryContext(client: GraphClient, scope: string, clock: Clock = systemClock) {
  return { client, scope, versions: memoryVersions(), journals: memoryJournals(), clock } satisfies OperationContext;
}
