// The admin's contingency plans and the record of the last switch, kept on this device per tenant:
// what the naming cannot say (the policies to suspend, the exclusions to add first) and what a
// revert needs (the state of each touched policy before the switch, the exclusions it added).
import type { PlanEdits } from '../domain/contingency/contingency-plan';
import type { SwitchRecord } from '../domain/contingency/switch';
import { deviceStore, useDeviceUpdater } from './stores/device-store';

export interface ContingencyStore {
  /** Edits of recognised plans, by plan id. */
  plans: Record<string, PlanEdits>;
  /** The last switch of each plan, until it is reverted. */
  switches: Record<string, SwitchRecord>;
}

const EMPTY: ContingencyStore = { plans: {}, switches: {} };

const store = deviceStore<ContingencyStore>({
  prefix: 'gatehouse.contingency',
  // Unreadable: treated as nothing saved; the plans are recognised again from the policies.
  empty: EMPTY,
  parse: (raw) => ({ ...EMPTY, ...(raw as Partial<ContingencyStore>) }),
});

/** The store and its updater, which says whether the browser kept it (storage can be full or blocked). */
export function useContingencyStore(
  tenantId: string,
): [ContingencyStore, (change: (current: ContingencyStore) => ContingencyStore) => boolean] {
  return useDeviceUpdater(store, tenantId);
}
