// What the save review sends its worker: the impact request with the sign-in log as the pages' bytes,
// posted a page a task and parsed in the worker. Posted as objects, a few thousand sign-ins (each with
// every policy's result) would be copied on the page's thread in one go, a pause of most of a second.
import type { ImpactRequest } from '../../domain/evaluation/impact-of-draft';
import { signInsOfPages, type SignInLogPages } from '../../graph/sign-ins';
import { postWithPages, type PageSink } from '../../shared/worker-pages';

/** The request as the page holds it: the log as read. */
export type ImpactJob = Omit<ImpactRequest, 'signIns'> & { signInLog: Pick<SignInLogPages, 'pages' | 'count'> };
/** As the worker receives it, the pages apart. */
export type PostedJob = Omit<ImpactRequest, 'signIns'> & { signInCount: number };

export function postImpactJob(worker: PageSink, { signInLog, ...rest }: ImpactJob, stopped: () => boolean): Promise<void> {
  return postWithPages<PostedJob>(worker, signInLog.pages, { ...rest, signInCount: signInLog.count }, stopped);
}

/** The request the job stands for, its sign-ins parsed (in the worker). */
export function requestOfJob({ signInCount, ...rest }: PostedJob, pages: ArrayBuffer[]): ImpactRequest {
  return { ...rest, signIns: signInsOfPages({ pages, count: signInCount }) };
}
