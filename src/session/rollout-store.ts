// The staged rollouts of a tenant, kept on this device by policy id (one rollout per policy at a
// time): the rings, thresholds, where each stands and the timeline. Backups carry them too. The
// freeze notice of the editor and the rollout page read the same store.
import { useSyncExternalStore } from 'react';
import { readRolloutPlans, type RolloutPlan } from '../domain/rollout/rollout-plan';
import { deviceStore, useDeviceUpdater } from './stores/device-store';

export type RolloutStore = Readonly<Record<string, RolloutPlan>>;

const EMPTY: RolloutStore = {};

const store = deviceStore<RolloutStore>({
  prefix: 'gatehouse.rollouts',
  // Unreadable: treated as no rollouts on this device.
  empty: EMPTY,
  // Kept as a list, and read as loosely as a backup: a plan the console cannot take whole is left out, not guessed.
  parse: (raw) => Object.fromEntries(readRolloutPlans(raw).map((plan) => [plan.policyId, plan])),
  serialise: (rollouts) => Object.values(rollouts),
});

/** The store and its updater, which says whether the browser kept it (storage can be full or blocked). */
export function useRolloutStore(tenantId: string): [RolloutStore, (change: (current: RolloutStore) => RolloutStore) => boolean] {
  return useDeviceUpdater(store, tenantId);
}

/** The rollout of one policy that is under way (started and not finished), if any. */
export function useRunningRollout(tenantId: string, policyId: string | null | undefined): RolloutPlan | null {
  const plan = useSyncExternalStore(store.subscribe, () => (policyId ? store.read(tenantId)[policyId] : undefined));
  return plan && (plan.status === 'running' || plan.status === 'finishing') ? plan : null;
}
