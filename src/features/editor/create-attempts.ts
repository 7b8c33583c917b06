// What an attempt to create the new policy knew before its POST (the ids then in the tenant, and when),
// kept on this device beside the new-policy draft while the attempt's outcome is unknown: a create tried
// again, on the page or after a reload, first looks for the policy that attempt may have made.
// Its own entry, not a field of the draft: the draft is rewritten whole as it is typed. Another tab open
// on the same draft may keep an attempt after this page opened: a create reads the entry again before it
// goes, and `watch` says when another tab changed it.
import type { CreateAttempt } from '../../operations/create-policy';

const key = (accountKey: string) => `gatehouse.create-attempt.${accountKey}.new`;

const isAttempt = (value: unknown): value is CreateAttempt =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as CreateAttempt).existing) &&
  (value as CreateAttempt).existing.every((id) => typeof id === 'string') &&
  typeof (value as CreateAttempt).at === 'string' &&
  ((value as CreateAttempt).sent === undefined ||
    (Array.isArray((value as CreateAttempt).sent) &&
      (value as CreateAttempt).sent!.every((body) => typeof body === 'object' && body !== null)));

export const createAttempts = {
  load(accountKey: string): CreateAttempt | null {
    try {
      const raw = localStorage.getItem(key(accountKey));
      const value: unknown = raw ? JSON.parse(raw) : null;
      return isAttempt(value) ? value : null;
    } catch {
      return null;
    }
  },
  /** False when the browser refused (storage full or blocked): the attempt is then kept in memory only. */
  save(accountKey: string, attempt: CreateAttempt): boolean {
    try {
      localStorage.setItem(key(accountKey), JSON.stringify(attempt));
      return true;
    } catch {
      return false;
    }
  },
  /** Calls back when another tab of this browser writes or clears the entry; returns the way to stop. */
  watch(accountKey: string, onChange: () => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.key === key(accountKey) || event.key === null) onChange();
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
  clear(accountKey: string) {
    try {
      localStorage.removeItem(key(accountKey));
    } catch {
      // Storage unreadable: nothing kept to clear.
    }
  },
};
