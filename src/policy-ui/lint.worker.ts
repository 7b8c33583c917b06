// Runs the lint catalogue off the page's main thread: over 195 policies it takes 50–110 ms, a long
// task that would land just as the list's names appear, while an admin may be typing a search.
import { lintTenant } from '../domain/lint/catalogue';
import type { LintInput } from '../domain/lint/types';

self.onmessage = (event: MessageEvent<LintInput>) => {
  try {
    self.postMessage({ ok: true, findings: lintTenant(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
