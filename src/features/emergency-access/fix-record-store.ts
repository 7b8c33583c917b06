// The last emergency-access fix written to a tenant, kept on this device: which ids each policy
// gained, so that one action can take exactly those out again. Saved when the run starts (a run
// cut short still wrote some), cleared when its revert starts.
import { useCallback, useSyncExternalStore } from 'react';
import type { EmergencyFixRecord } from '../../domain/emergency/fix';

const key = (tenantId: string) => `gatehouse.emergency-fix.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, EmergencyFixRecord | null>();

function read(tenantId: string): EmergencyFixRecord | null {
  if (cache.has(tenantId)) return cache.get(tenantId)!;
  let value: EmergencyFixRecord | null = null;
  try {
    const raw = localStorage.getItem(key(tenantId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as EmergencyFixRecord).policies))
      value = parsed as EmergencyFixRecord;
  } catch {
    // An unreadable record offers no revert rather than a wrong one.
  }
  cache.set(tenantId, value);
  return value;
}

export function useFixRecord(tenantId: string): [EmergencyFixRecord | null, (next: EmergencyFixRecord | null) => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const set = useCallback(
    (next: EmergencyFixRecord | null) => {
      try {
        if (next) localStorage.setItem(key(tenantId), JSON.stringify(next));
        else localStorage.removeItem(key(tenantId));
      } catch {
        // Kept for this session only; the page still offers the revert until it is closed.
      }
      cache.set(tenantId, next);
      listeners.forEach((listener) => listener());
    },
    [tenantId],
  );
  return [value, set];
}
