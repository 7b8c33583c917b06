// Drafts are kept on this device as they are typed, per account (so per tenant) and policy: a
// reload, a crash, an expired sign-in or a failed save loses nothing.

export interface Draft {
  text: string;
  /** The policy as it was when the draft began, and its modifiedDateTime: the base for conflicts. */
  baseText: string;
  baseModified: string | null;
  updatedAt: string;
  /** Why the draft exists when it was not typed, e.g. "Reverting to the version of 12 Nov". */
  origin?: string;
}

const key = (accountKey: string, policyId: string) => `gatehouse.draft.${accountKey}.${policyId}`;

export const draftStore = {
  load(accountKey: string, policyId: string): Draft | null {
    try {
      const raw = localStorage.getItem(key(accountKey, policyId));
      return raw ? (JSON.parse(raw) as Draft) : null;
    } catch {
      return null;
    }
  },
  save(accountKey: string, policyId: string, draft: Draft): boolean {
    try {
      localStorage.setItem(key(accountKey, policyId), JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  },
  clear(accountKey: string, policyId: string) {
    localStorage.removeItem(key(accountKey, policyId));
  },
  /**
   * Told when another tab or window of this device saves or clears this draft (the browser's storage
   * event, which never fires in the tab that wrote): the draft returned is the other tab's, null when cleared.
   */
  watch(accountKey: string, policyId: string, onChange: (draft: Draft | null) => void): () => void {
    const name = key(accountKey, policyId);
    const listener = (event: StorageEvent) => {
      if (event.storageArea !== localStorage || (event.key !== name && event.key !== null)) return;
      onChange(draftStore.load(accountKey, policyId));
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
  /** Every draft of the account, by policy id (what-if offers them). */
  list(accountKey: string): { policyId: string; draft: Draft }[] {
    const prefix = key(accountKey, '');
    const found: { policyId: string; draft: Draft }[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const name = localStorage.key(i);
        if (!name?.startsWith(prefix)) continue;
        const draft = draftStore.load(accountKey, name.slice(prefix.length));
        if (draft && typeof draft.text === 'string') found.push({ policyId: name.slice(prefix.length), draft });
      }
    } catch {
      // Storage unreadable: no drafts to offer.
    }
    return found.sort((a, b) => b.draft.updatedAt.localeCompare(a.draft.updatedAt));
  },
};
