// What a screen reader hears when a notice stays in place: a second file refused the same way, a
// second report opened, names masked on a tick. A live region is read when its words change or new
// words are put in it, and Fluent's message bars are said only when they appear; each of these was
// shown but left unsaid.
import { bundleText } from '../src/domain/bundle/bundle';
import { testBundle } from '../src/domain/documentation/test-bundle';
import { failedTenant, tenantsReport } from '../src/domain/tenants/report';
import { expect, test } from './support/fixtures';
import { listenToWhatIsSaid } from './support/said';

test('All-tenant report: the same refusal of a second file is said again, and so is a second report opened', async ({ page }) => {
  const { times } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/tenants-report');
  const input = page.getByLabel('Report file (.json)');
  const garbage = { name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('garbage{ ') };
  const refusal = /garbage\.json is not valid JSON/;
  await input.setInputFiles(garbage);
  await expect(page.getByText(refusal)).toBeVisible();
  await expect.poll(() => times(refusal)).toBe(1);
  // Chosen again (the admin fixed nothing, or chose the wrong one twice): the same words, said again.
  await input.setInputFiles(garbage);
  await expect.poll(() => times(refusal)).toBe(2);

  const report = tenantsReport([failedTenant('6b1c2d3e-0000-4000-8000-000000000003', 'Woodgrove', 'AADSTS7000215')], new Date());
  const file = { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) };
  const summary = /^report\.json, generated .*: 1 tenants\.$/;
  await input.setInputFiles(file);
  await expect(page.getByText(summary)).toBeVisible();
  await expect.poll(() => times(summary)).toBe(1);
  // The same report opened again (a new run's file under the same name) is said, not left standing.
  await input.setInputFiles(file);
  await expect.poll(() => times(summary)).toBe(2);
});

test('Documentation from a file: reading is said, and ticking Mask names says what it rewrites', async ({ page }) => {
  const { times } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/documentation');
  const input = page.getByLabel('Backup file (.json, or .zip of a backup folder)');
  await input.setInputFiles({ name: 'contoso.json', mimeType: 'application/json', buffer: Buffer.from(bundleText(await testBundle())) });
  await expect(page.getByText('Backup of', { exact: false })).toBeVisible();
  // The spinner's words are put in a live region, not only drawn beside the button.
  expect(await times(/^Reading contoso\.json…$/)).toBeGreaterThan(0);

  const rewritten = /policy names? of \d+ held a masked name|No policy name holds a masked name/;
  expect(await times(rewritten)).toBe(0);
  await page.getByRole('checkbox', { name: 'Mask names' }).check();
  await expect(page.getByText(rewritten)).toBeVisible();
  // The list appears away from the checkbox the admin is on: its count is said.
  await expect.poll(() => times(rewritten)).toBe(1);
});
