// Writes whose answer may be lost. A dropped connection or a 5xx does not say whether Graph applied
// the write, and the browser may even have sent it twice. So before a retry or an error, look at
// the tenant: if the write is there, carry on from it; if not, retry where the failure was transient,
// with the same bounded backoff as reads; otherwise report the original error.
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';

/** What a look at the tenant found: the write is there (with what to carry on from), or it is not. */
export type Looked<T> = { applied: true; value: T } | { applied: false };

export const applied = <T>(value: T): Looked<T> => ({ applied: true, value });
export const notApplied: Looked<never> = { applied: false };

/** No answer, or a server error: the write may or may not have happened. */
export function outcomeUnknown(error: unknown): error is GraphRequestError {
  return error instanceof GraphRequestError && (error.status === 0 || error.status >= 500);
}

export const isNotFound = (error: unknown): error is GraphRequestError => error instanceof GraphRequestError && error.status === 404;

export async function writeSafely<T>(
  client: GraphClient,
  steps: {
    write(): Promise<T>;
    /** Reads the tenant to find out whether the write happened. */
    look(error: GraphRequestError): Promise<Looked<T>>;
    /**
     * Other failures that may hide an applied write, e.g. a 404 to a second restore that the
     * browser resent after the first one succeeded.
     */
    alsoLookAfter?(error: GraphRequestError): boolean;
  },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await steps.write();
    } catch (error) {
      const uncertain = outcomeUnknown(error);
      if (!(error instanceof GraphRequestError) || !(uncertain || steps.alsoLookAfter?.(error))) throw error;
      const found = await steps.look(error);
      if (found.applied) return found.value;
      if (!uncertain || attempt >= client.retries) throw error;
      await client.backoff(attempt, error);
    }
  }
}
