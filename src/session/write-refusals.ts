// The accounts whose write Graph refused with 403 during this tab's life (a reload asks again):
// fed by every Graph round trip of an account, read by useWriteAccess.

const refused = new Set<string>();
const listeners = new Set<() => void>();

export function subscribeToRefusals(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const wasWriteRefused = (accountKey: string) => refused.has(accountKey);

// Reads that travel by POST are not writes: a refusal there is about reading.
const isWrite = (method: string, url: string) => method !== 'GET' && !/\/\$batch\b|\/getByIds\b/.test(url);

/** A 403 on a write means this account cannot write. */
export function observeWriteAnswer(accountKey: string, info: { method: string; url: string; status: number }) {
  if (info.status !== 403 || !isWrite(info.method, info.url) || refused.has(accountKey)) return;
  refused.add(accountKey);
  listeners.forEach((listener) => listener());
}
