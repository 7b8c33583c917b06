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
};
