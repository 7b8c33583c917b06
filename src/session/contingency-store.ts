// The admin's contingency plans and the record of the last switch, kept on this device per tenant:
// what the naming cannot say (the policies to suspend, the exclusions to add first) and what a
// revert needs (the state of each touched policy before the switch, the exclusions it added).
import { useCallback, useSyncExternalStore } from 'react';
import type { PlanEdits } from '../domain/contingency/contingency-plan';
import type { SwitchRecord } from '../domain/contingency/switch';

export interface ContingencyStore {
  /** Edits of recognised plans, by plan id. */
  plans: Record<string, PlanEdits>;
  /** The last switch of each plan, until it is reverted. */
  switches: Record<string, SwitchRecord>;
}

const key = (tenantId: string) => `gatehouse.contingency.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, ContingencyStore>();
const EMPTY: ContingencyStore = { plans: {}, switches: {} };

function read(tenantId: string): ContingencyStore {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = EMPTY;
  try {
    const raw = localStorage.getItem(key(tenantId));
    if (raw) value = { ...EMPTY, ...(JSON.parse(raw) as Partial<ContingencyStore>) };
  } catch {
    // Unreadable: treated as nothing saved; the plans are recognised again from the policies.
  }
  cache.set(tenantId, value);
  return value;
}

/** The store and its updater, which says whether the browser kept it (storage can be full or blocked). */
export function useContingencyStore(
  tenantId: string,
): [ContingencyStore, (change: (current: ContingencyStore) => ContingencyStore) => boolean] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const update = useCallback(
    (change: (current: ContingencyStore) => ContingencyStore) => {
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
