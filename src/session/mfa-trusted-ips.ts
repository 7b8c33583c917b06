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

// What the admin typed in the ranges box and has not saved, per tenant, for this tab: switching account or
// tenant remounts the Settings card, and coming back brings the typing back instead of losing it. In
// sessionStorage (a reload keeps it), and in memory when the browser refuses it.
const DRAFT_PREFIX = 'gatehouse.mfa-trusted-ips-draft.';
const draftsInMemory = new Map<string, string>();

/** The unsaved text of the ranges box for this tenant, or null when there is none. */
export function readMfaTrustedIpsDraft(tenantId: string): string | null {
  try {
    const kept = sessionStorage.getItem(DRAFT_PREFIX + tenantId);
    if (kept !== null) return kept;
  } catch {
    // Storage blocked: what this page kept in memory, if anything.
  }
  return draftsInMemory.get(tenantId) ?? null;
}

/** Keeps the unsaved text of the ranges box for this tenant; null once nothing is unsaved. */
export function keepMfaTrustedIpsDraft(tenantId: string, text: string | null): void {
  if (text === null) draftsInMemory.delete(tenantId);
  else draftsInMemory.set(tenantId, text);
  try {
    if (text === null) sessionStorage.removeItem(DRAFT_PREFIX + tenantId);
    else sessionStorage.setItem(DRAFT_PREFIX + tenantId, text);
  } catch {
    // Refused (full or blocked): the copy in memory still serves a switch of account within this page.
  }
}
