// A create whose answer is lost over the emulator, when the policy is not found after every wait:
// it is not posted again from the same click; the next click, given what the first knew, looks and
// creates exactly one.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { listPolicies } from '../../graph/policies';
import type { JsonObject } from '../../domain/policy-body';
import { createPolicySafely, CreateOutcomeUnknown, type CreateAttempt } from '../../operations/create-policy';
import { graphOverEmulator } from '../graph-over-emulator';

const NAME = 'Require MFA for suppliers';
const newPolicy = (): JsonObject => ({
  displayName: NAME,
  state: 'enabledForReportingButNotEnforced',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

describe('a create answered 503 or dropped before the service saw it', () => {
  it('is not posted again by the same click; the next click looks, then creates exactly one', async () => {
    for (const fault of [503, 'drop'] as const) {
      const { client, emulator, roundTrips } = graphOverEmulator();
      emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'POST /beta/identity/conditionalAccess/policies', fault, times: 1 }] });
      let kept: CreateAttempt | null = null;
      const refused: string[] = [];
      const first = createPolicySafely(client, newPolicy(), { onAttempt: (a) => (kept = a), onRefused: () => refused.push('refused') });
      await expect(first).rejects.toBeInstanceOf(CreateOutcomeUnknown);
      await expect(first).rejects.toThrow(/It may still have been created: trying again looks for it first/);
      expect(roundTrips.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(refused).toEqual([]);

      const again = await createPolicySafely(client, newPolicy(), { earlier: kept });
      expect(again).toMatchObject({ recovered: false, byEarlierAttempt: false, duplicates: [] });
      expect((await listPolicies(client)).filter((p) => p.displayName === NAME)).toHaveLength(1);
    }
  });
});
