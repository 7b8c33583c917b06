// The accounts whose write Graph refused with 403 during this tab's life (a reload asks again):
// fed by every Graph round trip of an account, read by useWriteAccess.
import { requestKind } from '../graph/request-kind';

const refused = new Set<string>();
const listeners = new Set<() => void>();

export function subscribeToRefusals(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const wasWriteRefused = (accountKey: string) => refused.has(accountKey);

// Only a refused change to Conditional Access says the account cannot change policies. Reads that
// travel by POST (What if's evaluate, $batch, getByIds) are about reading; a refusal elsewhere (the
// tenant forbids creating groups) says nothing about policies. The same sorting as the error's words.
const isPolicyWrite = (method: string, url: string) => requestKind(method, url) === 'conditional-access-write';

/** A 403 on a write to Conditional Access means this account cannot change policies. */
export function observeWriteAnswer(accountKey: string, info: { method: string; url: string; status: number }) {
  if (info.status !== 403 || !isPolicyWrite(info.method, info.url) || refused.has(accountKey)) return;
  refused.add(accountKey);
  listeners.forEach((listener) => listener());
}
