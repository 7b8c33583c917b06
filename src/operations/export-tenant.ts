// A backup of a tenant's Conditional Access: the policies as read from beta, what they use, and the
// directory objects they name, made into a bundle with its manifest. Reads only, two round trips
// for most tenants (the policies, then one $batch), paced like every Conditional Access read.
import { createBundle, type Bundle } from '../domain/bundle/bundle';
import { policyJson } from '../domain/json';
import { readForBackup } from '../graph/backup-reads';
import { listPolicies } from '../graph/policies';
import type { OperationContext } from './ports';

export async function exportTenant(
  context: Pick<OperationContext, 'client' | 'scope' | 'clock'>,
  tenantName: string | null,
  onProgress: (step: string) => void = () => {},
): Promise<Bundle> {
  onProgress('Reading the policies…');
  const policies = await listPolicies(context.client);
  onProgress('Reading named locations, authentication strengths and contexts, terms of use and the objects the policies name…');
  const reads = await readForBackup(context.client, policies);
  const { references, ...sections } = reads;
  return createBundle({ ...sections, policies: policies.map(policyJson) }, references, {
    tenantId: context.scope,
    tenantName,
    capturedAt: context.clock.now(),
  });
}
