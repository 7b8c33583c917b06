// Which policy in a file is policy A's counterpart: the one with A's id, else the first with its name
// (trimmed, in any case, as matchPolicySets pairs them). An id match anywhere in the file beats an
// earlier policy that only shares the name; with neither, there is none (the admin chooses).
import type { JsonObject } from '../../domain/policy-body';
import { sameId } from '../../domain/ids';

const normalName = (policy: JsonObject | null | undefined) =>
  typeof policy?.displayName === 'string' ? policy.displayName.trim().toLowerCase() : '';

/** The index of A's counterpart in the file's policies, or -1 when none has its id or name. */
export function counterpartInFile(
  policies: readonly { id: string | null; policy: JsonObject }[],
  id: string | null,
  before: JsonObject | null,
): number {
  const byId = id ? policies.findIndex((p) => p.id !== null && sameId(p.id, id)) : -1;
  if (byId >= 0) return byId;
  const name = normalName(before);
  return name ? policies.findIndex((p) => normalName(p.policy) === name) : -1;
}
