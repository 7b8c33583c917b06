// Security defaults: while they are on, no Conditional Access policy can be turned on (report-only
// works either way), so the pages that write policies say so. Read with Policy.Read.All.
import type { GraphClient } from './client';

export async function readSecurityDefaults(client: GraphClient, signal?: AbortSignal): Promise<{ isEnabled: boolean }> {
  const policy = await client.get<{ isEnabled?: boolean }>('/v1.0/policies/identitySecurityDefaultsEnforcementPolicy?$select=isEnabled', {
    signal,
  });
  return { isEnabled: policy.isEnabled === true };
}
