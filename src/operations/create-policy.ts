// Creating a policy so that one click leaves one policy. Before writing, the ids already in the
// tenant are noted. If the answer is lost, the tenant is searched for a new policy with the same
// name and content before anything is retried. After the write, the same search reveals a
// duplicate that appeared anyway (Chromium resends a POST whose connection was reset), so it can
// be reported and deleted in one click. The policy returned is the one read back from the tenant.
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
  /** Identical policies that appeared with it, newest last: candidates for deletion. */
  duplicates: ConditionalAccessPolicy[];
}

const byCreation = (a: ConditionalAccessPolicy, b: ConditionalAccessPolicy) =>
  (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || (a.id ?? '').localeCompare(b.id ?? '');

export async function createPolicySafely(client: GraphClient, body: JsonObject): Promise<CreateOutcome> {
  const existing = new Set((await listPolicies(client)).map((p) => p.id));
  const name = body.displayName;
  /** Policies this create may have made: new since it began, same name, same content. */
  const ours = async () =>
    (await listPolicies(client))
      .filter((p) => !existing.has(p.id) && p.displayName === name && samePolicyContent(policyJson(p), body))
      .sort(byCreation);

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
    duplicates: found.filter((p) => p.id !== created.id),
  };
}
