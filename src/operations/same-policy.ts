// Whether two policy bodies say the same thing, as the service stores them: read-only fields,
// annotations, nulls, empty lists and the order of ids make no difference.
import { comparableText, type JsonObject } from '../domain/policy-body';

const QUIET = { hideEmpty: true, sortIds: true } as const;

export function samePolicyContent(a: JsonObject, b: JsonObject): boolean {
  return comparableText(a, QUIET) === comparableText(b, QUIET);
}
