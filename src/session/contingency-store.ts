// The admin's contingency plans and the record of the last switch, kept on this device per tenant:
// what the naming cannot say (the policies to suspend, the exclusions to add first) and what a
// revert needs (the state of each touched policy before the switch, the exclusions it added).
import { useCallback, useEffect, useMemo } from 'react';
import type { ContingencyPlan } from '../domain/contingency/contingency-plan';
import { findSavedChoices, forgetHeld, type HeldEntry, type SavedChoices } from '../domain/contingency/saved-choices';
import { deviceStore, useDeviceUpdater } from './stores/device-store';

export type ContingencyStore = SavedChoices;

const EMPTY: ContingencyStore = { plans: {}, switches: {} };
const NOTHING_HELD: HeldEntry[] = [];

const store = deviceStore<ContingencyStore>({
  prefix: 'gatehouse.contingency',
  // Unreadable: treated as nothing saved; the plans are recognised again from the policies.
  empty: EMPTY,
  parse: (raw) => ({ ...EMPTY, ...(raw as Partial<ContingencyStore>) }),
});

/**
 * The store and its updater, which says whether the browser kept it (storage can be full or blocked). Given the
 * plans recognised from the tenant's policies, what an earlier version kept under a plan's old id is found under
 * its id now (and kept so, once); what more than one plan could have had is given to none, and listed in `held`;
 * so is what was kept for a plan deleted since, which a plan given its id later does not take. Each of those the
 * admin may forget: removed from the device.
 */
export function useContingencyStore(
  tenantId: string,
  recognised?: readonly ContingencyPlan[],
): [ContingencyStore, (change: (current: ContingencyStore) => ContingencyStore) => boolean, HeldEntry[], (entry: HeldEntry) => boolean] {
  const [saved, update] = useDeviceUpdater(store, tenantId);
  const found = useMemo(() => (recognised ? findSavedChoices(saved, recognised) : null), [saved, recognised]);
  const moved = found?.moved ?? false;
  useEffect(() => {
    if (!moved || !recognised) return;
    // Even when the browser will not keep it, the store in use has it for this session.
    update((current) => {
      const { plans, switches, choicesFor } = findSavedChoices(current, recognised);
      return { plans, switches, choicesFor };
    });
  }, [moved, recognised, update]);
  const value = useMemo(() => (found ? { plans: found.plans, switches: found.switches } : saved), [found, saved]);
  // Found again first, so its key is the one it has in what is kept (it may be set aside only now).
  const forget = useCallback(
    (entry: HeldEntry) =>
      update((current) => {
        const { plans, switches, choicesFor } = recognised ? findSavedChoices(current, recognised) : current;
        return forgetHeld({ plans, switches, ...(choicesFor ? { choicesFor } : {}) }, entry);
      }),
    [recognised, update],
  );
  return [value, update, found?.held ?? NOTHING_HELD, forget];
}
