// Journals of runs over many items, kept in localStorage per account: small, and read at once when
// the page that shows the run opens.
import type { JournalStore } from '../../operations/ports';

const key = (name: string) => `gatehouse.${name}`;

export const localStorageJournals: JournalStore = {
  load(name) {
    try {
      const raw = localStorage.getItem(key(name));
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  },
  save(name, entry) {
    localStorage.setItem(key(name), JSON.stringify(entry));
  },
  clear(name) {
    localStorage.removeItem(key(name));
  },
};
