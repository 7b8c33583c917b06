// Creating a policy so that one click leaves one policy. Before writing, the ids already in the
// tenant are noted. If the answer is lost, the tenant is searched for a new policy with the same
// name and content, again after each wait (a new policy shows late); it is never posted again from
// here: not found, the outcome is reported unknown and the next attempt looks first. After the
// write, the same search reveals a duplicate that appeared anyway (Chromium resends a POST whose
// connection was reset), so it can be reported and deleted in one click. The policy returned is the one read back from the tenant.
//
// An attempt that failed after its POST may still have created the policy, and the look that would
// have said so may have failed too (the network still down, the token expired). What that attempt
// knew (the ids before its POST, and what it sent) is handed to `onAttempt` before the POST, so the
// screen keeps it with the draft; the next attempt, given it as `earlier`, first looks for a policy
// that is not in THAT snapshot with the name and content of what any unknown attempt sent or of the
// draft now (edited since, it would not match the first), and if one is there says so instead of
// posting again.
import { WRITE_SCOPES } from '../auth/scopes';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { createPolicy, listPolicies } from '../graph/policies';
import { toWritableBody, type JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { outcomeUnknown } from './lost-answer';
import { lookAfterWaits } from './settle';
import { samePolicyContent } from './same-policy';
import { policyJson } from '../domain/json';

export interface CreateOutcome {
  policy: ConditionalAccessPolicy;
  /** The answer was lost and the policy was found in the tenant rather than created again. */
  recovered: boolean;
  /** Found as made by an earlier attempt whose outcome was unknown: nothing was written this time. */
  byEarlierAttempt: boolean;
  /** With byEarlierAttempt: what was found is what an earlier attempt sent, not the body given now (edited since). */
  differsFromBody?: boolean;
  /** Identical policies that appeared with it, newest last: candidates for deletion. */
  duplicates: ConditionalAccessPolicy[];
  /** Created, but the search for duplicates failed (Graph did not answer it): `duplicates` is empty for want of a look. */
  duplicatesUnchecked?: boolean;
}

/**
 * The POST's answer was lost and the policy did not show in the tenant after every wait: it may still have been
 * made. Nothing is sent again; the attempt kept (see onAttempt) makes the next one look before it posts.
 */
export class CreateOutcomeUnknown extends Error {
  readonly name = 'CreateOutcomeUnknown';
  constructor(readonly cause: GraphRequestError) {
    super(
      `Microsoft Graph's answer to the create was lost (${cause.status === 0 ? 'the connection failed' : `it answered ${cause.status}`}), ` +
        'and the policy had not appeared in the tenant after waiting. It may still have been created: trying again looks for it first, ' +
        'and creates it only if it is not there.',
    );
  }
}

/** What an attempt knew before its POST: the ids then in the tenant, when it began, and the bodies sent since. */
export interface CreateAttempt {
  existing: string[];
  at: string;
  /** What each attempt whose outcome is unknown sent (the draft may have been edited between them). */
  sent?: JsonObject[];
}

export interface CreateOptions {
  /** An earlier attempt at this create whose outcome is unknown (it failed after its POST). */
  earlier?: CreateAttempt | null;
  /** Told, just before the POST, what this attempt knows: to be kept until it is known to have succeeded. */
  onAttempt?(attempt: CreateAttempt): void;
  /**
   * Told when Graph refused the POST itself (4xx but 429: nothing was made), so the attempt kept can be forgotten:
   * kept, it would later take someone else's identical policy for its own. Not told when an earlier attempt's
   * outcome is unknown: this refusal says nothing of what that one may have made.
   */
  onRefused?(): void;
}

const byCreation = (a: ConditionalAccessPolicy, b: ConditionalAccessPolicy) =>
  (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || (a.id ?? '').localeCompare(b.id ?? '');

export async function createPolicySafely(client: GraphClient, draft: JsonObject, options: CreateOptions = {}): Promise<CreateOutcome> {
  // As Graph takes it: no read-only fields, and no client apps (or []) written as ['all'], which Graph refuses otherwise.
  const body = toWritableBody(draft);
  /** Policies a create of `sent` may have made: not among `existing`, same name, same content. */
  const madeSince = (policies: ConditionalAccessPolicy[], existing: Set<string | undefined>, sent: JsonObject = body) =>
    policies
      .filter((p) => !existing.has(p.id) && p.displayName === sent.displayName && samePolicyContent(policyJson(p), sent))
      .sort(byCreation);

  const now = await listPolicies(client);
  const { earlier } = options;
  if (earlier) {
    const before = new Set<string | undefined>(earlier.existing);
    for (const sent of [body, ...[...(earlier.sent ?? [])].reverse()]) {
      const [first, ...others] = madeSince(now, before, sent);
      if (first) return { policy: first, recovered: true, byEarlierAttempt: true, differsFromBody: sent !== body, duplicates: others };
    }
  }
  // With an earlier attempt not (yet) seen in the tenant, its snapshot stays the reference: should its
  // policy appear late, it is reported as a duplicate rather than taken for an older one.
  const existing = new Set<string | undefined>(earlier?.existing ?? now.map((p) => p.id));
  const attempt: CreateAttempt = {
    existing: [...existing].filter((id): id is string => !!id),
    at: earlier?.at ?? new Date().toISOString(),
    sent: [...(earlier?.sent ?? []), body],
  };
  const ours = async () => madeSince(await listPolicies(client), existing);
  options.onAttempt?.(attempt);

  let recovered = false;
  let created: ConditionalAccessPolicy;
  try {
    created = await createPolicy(client, body, WRITE_SCOPES);
  } catch (error) {
    if (!outcomeUnknown(error)) {
      // Refused: this POST made nothing. A throttled one says nothing of the content, and an earlier attempt
      // whose outcome is unknown may still have made the policy: what is kept for those is not forgotten.
      if (isRefusal(error) && !earlier) options.onRefused?.();
      throw error;
    }
    // The POST may have been applied: never sent again from here. A new policy shows late, so look, wait, look again.
    const [first] = await lookAfterWaits(client, ours);
    if (!first) throw new CreateOutcomeUnknown(error);
    recovered = true;
    created = first;
  }
  // The policy exists: a failure of this last search must not say otherwise.
  const found = await ours().catch(() => null);
  return {
    policy: found?.find((p) => p.id === created.id) ?? created,
    recovered,
    byEarlierAttempt: false,
    duplicates: found?.filter((p) => p.id !== created.id) ?? [],
    ...(found ? {} : { duplicatesUnchecked: true }),
  };
}

const isRefusal = (error: unknown) =>
  error instanceof GraphRequestError && error.status >= 400 && error.status < 500 && error.status !== 429;
