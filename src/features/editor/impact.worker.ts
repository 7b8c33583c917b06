// Evaluates a draft over the sign-ins off the page's main thread: tens of thousands of sign-ins
// would otherwise freeze the review while they are parsed, read into shapes and evaluated.
import { impactOfDraft } from '../../domain/evaluation/impact-of-draft';
import { requestOfJob, type ImpactJob } from './impact-job';

self.onmessage = (event: MessageEvent<ImpactJob>) => {
  try {
    const started = performance.now();
    const answer = impactOfDraft(requestOfJob(event.data));
    self.postMessage({ ok: true, answer, milliseconds: performance.now() - started });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
