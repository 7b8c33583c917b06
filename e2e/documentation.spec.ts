// Documentation of a tenant's Conditional Access, from the tenant just backed up and from a backup
// file with no one signed in: printable HTML, Markdown and the policy grid as CSV, names masked on
// request. The files are read as a user would: the policy they look for, its exclusion, no group
// name left when masked.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { createBundle, bundleText } from '../src/domain/bundle/bundle';
import { bundleFiles } from '../src/domain/bundle/folder';
import { buildDocument } from '../src/domain/documentation/document-model';
import { renderHtml } from '../src/domain/documentation/render-html';
import { testBundle, testSections } from '../src/domain/documentation/test-bundle';
import { writeZip } from '../src/shared/zip';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

const text = async (download: Download) => readFileSync(await download.path(), 'utf8');
const save = async (page: Page, group: string, button: RegExp) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: group }).getByRole('button', { name: button }).click(),
  ]);
  return download;
};
/** One policy's card in the HTML document, and the names its exclusion lines show. */
const card = (html: string, name: string) => {
  const found = new RegExp(`<article[^>]*>\\s*<h3[^>]*>${name}[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
  const excluded = [...found.matchAll(/<div class="line exclusion">([\s\S]*?)<\/div>/g)].flatMap((m) =>
    [...m[1]!.matchAll(/<li[^>]*>([^<]*)/g)].map((li) => li[1]!.trim()),
  );
  return { found, excluded };
};

test('documents the tenant just backed up as HTML, Markdown and CSV, and masks names consistently', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Backup').click();
  await expect(page.getByText('Back up this tenant (above) to document it as it is now.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByText('Backup ready')).toBeVisible();
  const group = 'Documentation of Contoso';

  const htmlFile = await save(page, group, /HTML/);
  expect(htmlFile.suggestedFilename()).toMatch(/^conditional-access-contoso-\d{4}-\d\d-\d\d\.html$/);
  const html = await text(htmlFile);
  expect(html).toContain('<title>Conditional Access: Contoso</title>');
  expect(html).not.toMatch(/<script|https?:\/\//);
  const ca001 = card(html, 'CA001: Require MFA for all users');
  expect(ca001.found).toContain('<span class="state on">On</span>');
  expect(ca001.excluded).toContain('CA - Emergency access accounts');

  const markdown = await text(await save(page, group, /Markdown/));
  expect(markdown).toContain('### CA001: Require MFA for all users');
  expect(markdown).toMatch(/- ⚠ \*\*Exclude:\*\* \*\*.*CA - Emergency access accounts \([0-9a-f-]{36}\)/);

  const csvFile = await save(page, group, /CSV/);
  expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await text(csvFile);
  expect(csv.split('\r\n')[0]).toBe('\uFEFFName,Id,State,Users,Target resources,Conditions,Grant,Session,Last modified');
  expect(csv).toMatch(
    /\r\nCA001: Require MFA for all users,[0-9a-f-]{36},On,"Include: All users\nExclude: [^"]*CA - Emergency access accounts/,
  );

  // Masked: the break-glass group has one pseudonym in every policy that excludes it, and its name is gone.
  await expect(
    page.getByText('Policy names are kept, with masked names and the tenant’s name replaced inside them', { exact: false }),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'Mask names' }).check();
  // The page lists the policy names masking rewrites, before anything is shared.
  await expect(page.getByText(/^3 policy names of \d+ held a masked name or the tenant’s name, replaced in the documents:$/)).toBeVisible();
  const rewritten = page.getByRole('list', { name: 'Policy names rewritten' });
  await expect(rewritten.getByRole('listitem')).toHaveCount(3);
  await expect(rewritten.getByRole('listitem').filter({ hasText: /^EM01 .*\[1\/2\] - App [A-Z]+: Require MFA/ })).toContainText(
    'was “EM01 - ENABLE IN EMERGENCY: Compliance service disruption [1/2] - Contoso Expenses: Require MFA',
  );
  const maskedFile = await save(page, group, /HTML/);
  expect(maskedFile.suggestedFilename()).toMatch(/^conditional-access-masked-/);
  const masked = await text(maskedFile);
  expect(masked).not.toContain('CA - Emergency access accounts');
  // Nor the tenant's name, nor its app's, in the policy names that held them.
  expect(masked).not.toMatch(/contoso/i);
  expect(masked).toContain('(3 policy names rewritten).');
  const em01 = /<h3[^>]*>EM01 [^<]*\[1\/2\] - (App [A-Z]+): Require MFA instead of a compliant device<\/h3>[\s\S]*?<\/article>/.exec(
    masked,
  );
  expect(em01).not.toBeNull();
  // The pseudonym in the name is the one the card gives the app.
  expect(em01![0]).toMatch(new RegExp(`aria-label="Target resources">[\\s\\S]*?<li>${em01![1]}</li>`));
  const pseudonym = card(masked, 'CA001: Require MFA for all users').excluded.find((n) => /^Group [A-Z]+$/.test(n));
  expect(pseudonym).toBeDefined();
  expect(card(masked, 'CA002: Block legacy authentication').excluded).toEqual([pseudonym]);
  expect(await text(await save(page, group, /Markdown/))).not.toContain('Emergency access');
});

async function contosoLikeBundle() {
  const breakGlass = '6efb3763-47a1-4c00-afdb-11b1593d50a6';
  const finance = '0c1b2a39-8d7e-4f60-9a1b-2c3d4e5f6a7b';
  return createBundle(
    {
      policies: [
        {
          id: '486dc6ed-ac73-4f1f-afea-c6ebbdb08fa0',
          displayName: 'Finance: require MFA',
          state: 'enabledForReportingButNotEnforced',
          conditions: {
            users: { includeGroups: [finance], excludeGroups: [breakGlass] },
            applications: { includeApplications: ['All'] },
          },
          grantControls: { operator: 'OR', builtInControls: ['mfa'] },
        },
      ],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    [
      { kind: 'group', id: breakGlass, displayName: 'Break-glass accounts', mail: null, exists: true },
      { kind: 'group', id: finance, displayName: 'Finance team', mail: null, exists: true },
    ],
    { tenantId: 'a1f78ab5-8319-4d65-ae23-f30402a22fc2', tenantName: 'Fabrikam', capturedAt: new Date('2026-11-30T12:00:00Z') },
  );
}

test('makes documentation from a backup file with no one signed in', async ({ page }) => {
  const bundle = await contosoLikeBundle();
  await page.goto('/');
  await page.getByRole('link', { name: 'Make documentation from a backup file' }).click();
  await expect(page).toHaveURL(/\/documentation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation from a backup file' })).toBeVisible();
  await expect(
    page.getByText('Policy names are kept, with masked names and the tenant’s name replaced inside them', { exact: false }),
  ).toBeVisible();
  const input = page.getByLabel('Backup file (.json, or .zip of a backup folder)');

  // A policy file is not a backup: the error names the file.
  await input.setInputFiles({
    name: 'one-policy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bundle.policies[0])),
  });
  await expect(page.getByText('“one-policy.json”: it holds policies, not a Gatehouse backup.', { exact: false })).toBeVisible();

  await input.setInputFiles({ name: 'fabrikam.json', mimeType: 'application/json', buffer: Buffer.from(bundleText(bundle)) });
  await expect(page.getByText('Backup of Fabrikam', { exact: false })).toBeVisible();
  const html = await text(await save(page, 'Documentation of fabrikam.json', /HTML/));
  const policy = card(html, 'Finance: require MFA');
  expect(policy.found).toContain('<span class="state report-only">Report-only</span>');
  expect(policy.excluded).toEqual(['Break-glass accounts']);

  // The folder form, zipped, reads the same; masked, the groups are pseudonyms.
  const zip = writeZip(bundleFiles(bundle).map((f) => ({ path: `fabrikam/${f.path}`, bytes: new TextEncoder().encode(f.text) })));
  await input.setInputFiles({ name: 'fabrikam.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByRole('checkbox', { name: 'Mask names' }).check();
  await expect(page.getByText('No policy name holds a masked name or the tenant’s name: it is kept as written.')).toBeVisible();
  const markdown = await text(await save(page, 'Documentation of fabrikam.zip', /Markdown/));
  expect(markdown).toContain('### Finance: require MFA');
  expect(markdown).toContain('- Include: Group A');
  expect(markdown).toContain('- ⚠ **Exclude:** **Group B**');
  expect(markdown).not.toMatch(/Break-glass|Finance team|Fabrikam/);

  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page.getByText('Try the demo tenant')).toBeVisible();
});

const utf16Policy = resolve(
  process.cwd(),
  '../shared/corpus/j0eyv-baseline/Config/ConditionalAccess/CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA.json',
);

test('a refused file is named in plain words and the backup read before stays documented', async ({ page }) => {
  test.skip(!existsSync(utf16Policy), 'needs ../shared/corpus (present in CI)');
  const bundle = await contosoLikeBundle();
  await page.goto('/');
  await page.getByRole('link', { name: 'Make documentation from a backup file' }).click();
  const input = page.getByLabel('Backup file (.json, or .zip of a backup folder)');
  await input.setInputFiles({ name: 'fabrikam.json', mimeType: 'application/json', buffer: Buffer.from(bundleText(bundle)) });
  await expect(page.getByText('Backup of Fabrikam', { exact: false })).toBeVisible();
  const documents = page.getByRole('group', { name: 'Documentation of fabrikam.json' });
  await expect(documents.getByRole('button', { name: /HTML/ })).toBeVisible();

  // A policy a PowerShell tool exported, in UTF-16: read, and named for what it is.
  await input.setInputFiles(utf16Policy);
  await expect(
    page.getByText(/it holds policies, not a Gatehouse backup\. .*The documentation below is still of “fabrikam\.json”\./),
  ).toBeVisible();
  await expect(page.getByText(/Unexpected token/)).toHaveCount(0);
  // The earlier backup is kept, named, and can still be documented.
  await expect(page.getByText('Backup of Fabrikam', { exact: false })).toBeVisible();
  await expect(documents.getByRole('button', { name: /Markdown/ })).toBeVisible();
  expect(await text(await save(page, 'Documentation of fabrikam.json', /Markdown/))).toContain('### Finance: require MFA');

  // Broken JSON: where it breaks, in the words Compare and Import use.
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "manifest": {,\n}') });
  await expect(page.getByText('“broken.json” is not valid JSON: a value expected at line 2, column 16.', { exact: false })).toBeVisible();
  await expect(page.getByText(/Expected double-quoted property name/)).toHaveCount(0);

  // A picture renamed .json: named for what it is, no garbage shown.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await input.setInputFiles({ name: 'picture.json', mimeType: 'application/json', buffer: png });
  await expect(page.getByText('“picture.json” looks like an image (PNG), not a JSON export.', { exact: false })).toBeVisible();
  await expect(page.getByText(/IHDR/)).toHaveCount(0);
  await expect(documents.getByRole('button', { name: /CSV/ })).toBeVisible();
});

// Documentation is a part of the Backup page, but an admin looks for it by its name: the main
// navigation has it, below Backup, and takes the keyboard's focus to its title.
test('Documentation is reached from the main navigation', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows.first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const documentation = nav.getByRole('link', { name: 'Documentation', exact: true });
  await documentation.click();
  const title = page.getByRole('heading', { level: 2, name: 'Documentation' });
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  await expect(documentation).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('group', { name: /^Documentation of/ }).or(page.getByText('Back up this tenant (above)'))).toBeVisible();

  // Backup's own entry from there goes back to the page's top.
  await section(page, 'Backup').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeFocused();
  await expect(section(page, 'Backup')).toHaveAttribute('aria-current', 'page');
  await documentation.click();
  await expect(title).toBeFocused();
});

// A policy's name may be one unbroken word of 200 characters (an export tool's, a paste): the
// printable document wraps it where it is listed and titled instead of scrolling sideways.
test('the printable document wraps a 200-character name at a desktop and a phone width', async ({ page }) => {
  const sections = testSections();
  sections.policies[0] = { ...sections.policies[0]!, displayName: 'N'.repeat(200) };
  const html = renderHtml(buildDocument(await testBundle(sections)));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html);
    await expect(page.getByRole('heading', { name: 'N'.repeat(200) })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
});
