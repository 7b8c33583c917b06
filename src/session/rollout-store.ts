// The staged rollouts of a tenant, kept on this device by policy id (one rollout per policy at a
// time): the rings, thresholds, where each stands and the timeline. Backups carry them too. The
// freeze notice of the editor and the rollout page read the same store.
import { useCallback, useSyncExternalStore } from 'react';
import { readRolloutPlans, type RolloutPlan } from '../domain/rollout/rollout-plan';

export type RolloutStore = Readonly<Record<string, RolloutPlan>>;

const key = (tenantId: string) => `gatehouse.rollouts.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, RolloutStore>();
const EMPTY: RolloutStore = {};

function read(tenantId: string): RolloutStore {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = EMPTY;
  try {
    const raw = localStorage.getItem(key(tenantId));
    // Read as loosely as a backup: a plan the console cannot take whole is left out, not guessed.
    if (raw) value = Object.fromEntries(readRolloutPlans(JSON.parse(raw)).map((plan) => [plan.policyId, plan]));
  } catch {
    // Unreadable: treated as no rollouts on this device.
  }
  cache.set(tenantId, value);
  return value;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The store and its updater, which says whether the browser kept it (storage can be full or blocked). */
export function useRolloutStore(tenantId: string): [RolloutStore, (change: (current: RolloutStore) => RolloutStore) => boolean] {
  const value = useSyncExternalStore(subscribe, () => read(tenantId));
  const update = useCallback(
    (change: (current: RolloutStore) => RolloutStore) => {
      const next = change(read(tenantId));
      cache.set(tenantId, next);
      let kept = true;
      try {
        localStorage.setItem(key(tenantId), JSON.stringify(Object.values(next)));
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

/** The rollout of one policy that is under way (started and not finished), if any. */
export function useRunningRollout(tenantId: string, policyId: string | null | undefined): RolloutPlan | null {
  const plan = useSyncExternalStore(subscribe, () => (policyId ? read(tenantId)[policyId] : undefined));
  return plan && (plan.status === 'running' || plan.status === 'finishing') ? plan : null;
}
