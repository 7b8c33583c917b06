// What the admin typed and has not finished with, kept per tenant for this browser tab: switching account
// or tenant mounts the page afresh for the other tenant, and coming back brings the typing back instead of
// losing it; another tenant never gets it. In sessionStorage (a reload keeps it), and in memory when the
// browser refuses it.

export interface TabDrafts<T> {
  /** What was kept for this tenant, or null when nothing is (or what is kept cannot be read). */
  read(tenantId: string): T | null;
  /** Keeps it for this tenant; null forgets it. */
  keep(tenantId: string, value: T | null): void;
}

/** `prefix` starts the key (the tenant id follows after a dot); `parse` reads the kept JSON back, null when it cannot. */
export function tabDrafts<T>(prefix: string, parse: (raw: unknown) => T | null): TabDrafts<T> {
  const key = (tenantId: string) => `${prefix}.${tenantId}`;
  const inMemory = new Map<string, T>();
  return {
    read(tenantId) {
      try {
        const kept = sessionStorage.getItem(key(tenantId));
        if (kept !== null) return parse(JSON.parse(kept)) ?? inMemory.get(tenantId) ?? null;
      } catch {
        // Storage blocked, or what it holds is not JSON: what this page kept in memory, if anything.
      }
      return inMemory.get(tenantId) ?? null;
    },
    keep(tenantId, value) {
      if (value === null) inMemory.delete(tenantId);
      else inMemory.set(tenantId, value);
      try {
        if (value === null) sessionStorage.removeItem(key(tenantId));
        else sessionStorage.setItem(key(tenantId), JSON.stringify(value));
      } catch {
        // Refused (full or blocked): the copy in memory still serves a switch of account within this page,
        // once an older copy in storage is out of its way.
        try {
          sessionStorage.removeItem(key(tenantId));
        } catch {
          // Blocked altogether: storage holds nothing to read over the copy in memory.
        }
      }
    },
  };
}
