// A setting kept on this device per tenant in localStorage: read once into a cache, shared by every
// component through useSyncExternalStore, and written so that a browser refusing it (storage full or
// blocked) still leaves the value in use for this session and says it was not kept.
import { useCallback, useSyncExternalStore } from 'react';

export interface DeviceStoreOptions<T> {
  /** The key's start, e.g. 'gatehouse.rollouts'; the tenant id follows after a dot. */
  prefix: string;
  /** What a tenant has until something is kept, and what an unreadable value reads as. */
  empty: T;
  /** The parsed JSON into the value; throwing counts as unreadable. */
  parse: (raw: unknown) => T;
  /** The value into what is kept as JSON; the value itself by default. */
  serialise?: (value: T) => unknown;
}

export interface DeviceStore<T> {
  read(tenantId: string): T;
  subscribe(listener: () => void): () => void;
  /** Uses the value and keeps it; false when the browser would not keep it. Null removes the key. */
  write(tenantId: string, next: T): boolean;
  /** write() of what change makes of the current value. */
  update(tenantId: string, change: (current: T) => T): boolean;
}

export function deviceStore<T>({ prefix, empty, parse, serialise = (value) => value }: DeviceStoreOptions<T>): DeviceStore<T> {
  const key = (tenantId: string) => `${prefix}.${tenantId}`;
  const listeners = new Set<() => void>();
  // has() rather than a truthy get(): null is a value some stores keep.
  const cache = new Map<string, T>();

  const read = (tenantId: string): T => {
    if (cache.has(tenantId)) return cache.get(tenantId) as T;
    let value = empty;
    try {
      const raw = localStorage.getItem(key(tenantId));
      if (raw) value = parse(JSON.parse(raw));
    } catch {
      // Unreadable: the empty value; each store's parse says what that means for it.
    }
    cache.set(tenantId, value);
    return value;
  };

  const write = (tenantId: string, next: T): boolean => {
    cache.set(tenantId, next);
    let kept = true;
    try {
      // Null is "nothing said" (the stores that allow it have null as their empty value): no key at all.
      if (next === null) localStorage.removeItem(key(tenantId));
      else localStorage.setItem(key(tenantId), JSON.stringify(serialise(next)));
    } catch {
      kept = false;
    }
    listeners.forEach((listener) => listener());
    return kept;
  };

  return {
    read,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    write,
    update: (tenantId, change) => write(tenantId, change(read(tenantId))),
  };
}

/** The tenant's value and a setter that says whether the browser kept it. */
export function useDeviceValue<T>(store: DeviceStore<T>, tenantId: string): [T, (next: T) => boolean] {
  const value = useSyncExternalStore(store.subscribe, () => store.read(tenantId));
  const set = useCallback((next: T) => store.write(tenantId, next), [store, tenantId]);
  return [value, set];
}

/** The tenant's value and an updater (from the current value) that says whether the browser kept it. */
export function useDeviceUpdater<T>(store: DeviceStore<T>, tenantId: string): [T, (change: (current: T) => T) => boolean] {
  const value = useSyncExternalStore(store.subscribe, () => store.read(tenantId));
  const update = useCallback((change: (current: T) => T) => store.update(tenantId, change), [store, tenantId]);
  return [value, update];
}
