// The lint findings the admin has accepted, each with its reason, who and when: kept on this device
// per tenant (read back strictly, as a backup's are), and carried by backups. The policies page,
// each policy's page, the editor and the Lint page read the same store.
import { useCallback, useSyncExternalStore } from 'react';
import { readSuppressions } from '../domain/lint/suppressions';
import type { LintSuppression } from '../domain/lint/types';

const key = (tenantId: string) => `gatehouse.lint-suppressions.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, readonly LintSuppression[]>();
const EMPTY: readonly LintSuppression[] = [];

function read(tenantId: string): readonly LintSuppression[] {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = EMPTY;
  try {
    const raw = localStorage.getItem(key(tenantId));
    if (raw) value = readSuppressions(JSON.parse(raw), 'the suppressions kept on this device');
  } catch {
    // Unreadable (or an entry without its reason): treated as none, so every finding shows again.
  }
  cache.set(tenantId, value);
  return value;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export type SuppressionsUpdate = (change: (current: readonly LintSuppression[]) => readonly LintSuppression[]) => boolean;

/** The suppressions and their updater, which says whether the browser kept them (storage can be full or blocked). */
export function useLintSuppressions(tenantId: string): [readonly LintSuppression[], SuppressionsUpdate] {
  const value = useSyncExternalStore(subscribe, () => read(tenantId));
  const update = useCallback<SuppressionsUpdate>(
    (change) => {
      const next = change(read(tenantId));
      cache.set(tenantId, next);
      let kept = true;
      try {
        localStorage.setItem(key(tenantId), JSON.stringify(next));
      } catch {
        kept = false;
      }
      listeners.forEach((listener) => listener());
      return kept;
    },
    [tenantId],
  );
  return [value, update];
}
