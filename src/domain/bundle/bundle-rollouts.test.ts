import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { newRolloutPlan, type RolloutPlan } from '../rollout/rollout-plan';
import { bundleText, createBundle, type BundleSections } from './bundle';
import { bundleFiles } from './folder';
import { readBundle, readBundleFolder } from './read-bundle';
import { selectFromBundle } from './select';

const policy = (id: string, displayName: string): JsonObject => ({ id, displayName, state: 'enabledForReportingButNotEnforced' });
const sections = (): BundleSections => ({
  policies: [policy('ca1', 'CA001: Require MFA'), policy('ca2', 'CA002: Other')],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
});
const origin = { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') };
const rollout: RolloutPlan = {
  ...newRolloutPlan(
    { id: 'ca1', displayName: 'CA001: Require MFA', state: 'enabled' },
    [
      { id: 'g-pilot', name: 'Pilot users', created: false },
      { id: null, name: 'Wave 2', created: true },
    ],
    new Date('2026-11-29T08:00:00Z'),
  ),
  copyId: 'copy-1',
  status: 'running',
};

describe('rollout plans in a backup', () => {
  it('are kept in both shapes, listed in the manifest, and a change after the backup is named', async () => {
    const bundle = await createBundle(sections(), [], origin, [], [rollout]);
    expect(bundle.manifest.rolloutPlans).toMatchObject({ count: 1 });
    const fromText = await readBundle(JSON.parse(bundleText(bundle)));
    expect(fromText.problems).toEqual([]);
    expect(fromText.bundle.rolloutPlans).toEqual([rollout]);
    const files = bundleFiles(bundle);
    expect(files.map((f) => f.path)).toContain('rollout-plans.json');
    const fromFolder = await readBundleFolder(files);
    expect(fromFolder.problems).toEqual([]);
    expect(fromFolder.bundle.rolloutPlans[0]!.rings.map((r) => r.group.name)).toEqual(['Pilot users', 'Wave 2']);

    const edited = JSON.parse(bundleText(bundle)) as { rolloutPlans: RolloutPlan[] };
    edited.rolloutPlans[0]!.thresholds.maxBlockedPercent = 90;
    expect((await readBundle(edited)).problems).toEqual(['The rollout plans were changed after the backup was taken, or are missing.']);
    const unlisted = JSON.parse(bundleText(await createBundle(sections(), [], origin))) as Record<string, unknown>;
    unlisted.rolloutPlans = [rollout];
    expect((await readBundle(unlisted)).problems).toEqual(['The rollout plans are not in the manifest.']);
  });

  it('leave no file nor manifest entry when there are none, and go with their policy in a selection', async () => {
    const none = await createBundle(sections(), [], origin);
    expect(none.manifest.rolloutPlans).toBeUndefined();
    expect(bundleFiles(none).map((f) => f.path)).not.toContain('rollout-plans.json');
    const bundle = await createBundle(sections(), [], origin, [], [rollout]);
    expect((await selectFromBundle(bundle, ['CA1'])).rolloutPlans).toEqual([rollout]);
    expect((await selectFromBundle(bundle, ['ca2'])).rolloutPlans).toEqual([]);
  });
});
