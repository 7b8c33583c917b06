// The last emergency-access fix written to a tenant, kept on this device: which ids each policy
// gained, so that one action can take exactly those out again. Saved when the run starts (a run
// cut short still wrote some), cleared when its revert ends with every write done; a fix made before then adds to it.
import type { EmergencyFixRecord } from '../../domain/emergency/fix';
import { deviceStore, useDeviceValue } from '../../session/stores/device-store';

const store = deviceStore<EmergencyFixRecord | null>({
  prefix: 'gatehouse.emergency-fix',
  // An unreadable record offers no revert rather than a wrong one.
  empty: null,
  parse: (raw) =>
    raw && typeof raw === 'object' && Array.isArray((raw as EmergencyFixRecord).policies) ? (raw as EmergencyFixRecord) : null,
});

// A record the browser would not keep is still there for this session: the page offers the revert until it is closed.
/** The record and its setter; null clears it. */
export function useFixRecord(tenantId: string): [EmergencyFixRecord | null, (next: EmergencyFixRecord | null) => void] {
  return useDeviceValue(store, tenantId);
}
