// What the save review sends its worker: the impact request with the sign-in log as the pages' bytes,
// parsed in the worker. Posted as objects, a few thousand sign-ins (each with every policy's result)
// would be copied on the page's thread, a pause of most of a second, longer at 195 policies.
import type { ImpactRequest } from '../../domain/evaluation/impact-of-draft';
import { signInsOfPages, type SignInLogPages } from '../../graph/sign-ins';

export type ImpactJob = Omit<ImpactRequest, 'signIns'> & { signInLog: Pick<SignInLogPages, 'pages' | 'count'> };

/** The request the job stands for, its sign-ins parsed (in the worker). */
export function requestOfJob({ signInLog, ...rest }: ImpactJob): ImpactRequest {
  return { ...rest, signIns: signInsOfPages(signInLog) };
}
