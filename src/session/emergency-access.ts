// The tenant's emergency-access ("break glass") accounts and groups, named by the admin in
// Settings and kept on this device per tenant; the lock-out guard checks every save against them.
import { useCallback, useSyncExternalStore } from 'react';
import type { EmergencyAccess } from '../domain/lockout';

const key = (tenantId: string) => `gatehouse.emergency-access.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, EmergencyAccess>();
const empty: EmergencyAccess = { users: [], groups: [] };

function read(tenantId: string): EmergencyAccess {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = empty;
  try {
    const raw = localStorage.getItem(key(tenantId));
    if (raw) value = JSON.parse(raw) as EmergencyAccess;
  } catch {
    // An unreadable setting is treated as not set.
  }
  cache.set(tenantId, value);
  return value;
}

/** The setting and its setter, which says whether the browser kept it (storage can be full or blocked). */
export function useEmergencyAccess(tenantId: string): [EmergencyAccess, (next: EmergencyAccess) => boolean] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const set = useCallback(
    (next: EmergencyAccess) => {
      let kept = true;
      try {
        localStorage.setItem(key(tenantId), JSON.stringify(next));
      } catch {
        // Still used for this session, but the admin is told it was not kept.
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
