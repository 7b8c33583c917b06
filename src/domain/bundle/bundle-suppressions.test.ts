import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { LintSuppression } from '../lint/types';
import { bundleText, createBundle, withLintSuppressions, type BundleSections } from './bundle';
import { bundleFiles } from './folder';
import { readBundle, readBundleFolder } from './read-bundle';
import { selectFromBundle } from './select';

const policy = (id: string, displayName: string): JsonObject => ({ id, displayName, state: 'disabled' });
const sections = (): BundleSections => ({
  policies: [policy('ca1', 'CA001: Require MFA'), policy('ca2', 'CA002: Other')],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
});
const origin = { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') };
const onCa1: LintSuppression = {
  ruleId: 'stale-report-only-or-off',
  policyId: 'ca1',
  reason: 'Kept Off as the pilot’s record',
  by: 'Ada Lindqvist',
  at: '2026-11-30T10:00:00.000Z',
};
const tenantWide: LintSuppression = { ruleId: 'coverage-guests-mfa', reason: 'No guests in this tenant', at: '2026-11-30T10:00:00.000Z' };

describe('lint suppressions in a backup', () => {
  it('are added to a backup read from the tenant, listed in the manifest, and read back from both shapes', async () => {
    const bundle = await withLintSuppressions(await createBundle(sections(), [], origin), [onCa1, tenantWide]);
    expect(bundle.manifest.lintSuppressions).toMatchObject({ count: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const fromText = await readBundle(JSON.parse(bundleText(bundle)));
    expect(fromText.problems).toEqual([]);
    expect(fromText.bundle.lintSuppressions).toEqual([onCa1, tenantWide]);
    const files = bundleFiles(bundle);
    expect(files.map((f) => f.path)).toContain('lint-suppressions.json');
    const fromFolder = await readBundleFolder(files);
    expect(fromFolder.problems).toEqual([]);
    expect(fromFolder.bundle.lintSuppressions).toEqual([onCa1, tenantWide]);
  });

  it('name a change after the backup, an unlisted list and an entry without its reason', async () => {
    const bundle = await createBundle(sections(), [], origin, [], [], [onCa1]);
    const edited = JSON.parse(bundleText(bundle)) as { lintSuppressions: LintSuppression[] };
    edited.lintSuppressions[0]!.reason = 'Something else';
    expect((await readBundle(edited)).problems).toEqual(['The lint suppressions were changed after the backup was taken, or are missing.']);

    const unlisted = JSON.parse(bundleText(await createBundle(sections(), [], origin))) as Record<string, unknown>;
    unlisted.lintSuppressions = [onCa1];
    expect((await readBundle(unlisted)).problems).toEqual([
      'The lint suppressions are not in the manifest (added by hand, as suppressions kept in git are): they apply, and the next gatehouse backup into this folder lists them.',
    ]);

    const reasonless = JSON.parse(bundleText(await createBundle(sections(), [], origin))) as Record<string, unknown>;
    reasonless.lintSuppressions = [{ ruleId: 'x', at: '2026-11-30T10:00:00Z' }];
    const read = await readBundle(reasonless);
    expect(read.bundle.lintSuppressions).toEqual([]);
    expect(read.problems).toEqual(["The backup's lint suppressions, suppression 1: 'reason' is missing. They are left out."]);
  });

  it('leave no file nor manifest entry when there are none, and go with their policy in a selection', async () => {
    const none = await withLintSuppressions(await createBundle(sections(), [], origin, [], [], [onCa1]), []);
    expect(none.manifest.lintSuppressions).toBeUndefined();
    expect(bundleFiles(none).map((f) => f.path)).not.toContain('lint-suppressions.json');
    const bundle = await createBundle(sections(), [], origin, [], [], [onCa1, tenantWide]);
    expect((await selectFromBundle(bundle, ['CA1'])).lintSuppressions).toEqual([onCa1, tenantWide]);
    expect((await selectFromBundle(bundle, ['ca2'])).lintSuppressions).toEqual([tenantWide]);
  });
});
