/**
 * Runs `work` when the browser is next idle, and at the latest after `timeout` ms. Where there is
 * no idle callback (Safari, Node), after `fallbackMs` instead. Returns what cancels it.
 */
export function whenIdle(
  work: (deadline?: IdleDeadline) => void,
  { timeout, fallbackMs = 0 }: { timeout: number; fallbackMs?: number },
): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, fallbackMs);
  return () => clearTimeout(timer);
}
