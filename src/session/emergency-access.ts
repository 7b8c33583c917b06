// The tenant's emergency-access ("break glass") accounts and groups, named by the admin in
// Settings and kept on this device per tenant; the lock-out guard checks every save against them.
import type { EmergencyAccess } from '../domain/lockout';
import { deviceStore, useDeviceValue } from './stores/device-store';

const store = deviceStore<EmergencyAccess>({
  prefix: 'gatehouse.emergency-access',
  // An unreadable setting is treated as not set.
  empty: { users: [], groups: [] },
  parse: (raw) => raw as EmergencyAccess,
});

/** The setting and its setter, which says whether the browser kept it (storage can be full or blocked). */
export function useEmergencyAccess(tenantId: string): [EmergencyAccess, (next: EmergencyAccess) => boolean] {
  return useDeviceValue(store, tenantId);
}
