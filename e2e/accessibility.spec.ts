// Every screen, scanned with axe: the demo's sign-in page, the list and a policy's JSON view,
// in the light and the dark theme.
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('the demo sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Try the demo tenant')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the documentation page, signed out', async ({ page }) => {
  await page.goto('/documentation');
  await expect(page.getByRole('heading', { level: 1, name: 'Documentation from a backup file' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the JSON view and the dark theme', async ({ page, signInPage, policiesPage, policyPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA010/);
  await policyPage.showJson();
  await expect(policyPage.jsonView).toContainText('"displayName": "CA010: Sign-in every 12 hours on unmanaged devices"');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: /^Ada Lindqvist/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  await expect(policyPage.section('Session')).toContainText('Every 12 hours');
  await page.screenshot({ path: 'test-results/dark-policy.png' });
});

test('the editor, new policy, deleted policies, settings and backup screens', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('json-editor').locator('.view-lines')).toContainText('"displayName"');
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Policies').click();
  await page.getByRole('button', { name: 'New policy' }).click();
  await expect(page.getByRole('button', { name: 'Start blank' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Deleted policies').click();
  await expect(page.getByRole('table', { name: 'Deleted policies' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByRole('table', { name: 'What the backup holds' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the compare, change history and restore screens', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();

  await section(page, 'Compare').click();
  await page.getByRole('combobox', { name: 'Policy A (left)' }).click();
  await page.getByRole('option', { name: /^CA006/ }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: /^CA002/ }).click();
  await expect(page.getByTestId('diff-viewer')).toContainText('excludeLocations');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
  await expect(page.getByText('Choose what to compare with')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Change history').click();
  await expect(page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await section(page, 'Deleted policies').click();
  await page.getByRole('row').filter({ hasText: 'CA090' }).getByRole('button', { name: 'Restore…' }).click();
  await expect(page.getByRole('dialog').getByRole('list', { name: 'Missing dependencies' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the import screens: a copy plan with references to map, and a run', async ({ page, signInPage }) => {
  await signInPage.signInToDemoWithPreProduction();
  await section(page, 'Import').click();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('combobox', { name: 'Or copy from another tenant you are signed in to' }).click();
  await page.getByRole('option', { name: /^Contoso ·/ }).click();
  await page.getByRole('button', { name: 'Read its policies' }).click();
  await expect(page.getByRole('table', { name: 'How references map to this tenant' })).toBeVisible();
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  await expectNoSeriousA11yViolations(page);

  // One policy whose references all map: applied, the run's screen is scanned too.
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await page
    .getByRole('group', { name: 'Policies to bring in' })
    .getByRole('checkbox', { name: /^CA014/ })
    .check();
  await page.getByRole('button', { name: /^Apply: \d+ changes? to Contoso pre-production/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso pre-production' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso pre-production' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the what-if page with answers, a saved scenario and the engine’s agreement', async ({ page, signInPage }) => {
  // The agreement reads a week of sign-ins and their users' groups, then replays them through the
  // engine: on a slow machine that alone can take longer than an ordinary wait.
  test.slow();
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'What if').click();
  await page.getByRole('combobox', { name: 'Users' }).fill('Hugo');
  await page.getByRole('option', { name: /^Hugo Lefevre/ }).click();
  await page.getByRole('combobox', { name: 'Applications' }).fill('Contoso HR');
  await page.getByRole('option', { name: /^Contoso HR Portal/ }).click();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('table', { name: 'Each policy for this scenario' })).toBeVisible();
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await page.getByRole('button', { name: 'Measure against the last 7 days of sign-ins' }).click();
  await expect(page.getByRole('table', { name: 'Agreement per policy' })).toBeVisible({ timeout: 90_000 });
  await expectNoSeriousA11yViolations(page);
});
