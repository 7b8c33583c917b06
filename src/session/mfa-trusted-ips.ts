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

// What the admin typed in the ranges box and has not saved, per signed-in account, for this tab: switching account
// remounts the Settings card, and coming back brings the typing back instead of losing it; another admin signed in
// to the same tenant in this tab does not get it. Before, it was kept per tenant, as raw text (then as JSON).
const drafts = tabDrafts<string>(
  'gatehouse.mfa-trusted-ips-draft',
  (raw) => (typeof raw === 'string' ? raw : null),
  (text) => text,
);

/** The unsaved text of the ranges box for this account, or null when there is none. */
export function readMfaTrustedIpsDraft(accountKey: string, tenantId: string): string | null {
  const own = drafts.read(accountKey);
  if (own !== null) return own;
  // Typed before an upgrade, when it was kept per tenant (account keys are never a bare tenant id): taken over
  // once by the account that opens the card, and no longer kept for the tenant.
  const older = drafts.read(tenantId);
  if (older === null) return null;
  drafts.keep(accountKey, older);
  drafts.keep(tenantId, null);
  return older;
}

/** Keeps the unsaved text of the ranges box for this account; null once nothing is unsaved. */
export const keepMfaTrustedIpsDraft = (accountKey: string, text: string | null): void => drafts.keep(accountKey, text);
