// Watched policies, per account, on this device: for each, the version the admin last saw (its JSON
// and modifiedDateTime), so the next visit can say what changed since and show the diff.
import { useSyncExternalStore } from 'react';
import type { JsonObject } from '../domain/policy-body';

export interface WatchedPolicy {
  name: string;
  /** The modifiedDateTime of the version last seen. */
  seenModified: string | null;
  seenAt: string;
  snapshot: JsonObject;
}

type Watched = Record<string, WatchedPolicy>;

const key = (accountKey: string) => `gatehouse.watch.${accountKey}`;
const listeners = new Set<() => void>();
// unkept: the browser refused the last write; the value stays in use for this session.
const cache = new Map<string, { raw: string | null; value: Watched; unkept?: boolean }>();

// A browser that blocks storage (SecurityError) reads as nothing watched; one that is full or blocked
// keeps the change for this session (in the cache) and says nothing kept: never an exception, which
// would blank the page or turn a save Graph made into "Could not save".
function stored(accountKey: string): string | null {
  try {
    return localStorage.getItem(key(accountKey));
  } catch {
    return cache.get(accountKey)?.raw ?? null;
  }
}

function read(accountKey: string): Watched {
  const cached = cache.get(accountKey);
  if (cached?.unkept) return cached.value;
  const raw = stored(accountKey);
  if (cached && cached.raw === raw) return cached.value;
  let value: Watched = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    value = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Watched) : {};
  } catch {
    value = {};
  }
  cache.set(accountKey, { raw, value });
  return value;
}

function write(accountKey: string, next: Watched) {
  const raw = JSON.stringify(next);
  let unkept = false;
  try {
    localStorage.setItem(key(accountKey), raw);
  } catch {
    // Not kept on this device: still in use until the page is closed.
    unkept = true;
  }
  cache.set(accountKey, { raw, value: next, unkept });
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  // Another tab watching or marking as seen updates this one too.
  const onStorage = (event: StorageEvent) => event.key?.startsWith('gatehouse.watch.') && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
};

const versionOf = (policy: JsonObject): WatchedPolicy => ({
  name: typeof policy.displayName === 'string' ? policy.displayName : String(policy.id),
  seenModified: typeof policy.modifiedDateTime === 'string' ? policy.modifiedDateTime : null,
  seenAt: new Date().toISOString(),
  snapshot: policy,
});

/** The admin has seen these versions: later changes are measured from them. Writes only when one of them is watched. */
export function markSeen(accountKey: string, policies: JsonObject[]) {
  const current = read(accountKey);
  const watchedOnes = policies.filter((policy) => current[String(policy.id)]);
  if (watchedOnes.length === 0) return;
  const next = { ...current };
  for (const policy of watchedOnes) next[String(policy.id)] = versionOf(policy);
  write(accountKey, next);
}

export function useWatched(accountKey: string) {
  const watched = useSyncExternalStore(subscribe, () => read(accountKey));
  return {
    watched,
    watch: (policy: JsonObject) => write(accountKey, { ...read(accountKey), [String(policy.id)]: versionOf(policy) }),
    unwatch: (id: string) => {
      const next = { ...read(accountKey) };
      delete next[id];
      write(accountKey, next);
    },
    /** The admin has seen these versions: later changes are measured from them. */
    markSeen: (policies: JsonObject[]) => markSeen(accountKey, policies),
  };
}
