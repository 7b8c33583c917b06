// The new-policy draft kept on this device, shared by the page and its editor.
import { draftStore } from '../../policy-ui/draft-store';
import { createAttempts } from './create-attempts';

/** The draft store's key for the policy not yet created. */
export const NEW = 'new';

/** The name in a draft's text, when it has one. */
export function nameInDraft(text: string | undefined): string | null {
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    const name = typeof value === 'object' && value !== null ? (value as { displayName?: unknown }).displayName : null;
    return typeof name === 'string' && name.trim() ? name : null;
  } catch {
    return null;
  }
}

/** The new-policy draft on this device and what an attempt to create it knew: both go together. */
export function discardNewDraft(accountKey: string) {
  draftStore.clear(accountKey, NEW);
  createAttempts.clear(accountKey);
}
