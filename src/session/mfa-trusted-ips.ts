// The legacy MFA trusted IPs of the tenant (per-user MFA service settings), which count as trusted
// locations in Conditional Access ('AllTrusted') but which Graph does not serve: the admin says them
// in Settings, or says there are none. Kept on this device per tenant; null until said.
import { tabDrafts } from '../shared/tab-drafts';
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

// What the admin typed in the ranges box and has not saved, per tenant, for this tab: switching account or
// tenant remounts the Settings card, and coming back brings the typing back instead of losing it.
const drafts = tabDrafts<string>('gatehouse.mfa-trusted-ips-draft', (raw) => (typeof raw === 'string' ? raw : null));

/** The unsaved text of the ranges box for this tenant, or null when there is none. */
export const readMfaTrustedIpsDraft = (tenantId: string): string | null => drafts.read(tenantId);

/** Keeps the unsaved text of the ranges box for this tenant; null once nothing is unsaved. */
export const keepMfaTrustedIpsDraft = (tenantId: string, text: string | null): void => drafts.keep(tenantId, text);
