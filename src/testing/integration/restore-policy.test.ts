// Restoring as the admin asks, over the emulator: named locations first, then the policy, then
// report-only; a report-only step that keeps failing leaves the policy restored and says so.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { listDeletedPolicies } from '../../graph/deleted-items';
import { getPolicy } from '../../graph/policies';
import { REPORT_ONLY } from '../../domain/types';
import { memoryContext } from '../../operations/memory-stores';
import { restorePolicy } from '../../operations/restore-policy';
import { graphOverEmulator } from '../graph-over-emulator';

describe('restorePolicy', () => {
  it('restores a policy that was On in report-only, and reports each step', async () => {
    const { client } = graphOverEmulator();
    const wasOn = (await listDeletedPolicies(client)).find((p) => p.state === 'enabled')!;
    const steps: string[] = [];
    const outcome = await restorePolicy(memoryContext(client, CONTOSO_TENANT_ID), {
      id: wasOn.id!,
      reportOnly: true,
      onProgress: (s) => steps.push(s),
    });
    expect(outcome).toMatchObject({ kind: 'restored', policy: { id: wasOn.id, state: REPORT_ONLY } });
    expect(steps).toEqual(['Restoring the policy…', 'Setting it to report-only…']);
    expect((await getPolicy(client, wasOn.id!)).state).toBe(REPORT_ONLY);
  });

  it('says the policy is back but not in report-only when setting the state keeps failing', async () => {
    const { client, emulator } = graphOverEmulator();
    const wasOn = (await listDeletedPolicies(client)).find((p) => p.state === 'enabled')!;
    emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'PATCH /beta/identity/conditionalAccess/policies', fault: 503, times: 4 }] });
    const outcome = await restorePolicy(memoryContext(client, CONTOSO_TENANT_ID), { id: wasOn.id!, reportOnly: true });
    expect(outcome).toMatchObject({ kind: 'stateNotSet', policy: { id: wasOn.id, state: 'enabled' } });
  });
});
