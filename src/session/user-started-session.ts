// What the admin started and waits on goes ahead of the screens' queued reads in the tenant's pacer.
import type { TenantSession } from './tenant-session';

/**
 * The session for a write (with its conflict read and read-back) or a read the admin waits on (a revert's): its
 * paced requests go ahead of the background ones queued, on the same pacer, so the tenant gets them no faster.
 */
export function userStartedSession(tenant: TenantSession): TenantSession {
  const client = tenant.client.userStarted();
  return { ...tenant, client, context: { ...tenant.context, client } };
}
