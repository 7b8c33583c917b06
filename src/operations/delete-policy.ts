// Deleting a policy keeps the version it removes on this device first, so there is something to
// compare and re-create from even where the audit log cannot be read.
import type { ConditionalAccessPolicy } from '../domain/types';
import { keepVersion, type OperationContext } from './ports';
import { deletePolicySafely } from './restore-deleted';

export async function deletePolicyKeepingVersion(
  context: OperationContext,
  policy: ConditionalAccessPolicy & { id: string },
): Promise<void> {
  await keepVersion(context, policy.id, 'before delete', policy);
  await deletePolicySafely(context.client, policy.id);
}
