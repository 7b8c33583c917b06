// Runs the lint catalogue off the page's main thread: over 195 policies it takes 50–110 ms, a long
// task that would land just as the list's names appear, while an admin may be typing a search.
// One worker answers every run the page asks for, each by its number (lint-off-thread.ts).
import { lintTenant } from '../domain/lint/catalogue';
import type { LintAnswer, LintRequest } from './lint-off-thread';

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, input } = event.data;
  let answer: LintAnswer;
  try {
    answer = { id, ok: true, findings: lintTenant(input) };
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
