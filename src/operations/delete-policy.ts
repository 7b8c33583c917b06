// Deleting a policy keeps the version it removes on this device first, so there is something to
// compare and re-create from even where the audit log cannot be read.
import { getPolicy } from '../graph/policies';
import type { ConditionalAccessPolicy } from '../domain/types';
import { keepOnceBefore, type OperationContext } from './ports';
import { deletePolicySafely } from './restore-deleted';
import { isNotFound, outcomeUnknown } from './lost-answer';

/**
 * The policy is read from the tenant first and that read is the version kept: the one on the screen may
 * be a placeholder from the list or older than a colleague's change, and keeping it would lose theirs.
 * Already gone (a retry after a lost answer, a colleague's delete), there is nothing to keep or delete:
 * the deletion is done, as deletePolicySafely counts a 404.
 */
export async function deletePolicyKeepingVersion(
  context: OperationContext,
  policy: Pick<ConditionalAccessPolicy, 'id'> & { id: string },
): Promise<void> {
  const current = await getPolicy(context.client, policy.id).catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error)));
  if (!current) return;
  // Kept before the DELETE is sent (once: a delete tried again over the same version finds it kept), so that a page
  // closed while it is on its way still has it; a store that refuses stops the delete, which would leave nothing to
  // re-create from here.
  const kept = await keepOnceBefore(context, policy.id, 'before delete', current);
  // Looked for after a lost answer: the policy may be deleted, and its version stays kept.
  let mayBeDeleted = false;
  await deletePolicySafely(context.client, policy.id, () => {
    mayBeDeleted = true;
  }).catch(async (error: unknown) => {
    // Refused (or never sent): nothing was removed, so History does not show a delete that did not happen.
    if (!mayBeDeleted && !outcomeUnknown(error) && kept) await context.versions.forget(kept).catch(() => {});
    throw error;
  });
}
