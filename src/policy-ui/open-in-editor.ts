// What other screens may ask of the editor: open it on a proposed version of a policy (a revert) or
// on a new policy (a re-creation, later a template), with a sentence saying where the draft came
// from; and whether a policy has unsaved changes on this device. The draft storage stays private.
import { policyJson } from '../domain/json';
import type { JsonObject } from '../domain/policy-body';
import type { ConditionalAccessPolicy } from '../domain/types';
import { paths } from '../shared/routes/paths';
import { draftStore } from './draft-store';

/** The editor could not keep the draft (storage full or blocked): nothing was opened. */
export class DraftNotKept extends Error {
  constructor() {
    super('This browser refused to keep the draft on this device (storage full or blocked), so the editor was not opened.');
  }
}

/** Unsaved changes are already on this device: another draft would replace them unseen. Nothing was opened. */
export class UnsavedDraftInTheWay extends Error {
  /** @param what the draft's subject, as a sentence starts; @param before what waits for it ("reverting it") */
  constructor(what: string, before: string) {
    super(`${what} has unsaved changes on this device. Continue editing it (or discard them) before ${before}.`);
  }
}

/**
 * The policy as Graph answered it, as the editor shows it: the response's @odata.context is not part of
 * the policy and does not belong in a draft (the read-only fields stay, shown greyed and left out on save).
 */
export function policyForEditing(policy: ConditionalAccessPolicy): JsonObject {
  const { '@odata.context': _context, ...body } = policyJson(policy);
  return body;
}

const keep = (accountKey: string, draftId: string, draft: Parameters<typeof draftStore.save>[2]) => {
  if (!draftStore.save(accountKey, draftId, draft)) throw new DraftNotKept();
};

/**
 * A draft of `proposed` on top of the policy as it is now (`current` is its base, so the review shows
 * the diff and conflicts are caught); returns the editor's address. A draft of the policy already on
 * this device is never replaced: `before` says what waits for it ("reverting it").
 */
export function openPolicyDraft(
  accountKey: string,
  policyId: string,
  current: JsonObject,
  proposed: JsonObject,
  origin: string,
  before: string,
): string {
  if (unsavedChangesSince(accountKey, policyId))
    throw new UnsavedDraftInTheWay(`“${typeof current.displayName === 'string' ? current.displayName : policyId}”`, before);
  keep(accountKey, policyId, {
    text: JSON.stringify(proposed, null, 2),
    baseText: JSON.stringify(current),
    baseModified: typeof current.modifiedDateTime === 'string' ? current.modifiedDateTime : null,
    updatedAt: new Date().toISOString(),
    origin,
  });
  return paths.editPolicy(policyId);
}

/**
 * A new policy's draft, reviewed before it is created; returns the address of the new-policy editor.
 * A new policy already being written on this device is never replaced: `before` says what waits for it.
 */
export function openNewPolicyDraft(accountKey: string, body: JsonObject, origin: string, before: string): string {
  if (unsavedChangesSince(accountKey, 'new')) throw new UnsavedDraftInTheWay('The new policy being written', before);
  keep(accountKey, 'new', {
    text: JSON.stringify(body, null, 2),
    baseText: '{}',
    baseModified: null,
    updatedAt: new Date().toISOString(),
    origin,
  });
  return paths.newPolicy();
}

/** When the policy has changes not yet saved on this device, and since when. */
export function unsavedChangesSince(accountKey: string, policyId: string): string | null {
  return draftStore.load(accountKey, policyId)?.updatedAt ?? null;
}
