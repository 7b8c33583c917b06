// The legacy MFA trusted IPs of the tenant (per-user MFA service settings), which count as trusted
// locations in Conditional Access ('AllTrusted') but which Graph does not serve: the admin says them
// in Settings, or says there are none. Kept on this device per tenant; null until said.
import { useCallback, useSyncExternalStore } from 'react';

const key = (tenantId: string) => `gatehouse.mfa-trusted-ips.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, string[] | null>();

function read(tenantId: string): string[] | null {
  if (cache.has(tenantId)) return cache.get(tenantId)!;
  let value: string[] | null = null;
  try {
    const raw = localStorage.getItem(key(tenantId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed)) value = parsed.filter((v): v is string => typeof v === 'string');
  } catch {
    // Unreadable: not said.
  }
  cache.set(tenantId, value);
  return value;
}

/** The ranges (an empty list: none), or null when not said; the setter says whether the browser kept them. */
export function useMfaTrustedIps(tenantId: string): [string[] | null, (next: string[] | null) => boolean] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const set = useCallback(
    (next: string[] | null) => {
      let kept = true;
      try {
        if (next === null) localStorage.removeItem(key(tenantId));
        else localStorage.setItem(key(tenantId), JSON.stringify(next));
      } catch {
        kept = false;
      }
      cache.set(tenantId, next);
      listeners.forEach((listener) => listener());
      return kept;
    },
    [tenantId],
  );
  return [value, set];
}
