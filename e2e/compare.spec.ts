// Comparing two policies: differences in words with names, a diff, and a URL that reproduces it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupPage } from './pages/backup-page';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('compares two policies in words and line by line, from a shareable URL', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: 'CA002: Block legacy authentication' }).click();

  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText('Name: CA006: Block access from outside allowed countries → CA002: Block legacy authentication');
  await expect(differences).toContainText(
    'Client apps Exchange ActiveSync clients, Other clients (legacy authentication) added; All client apps removed',
  );
  await expect(differences).toContainText("Included location 'Any network or location' removed");
  await expect(differences).toContainText("Excluded locations 'Allowed countries', 'Corporate network' removed");
  const diff = page.getByTestId('diff-viewer');
  await expect(diff).toBeVisible();
  // Names stand beside ids in the diff, and go when the admin turns them off.
  await expect(diff).toContainText('Allowed countries');
  await page.getByRole('switch', { name: 'Names beside ids' }).click();
  await expect(page.getByRole('switch', { name: 'Names beside ids' })).not.toBeChecked();
  await expect(diff).not.toContainText('Allowed countries');
  await expect(page).toHaveURL(/names=off/);
  // A sentence takes the admin to its lines, even far down a long diff (nulls and empty lists shown).
  await page.getByRole('switch', { name: 'Hide nulls, empty lists and id order' }).click();
  await expect(page).toHaveURL(/noise=show/);
  const inDiff = async (text: string) => {
    const host = await diff.boundingBox();
    const boxes = await Promise.all((await diff.getByText(text).filter({ visible: true }).all()).map((line) => line.boundingBox()));
    return boxes.some((box) => !!box && !!host && box.y >= host.y && box.y + box.height <= host.y + host.height);
  };
  await expect.poll(() => inDiff('"displayName"')).toBe(false);
  await differences.getByRole('button', { name: /^Name:/ }).click();
  await expect.poll(() => inDiff('"displayName"')).toBe(true);
  // Its lines are selected in the diff, for the keyboard that goes there, and where they are is said;
  // the focus stays on the sentence.
  await expect(diff.locator('.editor.modified .selected-text').first()).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: /^Name: .*: line \d+ of CA002: Block legacy authentication$/ })).toBeAttached();
  await expect(differences.getByRole('button', { name: /^Name:/ })).toBeFocused();

  // The comparison is in the URL: opened fresh, it shows the same.
  const url = page.url();
  expect(url).toMatch(/\/compare\?a=[0-9a-f-]{36}&b=[0-9a-f-]{36}/);
  await page.goto(url);
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText(
    'Client apps Exchange ActiveSync clients, Other clients (legacy authentication) added; All client apps removed',
  );

  await page.getByRole('switch', { name: 'Inline' }).click();
  await expect(page.getByRole('switch', { name: 'Inline' })).toBeChecked();
  await expect(page).toHaveURL(/view=inline/);
  await page.getByRole('button', { name: 'Swap A and B' }).click();
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText(
    'Client app All client apps added; Exchange ActiveSync clients, Other clients (legacy authentication) removed',
  );
});

test('compares a policy with the same policy in a file, found by its id', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  const id = page.url().split('/').pop()!;
  await page.getByRole('button', { name: 'Compare…' }).click();

  // An export with two policies, CA006 among them (renamed and off), as a UTF-16 file with a BOM.
  const exported = {
    value: [
      {
        id: 'other',
        displayName: 'Another',
        state: 'enabled',
        conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      },
    ] as object[],
  };
  exported.value.push({
    id,
    displayName: 'CA006 (exported)',
    state: 'disabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(exported), 'utf16le')]);
  await page.getByLabel('Policy file to compare with').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: utf16 });

  await expect(page.getByRole('combobox', { name: 'Policy B (right)' })).toHaveText('CA006 (exported) in export.json');
  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText('State: On → Off');
  await expect(differences).toContainText('Name: CA006: Block access from outside allowed countries → CA006 (exported)');
  await expect(page).toHaveURL(/b=file%3A1|b=file:1/);

  // A file that is not JSON is refused, and loses nothing: the comparison with the file before stays, and
  // the refusal says it does; dismissed, the comparison is as it was.
  await page
    .getByLabel('Policy file to compare with')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
  const refusal = page.getByText(
    'notes.txt could not be read: it is not valid JSON: an unexpected character at line 1, column 1. Still comparing with export.json.',
  );
  await expect(refusal).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Policy B (right)' })).toHaveText('CA006 (exported) in export.json');
  await expect(differences).toContainText('State: On → Off');
  await expect(page).toHaveURL(/b=file%3A1|b=file:1/);
  await expect(page.getByText('Choose two policies')).toHaveCount(0);
  await refusal.locator('..').getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toHaveCount(0);
  await expect(differences).toContainText('State: On → Off');
});

test('compares a policy with the same policy in the backup folder (.zip) the Backup page downloads', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  const backup = new BackupPage(page);
  await backup.backUpTenant();
  const zip = await backup.downloadFolder();

  await section(page, 'Policies').click();
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  const input = page.getByLabel('Policy file to compare with');
  await expect(input).toHaveAttribute('accept', /\.zip/);
  await input.setInputFiles(zip);

  // The backup's policies are offered, CA006 chosen as B by its id: the same policy, nothing differs.
  await expect(page.getByRole('combobox', { name: 'Policy B (right)' })).toHaveText(
    `CA006: Block access from outside allowed countries in ${zip.name}`,
  );
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await expect(page.getByRole('option', { name: `CA002: Block legacy authentication (in ${zip.name})` })).toBeVisible();
});

test('lists only real differences: nulls the service returns are none', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: /^CA011/ }).click();

  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText('Sign-in frequency: not set → every time');
  await expect(page.getByRole('heading', { name: '5 differences' })).toBeVisible();
  await expect(differences.getByRole('listitem')).toHaveCount(5);
  await expect(differences).not.toContainText('not set → not set');
});

const otherTenantsPolicy = resolve(
  process.cwd(),
  '../shared/corpus/j0eyv-baseline/Config/ConditionalAccess/CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA.json',
);

test('a policy file from another tenant that does not say whose it is: its groups are "not in this tenant", maybe never here', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  test.skip(!existsSync(otherTenantsPolicy), 'needs ../shared/corpus (present in CI)');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  // Exported by a PowerShell tool (UTF-16) from another tenant: it excludes that tenant's groups, and
  // does not record its tenant, so an id not here may have been deleted here or never been here.
  await page.getByLabel('Policy file to compare with').setInputFiles(otherTenantsPolicy);

  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText("'Not in this tenant (deleted, or never here)'");
  await expect(differences).not.toContainText('Deleted');
  // CA001's own emergency group is this tenant's and keeps its name.
  await expect(differences).toContainText('CA - Emergency access accounts');
});

const dscConfiguration = resolve(process.cwd(), '../shared/corpus/m365dsc-examples/1-Create.ps1');

test('compares a policy with one in a Microsoft365DSC configuration (.ps1), read as Import reads it', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  test.skip(!existsSync(dscConfiguration), 'needs ../shared/corpus (present in CI)');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByLabel('Policy file to compare with').setInputFiles(dscConfiguration);

  await expect(page.getByRole('combobox', { name: 'Policy B (right)' })).toHaveText('Example CAP in 1-Create.ps1');
  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText('Name: CA006: Block access from outside allowed countries → Example CAP');
  await expect(differences).toContainText('State: On → Off');
  await expect(page.getByText(/not valid JSON/)).toHaveCount(0);
});

test('in a phone-sized window the diff is one column, and side by side stays a choice', async ({ page, signInPage, policiesPage }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: 'CA002: Block legacy authentication' }).click();

  const diff = page.getByTestId('diff-viewer');
  await expect(diff).toBeVisible();
  // Inline, Monaco keeps the original side as the old line numbers only: the changed text has the width.
  const panes = async () => {
    const width = async (pane: string) => (await diff.locator(pane).boundingBox())?.width ?? 0;
    const [original, modified] = [await width('.editor.original'), await width('.editor.modified')];
    return { oneColumn: original * 2 < modified };
  };
  const inline = page.getByRole('switch', { name: 'Inline' });
  await expect(inline).toBeChecked();
  await expect.poll(panes).toEqual({ oneColumn: true });

  await inline.click();
  await expect(inline).not.toBeChecked();
  await expect(page).toHaveURL(/view=side/);
  await expect.poll(panes).toEqual({ oneColumn: false });
});
