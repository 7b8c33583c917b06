// Saving a draft without hurting anyone: read the policy again first; if it changed since the draft
// began, stop and hand back both versions; otherwise PATCH only what changed (whole collections),
// then read the policy back, so what is shown is what the tenant now holds.
import { WRITE_SCOPES } from '../../../auth/scopes';
import { applyPatch, buildPatch, type JsonObject } from '../../../graph/policy-body';
import { getPolicy, updatePolicy } from '../../../graph/policies';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import type { GraphClient } from '../../../graph/client';

export type SaveOutcome =
  | { kind: 'saved'; policy: ConditionalAccessPolicy }
  | { kind: 'unchanged' }
  | { kind: 'conflict'; current: ConditionalAccessPolicy };

export async function saveDraft(
  client: GraphClient,
  id: string,
  draft: JsonObject,
  baseModified: string | null,
  /** Keeps the version about to be replaced (the local history), before anything is written. */
  keepPrevious: (current: JsonObject) => Promise<void>,
): Promise<SaveOutcome> {
  const current = (await getPolicy(client, id)) as unknown as JsonObject;
  if ((current.modifiedDateTime ?? null) !== baseModified) return { kind: 'conflict', current: current as ConditionalAccessPolicy };
  const patch = buildPatch(current, draft);
  if (Object.keys(patch).length === 0) return { kind: 'unchanged' };
  await keepPrevious(current);
  await updatePolicy(client, id, patch, WRITE_SCOPES);
  return { kind: 'saved', policy: await getPolicy(client, id) };
}

/** "Keep my changes on top of theirs": my edits since the base, applied to the current version. */
export function rebaseDraft(base: JsonObject, draft: JsonObject, current: JsonObject): JsonObject {
  return applyPatch(current, buildPatch(base, draft));
}
