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
const cache = new Map<string, { raw: string | null; value: Watched }>();

function read(accountKey: string): Watched {
  const raw = localStorage.getItem(key(accountKey));
  const cached = cache.get(accountKey);
  if (cached && cached.raw === raw) return cached.value;
  let value: Watched = {};
  try {
    value = raw ? (JSON.parse(raw) as Watched) : {};
  } catch {
    value = {};
  }
  cache.set(accountKey, { raw, value });
  return value;
}

function write(accountKey: string, next: Watched) {
  localStorage.setItem(key(accountKey), JSON.stringify(next));
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
    markSeen: (policies: JsonObject[]) => {
      const next = { ...read(accountKey) };
      for (const policy of policies) if (next[String(policy.id)]) next[String(policy.id)] = versionOf(policy);
      write(accountKey, next);
    },
  };
}
