// Lint in the console, on the demo tenant's known issues: CA027 names a deleted group and a deleted
// excluded user (the latter with a quick fix), CA031 has been Off for months and blocks Linux by
// platform alone, and no policy blocks the device code flow unconditionally (CA018 excludes the
// service accounts). The policies page counts and filters, the Lint page lists by category with our
// rule ids and Maester's and ScubaGear's, a quick fix goes through the editor's review, a
// suppression asks for its reason, can be undone and travels in backups.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { LintPage } from './pages/lint-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
});

/** The counts the Lint page says, as numbers. */
async function counts(lint: LintPage) {
  const text = (await lint.counts.innerText()).trim();
  const [, errors, warnings, suggestions, suppressed] =
    /^(\d+) errors?, (\d+) warnings? and (\d+) suggestions?(?:; (\d+) suppressed)?\.$/.exec(text)!;
  return { errors: Number(errors), warnings: Number(warnings), suggestions: Number(suggestions), suppressed: Number(suppressed ?? 0) };
}

test('the policies page counts each policy’s findings, sorts by them, and filters by severity or rule', async ({ page, policiesPage }) => {
  await expect(policiesPage.row(/^CA027/).getByRole('img', { name: '2 warnings, 1 suggestion' })).toBeVisible();
  await expect(policiesPage.row(/^CA001/).getByRole('img', { name: 'No findings' })).toBeVisible();

  const findings = policiesPage.grid.getByRole('columnheader', { name: 'Findings', exact: true });
  await findings.getByRole('button').click();
  await expect(findings).toHaveAttribute('aria-sort', 'descending');
  // The worst first, then the most findings: CA027 and its two deleted objects.
  await expect(policiesPage.rowAt(1)).toContainText('CA027');

  const filter = page.getByRole('combobox', { name: 'Filter by lint findings' });
  await filter.click();
  await page.getByRole('option', { name: 'Found by directory-object-gone' }).click();
  await expect(policiesPage.rows).toHaveCount(2);
  await expect(page.getByText('Showing 2 of 35 policies')).toBeVisible();
  await expect(policiesPage.row(/^CA027/)).toBeVisible();
  await expect(policiesPage.row(/^CA034/)).toBeVisible();

  await filter.click();
  await page.getByRole('option', { name: 'With warnings or errors' }).click();
  const kept = await policiesPage.rows.count();
  expect(kept).toBeGreaterThan(2);
  expect(kept).toBeLessThan(35);
  // A policy with suggestions only (CA008 has been in report-only a while) is not among them.
  await expect(policiesPage.row(/^CA008/)).toHaveCount(0);
  await expect(policiesPage.rows.getByRole('img', { name: /^(No findings|\d+ suggestions?)$/ })).toHaveCount(0);
  await expect(page).toHaveURL(/findings=warnings/);
});

test('the Lint page lists the findings by category, with rule ids, the other tools’ ids and the policy', async ({ page }) => {
  const lint = new LintPage(page);
  await lint.open();
  const gone = lint.finding('directory-object-gone', 'CA027');
  await expect(gone).toHaveCount(2);
  await expect(gone.first()).toContainText('(Maester MT.1066, Maester MT.1038)');
  await expect(lint.category('References')).toContainText("'CA027: Legacy - require MFA for Sales' (Off):");

  // A gap of the tenant: no policy, but the one that comes close and what holds it back.
  const deviceCode = lint.finding('coverage-device-code-flow-blocked');
  await expect(deviceCode).toContainText('Whole tenant');
  await expect(deviceCode).toContainText('Maester MT.1052, ScubaGear MS.AAD.3.9v1');
  await expect(deviceCode).toContainText("'CA018: Block device code flow' (On) comes close, but it excludes");
  // Before Settings names the emergency accounts, the group named for them is said to be them, not a gap.
  await expect(deviceCode).not.toContainText("excludes the group 'CA - Emergency access accounts'");
  const legacy = lint.finding('coverage-legacy-authentication-blocked');
  await expect(legacy).toContainText(
    "'CA002: Block legacy authentication' (On) does, excluding only the group 'CA - Emergency access accounts' (likely your emergency access group).",
  );
  await expect(legacy).not.toContainText('No policy');
  // What to do about that group is said once, above the coverage findings, not in each of them.
  const coverage = page.getByRole('region', { name: /^Coverage of the tenant/ });
  await expect(
    coverage.getByText(
      /^The group 'CA - Emergency access accounts', the user 'Break Glass 01' and the user 'Break Glass 02' are likely your emergency access accounts/,
    ),
  ).toHaveCount(1);
  await expect(coverage.getByRole('link', { name: 'Name the emergency access accounts in Settings' })).toBeVisible();
  await expect(lint.category('Coverage of the tenant').getByText(/Settings/)).toHaveCount(0);

  await lint.filter('severity', 'Suggestions');
  await expect(lint.category('References')).toHaveCount(0);
  await expect(lint.finding('stale-report-only-or-off', 'CA031')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: page.getByText('Warning', { exact: true }) })).toHaveCount(0);

  await lint.filter('severity', 'All severities');
  await lint.filter('category', 'Correctness');
  await expect(lint.category('Hygiene')).toHaveCount(0);
  await lint
    .finding('platform-only-block', 'CA031')
    .getByRole('link', { name: /^CA031/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^CA031/ })).toBeVisible();
});

test('a quick fix opens the editor on the fixed draft; saving it after the review clears the finding', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA027/);
  await page.getByRole('tab', { name: 'Findings (3)' }).click();
  const fixed = page.getByRole('listitem', { name: /^directory-object-gone/ }).filter({ hasText: '(excluded users)' });
  const goneId = /'([0-9a-f-]{36})' \(excluded users\)/.exec(await fixed.innerText())![1]!;
  await fixed.getByRole('button', { name: /^Fix directory-object-gone/ }).click();

  // Nothing written yet: the editor holds the draft, and says where it came from.
  const editor = new PolicyEditorPage(page);
  await expect(page).toHaveURL(/\/edit$/);
  await expect(
    page.getByText(/^Quick fix \(directory-object-gone\): Remove the id that no longer exists from excluded users\./),
  ).toBeVisible();
  // The rest of the lint's findings on the draft are marked in the JSON: the deleted group, and the months Off.
  await expect(page.getByRole('complementary', { name: 'Policy settings and checks' })).toContainText(
    'The lint also marks 1 warning and 1 suggestion in the JSON',
  );
  await editor.reviewButton.click();
  const diff = editor.dialog.getByTestId('diff-viewer');
  await expect(diff).toContainText(goneId);
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();

  // Left: the deleted group it includes (no fix: CA027 would target nobody). Changed today, it is not stale either.
  await page.getByRole('tab', { name: 'Findings (1)' }).click();
  await expect(page.getByRole('listitem', { name: /^directory-object-gone/ })).toContainText('(included groups)');
  await expect(page.getByRole('button', { name: /^Fix / })).toHaveCount(0);

  // Suppressed from the policy's page too, and undone.
  await new LintPage(page).suppress(page.getByRole('listitem', { name: /^directory-object-gone/ }), 'The Sales group is being recreated');
  await expect(page.getByRole('tab', { name: 'Findings (0)' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: /^directory-object-gone/ })).toContainText('The Sales group is being recreated');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'Findings (1)' })).toBeVisible();
});

test('a suppression asks for its reason, shows who and why, stops counting the finding, and Undo brings it back', async ({
  page,
  policiesPage,
}) => {
  const lint = new LintPage(page);
  await lint.open();
  const before = await counts(lint);
  const stale = lint.finding('stale-report-only-or-off', 'CA031');

  // A reason is required.
  const opener = stale.getByRole('button', { name: /^Suppress / });
  await opener.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Suppress', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Say why this finding is accepted');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  // Cancel and Esc give the keyboard back to the button that opened the dialog, not the page's title.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
  await opener.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();

  await lint.suppress(stale, 'CA031 stays Off as the record of the Linux pilot');
  await expect(stale).toContainText('Suppressed by Ada Lindqvist');
  await expect(stale).toContainText('CA031 stays Off as the record of the Linux pilot');
  expect(await counts(lint)).toEqual({ ...before, suggestions: before.suggestions - 1, suppressed: 1 });
  await expect(page.getByText(/^Suppressed stale-report-only-or-off for “CA031/)).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(stale).not.toContainText('Suppressed');
  expect(await counts(lint)).toEqual(before);

  // Suppressed again, it is kept on the device: the policies page counts the rest only.
  await lint.suppress(stale, 'CA031 stays Off as the record of the Linux pilot');
  await page.reload();
  await expect(lint.counts).toContainText('1 suppressed');
  await section(page, 'Policies').click();
  await expect(policiesPage.row(/^CA031/).getByRole('img', { name: '1 warning (1 suppressed)' })).toBeVisible();

  // It travels in backups, and comes back from one.
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByRole('table', { name: 'What the backup holds' }).getByRole('row', { name: /^Lint suppressions/ })).toContainText(
    '1',
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  const backup = await download.path();
  await lint.open();
  await stale.getByRole('button', { name: /^Count .* again$/ }).click();
  await expect(lint.counts).not.toContainText('suppressed');
  await page.getByLabel('Backup file').setInputFiles(backup);
  await expect(page.getByText(/^One suppression restored from /)).toBeVisible();
  await expect(stale).toContainText('CA031 stays Off as the record of the Linux pilot');
  await expect(lint.counts).toContainText('1 suppressed');
});

test('suppressing one of two findings of a rule on a policy says it suppresses both, and each names its own', async ({ page }) => {
  const lint = new LintPage(page);
  await lint.open();
  const before = await counts(lint);
  const gone = lint.finding('directory-object-gone', 'CA027');
  // Each finding, and its button, says which it is.
  await expect(lint.finding('directory-object-gone', 'CA027: Legacy - require MFA for Sales” \\(excluded users\\)')).toHaveCount(1);
  await expect(lint.finding('directory-object-gone', 'CA027: Legacy - require MFA for Sales” \\(included groups\\)')).toHaveCount(1);
  const excluded = page.getByRole('button', {
    name: 'Suppress directory-object-gone for “CA027: Legacy - require MFA for Sales” (excluded users)…',
  });
  await expect(excluded).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Suppress directory-object-gone for “CA027.*\(included groups\)…$/ })).toHaveCount(1);

  // The dialog says a suppression covers the rule on the whole policy, and lists both.
  await excluded.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Suppresses 2 findings of this rule on “CA027: Legacy - require MFA for Sales”: excluded users and included groups.',
  );
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The Sales team is being rebuilt');
  await dialog.getByRole('button', { name: 'Suppress', exact: true }).click();
  await expect(page.getByText('Suppressed 2 findings of directory-object-gone for “CA027: Legacy - require MFA for Sales”.')).toBeVisible();
  await expect(gone.filter({ hasText: 'The Sales team is being rebuilt' })).toHaveCount(2);
  expect(await counts(lint)).toEqual({ ...before, warnings: before.warnings - 2, suppressed: 2 });

  // A finding alone under its rule on its policy is suppressed without the count.
  await page.getByRole('button', { name: 'Undo' }).click();
  await lint
    .finding('stale-report-only-or-off', 'CA031')
    .getByRole('button', { name: /^Suppress / })
    .click();
  await expect(dialog).not.toContainText('Suppresses');
  await expect(dialog).toContainText('The finding stays listed as suppressed');
});

test('the Lint page has no serious accessibility violations', async ({ page }) => {
  const lint = new LintPage(page);
  await lint.open();
  await lint.suppress(lint.finding('platform-only-block', 'CA031'), 'Off since the pilot ended');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: /^Suppress coverage-device-code-flow-blocked/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
