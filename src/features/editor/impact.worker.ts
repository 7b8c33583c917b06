// Evaluates a draft over the sign-ins off the page's main thread: tens of thousands of sign-ins
// would otherwise freeze the review while they are read into shapes and evaluated.
import { impactOfDraft, type ImpactRequest } from '../../domain/evaluation/impact-of-draft';

self.onmessage = (event: MessageEvent<ImpactRequest>) => {
  try {
    const started = performance.now();
    const answer = impactOfDraft(event.data);
    self.postMessage({ ok: true, answer, milliseconds: performance.now() - started });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
