// What the admin typed and has not finished with, kept per signed-in account for this browser tab: switching
// account mounts the page afresh for the other one, and coming back brings the typing back instead of losing
// it; another account (of another tenant, or another admin of the same one) never gets it. In sessionStorage
// (a reload keeps it), and in memory when the browser refuses it.

export interface TabDrafts<T> {
  /** What was kept under this key (the account's), or null when nothing is (or what is kept cannot be read). */
  read(owner: string): T | null;
  /** Keeps it under this key; null forgets it. */
  keep(owner: string, value: T | null): void;
}

/**
 * `prefix` starts the key (the owner follows after a dot); `parse` reads the kept JSON back, null when it cannot.
 * `fromText` reads what an older version stored as raw text rather than JSON (only where it did).
 */
export function tabDrafts<T>(prefix: string, parse: (raw: unknown) => T | null, fromText?: (text: string) => T | null): TabDrafts<T> {
  const key = (owner: string) => `${prefix}.${owner}`;
  const inMemory = new Map<string, T>();
  const readKept = (kept: string): T | null => {
    try {
      const value = parse(JSON.parse(kept));
      if (value !== null) return value;
    } catch {
      // Not JSON: raw text written by an older version, where there was one.
    }
    return fromText ? fromText(kept) : null;
  };
  return {
    read(owner) {
      try {
        const kept = sessionStorage.getItem(key(owner));
        if (kept !== null) return readKept(kept) ?? inMemory.get(owner) ?? null;
      } catch {
        // Storage blocked: what this page kept in memory, if anything.
      }
      return inMemory.get(owner) ?? null;
    },
    keep(owner, value) {
      if (value === null) inMemory.delete(owner);
      else inMemory.set(owner, value);
      try {
        if (value === null) sessionStorage.removeItem(key(owner));
        else sessionStorage.setItem(key(owner), JSON.stringify(value));
      } catch {
        // Refused (full or blocked): the copy in memory still serves a switch of account within this page,
        // once an older copy in storage is out of its way.
        try {
          sessionStorage.removeItem(key(owner));
        } catch {
          // Blocked altogether: storage holds nothing to read over the copy in memory.
        }
      }
    },
  };
}
