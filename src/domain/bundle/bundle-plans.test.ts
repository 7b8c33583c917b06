import { describe, expect, it } from 'vitest';
import type { ContingencyPlan } from '../contingency/contingency-plan';
import type { JsonObject } from '../json';
import { bundleText, createBundle, type BundleSections } from './bundle';
import { bundleFiles } from './folder';
import { readBundle, readBundleFolder } from './read-bundle';
import { selectFromBundle } from './select';

const policy = (id: string, displayName: string): JsonObject => ({ id, displayName, state: 'enabledForReportingButNotEnforced' });
const sections = (): BundleSections => ({
  policies: [
    policy('em1', 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - Require compliant device'),
    policy('em2', 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - Block legacy'),
    policy('ca1', 'CA001: Require MFA'),
    policy('ca2', 'CA002: Other'),
  ],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
});
const plan: ContingencyPlan = {
  id: 'mfa-disruption',
  disruption: 'MFA Disruption',
  enable: [
    { policyId: 'em1', name: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - Require compliant device', position: 1, of: 2 },
    { policyId: 'em2', name: 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - Block legacy', position: 2, of: 2 },
  ],
  suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: 'disabled' }],
  exclusions: [{ policyId: 'em2', name: 'EM02', users: [], groups: ['break-glass'] }],
};
const origin = { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') };

describe('contingency plans in a backup', () => {
  it('are kept with their edits in both shapes, listed in the manifest, and an edit after the backup is named', async () => {
    const bundle = await createBundle(sections(), [], origin, [plan]);
    expect(bundle.manifest.contingencyPlans).toMatchObject({ count: 1 });

    const fromText = await readBundle(JSON.parse(bundleText(bundle)));
    expect(fromText.problems).toEqual([]);
    expect(fromText.bundle.contingencyPlans).toEqual([plan]);

    const files = bundleFiles(bundle);
    expect(files.map((f) => f.path)).toContain('contingency-plans.json');
    const fromFolder = await readBundleFolder(files);
    expect(fromFolder.problems).toEqual([]);
    expect(fromFolder.bundle.contingencyPlans[0]!.suspend).toEqual(plan.suspend);

    const edited = JSON.parse(bundleText(bundle)) as { contingencyPlans: ContingencyPlan[] };
    edited.contingencyPlans[0]!.suspend = [];
    expect((await readBundle(edited)).problems).toEqual(['The contingency plans were changed after the backup was taken, or are missing.']);
  });

  it('a backup without plans has no plans file and reads as none', async () => {
    const bundle = await createBundle(sections(), [], origin);
    expect(bundleFiles(bundle).map((f) => f.path)).not.toContain('contingency-plans.json');
    expect((await readBundle(JSON.parse(bundleText(bundle)))).bundle.contingencyPlans).toEqual([]);
  });

  it('a selection keeps the plans of its contingency policies, narrowed to the chosen steps', async () => {
    const bundle = await createBundle(sections(), [], origin, [plan]);
    const part = await selectFromBundle(bundle, ['em1', 'ca1']);
    expect(part.contingencyPlans).toHaveLength(1);
    expect(part.contingencyPlans[0]!.enable.map((s) => s.policyId)).toEqual(['em1']);
    expect(part.contingencyPlans[0]!.suspend.map((s) => s.policyId)).toEqual(['ca1']);
    expect(part.contingencyPlans[0]!.exclusions).toEqual([]);
    expect((await selectFromBundle(bundle, ['ca2'])).contingencyPlans).toEqual([]);
  });
});
