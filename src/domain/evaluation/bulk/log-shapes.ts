// The sign-in log read once (readLog), then shaped for the policies at hand (shapesFor): a draft that
// names another user or group reshapes the same entries without reading them again.
import type { EvaluationContext } from '../sign-in';
import { fromSignInLog, newLogMemo, type DirectoryFacts, type LoggedSignIn } from './from-sign-in-log';
import { relevanceOf, ShapeBuilder, type ShapeSet } from './shapes';

export interface ReadLog {
  signIns: LoggedSignIn[];
  /** What the entries could not tell, with how many entries each. */
  notKnown: Map<string, number>;
}

export function readLog(entries: Iterable<unknown>, directory?: DirectoryFacts, tenantId?: string): ReadLog {
  const signIns: LoggedSignIn[] = [];
  const notKnown = new Map<string, number>();
  const memo = newLogMemo();
  for (const entry of entries) {
    const read = fromSignInLog(entry, directory, tenantId, memo);
    signIns.push(read);
    for (const what of read.notKnown) notKnown.set(what, (notKnown.get(what) ?? 0) + 1);
  }
  return { signIns, notKnown };
}

/** The shapes of the sign-ins as the given policies (every one to be evaluated, the draft too) tell them apart. */
export function shapesFor(log: ReadLog, policies: readonly unknown[], context: EvaluationContext = {}, samples?: number): ShapeSet {
  const builder = new ShapeBuilder(context, samples, relevanceOf(policies));
  for (const signIn of log.signIns) builder.add(signIn);
  return { shapes: builder.shapes, signIns: builder.signIns, groupSizes: builder.groupSizes };
}
