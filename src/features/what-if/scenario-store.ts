// The what-if scenarios kept on this device, per tenant (they name its users and apps by id).
import { useCallback, useSyncExternalStore } from 'react';
import { readScenarios, type Scenario } from '../../domain/evaluation/scenario';

const key = (tenantId: string) => `gatehouse.what-if.${tenantId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, Scenario[]>();
const NONE: Scenario[] = [];

function read(tenantId: string): Scenario[] {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let value = NONE;
  try {
    const raw = localStorage.getItem(key(tenantId));
    // Kept in the file's own shape, so that what this version cannot read is left out, not fatal.
    if (raw) value = readScenarios(JSON.parse(raw), () => crypto.randomUUID()).scenarios;
  } catch {
    value = NONE;
  }
  cache.set(tenantId, value);
  return value;
}

/** The saved scenarios, and a setter that says whether the browser kept them. */
export function useScenarios(tenantId: string): [Scenario[], (next: Scenario[]) => boolean] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(tenantId),
  );
  const set = useCallback(
    (next: Scenario[]) => {
      cache.set(tenantId, next);
      let kept = true;
      try {
        localStorage.setItem(key(tenantId), JSON.stringify({ format: 'gatehouse.what-if-scenarios', version: 1, scenarios: next }));
      } catch {
        kept = false;
      }
      listeners.forEach((listener) => listener());
      return kept;
    },
    [tenantId],
  );
  return [value, set];
}
