// The legacy MFA trusted IPs of the tenant (per-user MFA service settings), which count as trusted
// locations in Conditional Access ('AllTrusted') but which Graph does not serve: the admin says them
// in Settings, or says there are none. Kept on this device per tenant; null until said.
import { deviceStore, useDeviceValue } from './stores/device-store';

const store = deviceStore<string[] | null>({
  prefix: 'gatehouse.mfa-trusted-ips',
  // Unreadable: not said.
  empty: null,
  parse: (raw) => (Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : null),
});

/** The ranges (an empty list: none), or null when not said; the setter says whether the browser kept them. */
export function useMfaTrustedIps(tenantId: string): [string[] | null, (next: string[] | null) => boolean] {
  return useDeviceValue(store, tenantId);
}
