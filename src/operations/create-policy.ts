// Creating a policy so that one click leaves one policy. Before writing, the ids already in the
// tenant are noted. If the answer is lost, the tenant is searched for a new policy with the same
// name and content before anything is retried. After the write, the same search reveals a
// duplicate that appeared anyway (Chromium resends a POST whose connection was reset), so it can
// be reported and deleted in one click. The policy returned is the one read back from the tenant.
//
// An attempt that failed after its POST may still have created the policy, and the look that would
// have said so may have failed too (the network still down, the token expired). What that attempt
// knew (the ids before its POST) is handed to `onAttempt` before the POST, so the screen keeps it
// with the draft; the next attempt, given it as `earlier`, first looks for a policy that is not in
// THAT snapshot with the same name and content, and if one is there says so instead of posting again.
import { WRITE_SCOPES } from '../auth/scopes';
import type { GraphClient } from '../graph/client';
import { createPolicy, listPolicies } from '../graph/policies';
import type { JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { applied, notApplied, writeSafely } from './lost-answer';
import { samePolicyContent } from './same-policy';
import { policyJson } from '../domain/json';

export interface CreateOutcome {
  policy: ConditionalAccessPolicy;
  /** The answer was lost and the policy was found in the tenant rather than created again. */
  recovered: boolean;
  /** Found as made by an earlier attempt whose outcome was unknown: nothing was written this time. */
  byEarlierAttempt: boolean;
  /** Identical policies that appeared with it, newest last: candidates for deletion. */
  duplicates: ConditionalAccessPolicy[];
}

/** What an attempt knew before its POST: the ids then in the tenant, and when it began. */
export interface CreateAttempt {
  existing: string[];
  at: string;
}

export interface CreateOptions {
  /** An earlier attempt at this create whose outcome is unknown (it failed after its POST). */
  earlier?: CreateAttempt | null;
  /** Told, just before the POST, what this attempt knows: to be kept until it is known to have succeeded. */
  onAttempt?(attempt: CreateAttempt): void;
}

const byCreation = (a: ConditionalAccessPolicy, b: ConditionalAccessPolicy) =>
  (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || (a.id ?? '').localeCompare(b.id ?? '');

export async function createPolicySafely(client: GraphClient, body: JsonObject, options: CreateOptions = {}): Promise<CreateOutcome> {
  const name = body.displayName;
  /** Policies a create may have made: not among `existing`, same name, same content. */
  const madeSince = (policies: ConditionalAccessPolicy[], existing: Set<string | undefined>) =>
    policies.filter((p) => !existing.has(p.id) && p.displayName === name && samePolicyContent(policyJson(p), body)).sort(byCreation);

  const now = await listPolicies(client);
  const { earlier } = options;
  if (earlier) {
    const [first, ...others] = madeSince(now, new Set(earlier.existing));
    if (first) return { policy: first, recovered: true, byEarlierAttempt: true, duplicates: others };
  }
  // With an earlier attempt not (yet) seen in the tenant, its snapshot stays the reference: should its
  // policy appear late, it is reported as a duplicate rather than taken for an older one.
  const attempt = earlier ?? { existing: now.map((p) => p.id).filter((id): id is string => !!id), at: new Date().toISOString() };
  const existing = new Set<string | undefined>(attempt.existing);
  const ours = async () => madeSince(await listPolicies(client), existing);
  options.onAttempt?.(attempt);

  let recovered = false;
  const created = await writeSafely(client, {
    write: () => createPolicy(client, body, WRITE_SCOPES),
    look: async () => {
      const [first] = await ours();
      if (!first) return notApplied;
      recovered = true;
      return applied(first);
    },
  });
  const found = await ours();
  return {
    policy: found.find((p) => p.id === created.id) ?? created,
    recovered,
    byEarlierAttempt: false,
    duplicates: found.filter((p) => p.id !== created.id),
  };
}
