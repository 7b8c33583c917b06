// A backup's contingency plans and lint suppressions are kept on a device, not in the tenant: the
// import names them with where each is restored, for the one-file form and for the folder form,
// whose contingency-plans.json is part of the backup rather than a file set aside.
import { describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../bundle/bundle';
import { bundleFiles } from '../bundle/folder';
import type { ContingencyPlan } from '../contingency/contingency-plan';
import type { ImportFile } from './import-set';
import { readImport } from './read-import';

const file = (path: string, text: string): ImportFile => ({ path, bytes: new TextEncoder().encode(text) });
const plan: ContingencyPlan = {
  id: 'mfa-disruption',
  disruption: 'MFA Disruption',
  enable: [{ policyId: 'em1', name: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1] - Require compliant device', position: 1, of: 1 }],
  suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: 'disabled' }],
  exclusions: [],
};
const make = () =>
  createBundle(
    {
      policies: [{ id: 'ca1', displayName: 'CA001: Require MFA', state: 'enabled', conditions: {} }],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
    [plan],
    [],
    [
      { ruleId: 'report-only-too-long', policyId: 'ca1', reason: 'Piloting', at: '2026-11-01T00:00:00Z' },
      { ruleId: 'no-mfa-for-admins', reason: 'Handled by PIM', at: '2026-11-01T00:00:00Z' },
    ],
  );

describe('readImport with a backup holding what is kept on a device', () => {
  it('names the contingency plans and suppressions of a one-file backup, with where each is restored', async () => {
    const set = await readImport([file('backup.json', bundleText(await make()))]);
    expect(set.files[0]!.message).toBe(
      '1 policy. Every item is as the manifest says. ' +
        'Contingency plans (1): restored from Contingency › Restore plans from a backup…, not by this import. ' +
        'Lint suppressions (2): restored from Lint › Restore suppressions from a backup…, not by this import.',
    );
    expect(set.deviceParts).toEqual({ contingencyPlans: 1, rolloutPlans: 0, lintSuppressions: 2 });
  });

  it('reads contingency-plans.json of a zipped folder as part of the backup, saying what it is, not as a file set aside', async () => {
    const files = bundleFiles(await make()).map((f) => file(`backup.zip/${f.path}`, f.text));
    const set = await readImport(files);
    expect(set.files.find((f) => f.path === 'backup.zip/contingency-plans.json')).toEqual({
      path: 'backup.zip/contingency-plans.json',
      status: 'read',
      format: 'gatehouse-bundle',
      message: 'Contingency plans (1): restored from Contingency › Restore plans from a backup…, not by this import.',
    });
    expect(set.files.find((f) => f.path === 'backup.zip/lint-suppressions.json')).toMatchObject({ status: 'read' });
    // Read with the rest, the plans are as the manifest says rather than "missing".
    expect(set.files.find((f) => f.path === 'backup.zip/manifest.json')!.message).toContain('Every item is as the manifest says.');
    expect(set.deviceParts).toEqual({ contingencyPlans: 1, rolloutPlans: 0, lintSuppressions: 2 });
  });
});
