// Evaluates a draft over the sign-ins off the page's main thread: tens of thousands of sign-ins
// would otherwise freeze the review while they are parsed, read into shapes and evaluated.
import { impactOfDraft } from '../../domain/evaluation/impact-of-draft';
import { receiveWithPages } from '../../shared/worker-pages';
import { requestOfJob, type PostedJob } from './impact-job';

self.onmessage = receiveWithPages<PostedJob>((job, pages) => {
  try {
    const started = performance.now();
    const answer = impactOfDraft(requestOfJob(job, pages));
    self.postMessage({ ok: true, answer, milliseconds: performance.now() - started });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
