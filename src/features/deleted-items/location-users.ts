// Who uses a deleted named location, in words: the tenant's policies (with their state) and deleted ones.
// Said by the restore confirmation and by the permanent delete's warning.
import { stateLabels } from '../../domain/labels';
import { isolatedText } from '../../shared/ui/isolated-text';

/** A policy that refers to a deleted location: in the tenant (live), or itself deleted. */
export interface LocationUser {
  name: string;
  state: string | undefined;
  inTenant: boolean;
}

/**
 * Whether the tenant's policies were read: until they are, which of them use a location is not known, and
 * the confirmation must not say that none does. A failure says why, with Try again (the list read again).
 */
export type TenantPolicies =
  { status: 'read' } | { status: 'loading' } | { status: 'failed'; reason: string; retrying: boolean; onRetry(): void };

export const describeUser = (user: LocationUser) =>
  user.inTenant
    ? `${isolatedText(user.name)} (in the tenant, ${stateLabels[user.state ?? ''] ?? user.state ?? 'state unknown'})`
    : `${isolatedText(user.name)} (deleted)`;

/** What purging the location does to the tenant's policies that still refer to it (or that it is not known, before they are read). */
export function purgeWarning(users: LocationUser[], tenantPolicies: TenantPolicies): string | undefined {
  if (tenantPolicies.status !== 'read')
    return `Whether a policy in the tenant still refers to it is not known: the tenant's policies ${tenantPolicies.status === 'loading' ? 'are still being read' : `could not be read: ${tenantPolicies.reason}`}. Once it is gone for good, what such a policy says of this location cannot be brought back.`;
  const live = users.filter((u) => u.inTenant);
  if (live.length === 0) return undefined;
  const names = live.map(describeUser).join(', ');
  return `${live.length === 1 ? 'A policy in the tenant still refers' : `${live.length} policies in the tenant still refer`} to it: ${names}. Once it is gone for good, what they say of this location cannot be brought back: restore it instead, or change ${live.length === 1 ? 'that policy' : 'them'} first.`;
}
