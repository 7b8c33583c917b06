// A value kept outside React, read with useSyncExternalStore: setting it re-renders only the
// components that read it (the search box at each keystroke, the grid as the viewport moves),
// not the page that owns it.

export interface ValueStore<T> {
  get(): T;
  /** Tells the readers only when the value changed. */
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
