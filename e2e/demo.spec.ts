// The demo: sign in to the emulated tenant, list, search, filter and open policies, by mouse and
// by keyboard, with names resolved and no accessibility violations.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { listenToWhatIsSaid } from './support/said';
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ page, signInPage }) => {
  await page.goto('/');
  await expect(page.getByText('Try the demo tenant')).toBeVisible();
  await signInPage.signInToDemoAs('Ada Lindqvist');
});

test('lists every policy with names instead of ids', async ({ page, policiesPage }) => {
  await expect(policiesPage.heading).toBeVisible();
  await expect(page.getByText('Demo tenant')).toBeVisible();
  await expect(page.getByText(/35\s+of 195 policies allowed/)).toBeVisible();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(policiesPage.row(/^CA009/)).toContainText('Mobile workers');
  await expect(policiesPage.row(/^CA005/)).toContainText('Windows Azure Service Management API');
  await expect(policiesPage.row(/^CA006/)).toContainText('Block');
  await expect(policiesPage.row(/^CA007/)).toContainText('Report-only');
  // Names are resolved: no cell is still waiting for one.
  await expect(page.getByRole('img', { name: 'Resolving names' })).toHaveCount(0);
  // A cell cut short shows its whole text on hover.
  const users = policiesPage
    .row(/^CA001/)
    .getByRole('gridcell')
    .filter({ hasText: /All users/ });
  await users.getByText(/All users/).hover();
  await expect(page.getByRole('tooltip')).toContainText('All users');
});

test('searches resolved names and filters by state', async ({ page, policiesPage }) => {
  await policiesPage.search('payroll');
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(policiesPage.row(/^CA016/)).toBeVisible();
  await expect(page).toHaveURL(/q=payroll/);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  // The button is gone with the filters; the keyboard's focus is in the search box, now empty.
  await expect(page.getByRole('searchbox', { name: /^Search policies/ })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: /^Search policies/ })).toHaveValue('');
  await page.getByRole('combobox', { name: 'Filter by state' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Report-only' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/state=enabledForReportingButNotEnforced/);
  await expect(page.getByText(/^Showing \d+ of 35 policies$/)).toBeVisible();
  const states = await policiesPage.rows.getByRole('gridcell', { name: /^(On|Off|Report-only)$/ }).allInnerTexts();
  expect(states.length).toBeGreaterThan(3);
  expect(new Set(states)).toEqual(new Set(['Report-only']));
});

test('opens a policy in plain language and as JSON, and keeps its URL', async ({ page, policiesPage, policyPage }) => {
  await policiesPage.open(/^CA001: Require MFA for all users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'CA001: Require MFA for all users' })).toBeVisible();
  await expect(policyPage.section('Users')).toContainText('All users');
  await expect(policyPage.section('Users')).toContainText('CA - Emergency access accounts');
  await expect(policyPage.section('Users')).toContainText('Directory Synchronization Accounts');
  await expect(policyPage.section('Grant')).toContainText('Require multifactor authentication');

  await policyPage.showJson();
  await expect(policyPage.jsonView).toContainText('"displayName"');
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}\?view=json$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'CA001: Require MFA for all users' })).toBeVisible();
  await expect(policyPage.jsonView).toContainText('"displayName"');
});

test('shows references to deleted objects', async ({ page, policiesPage, policyPage }) => {
  await policiesPage.open(/^CA027/);
  await expect(policyPage.section('Users')).toContainText('Deleted group');
  // A name's tooltip (mounted when first hovered) says what the tag stands for.
  await policyPage.section('Users').getByText('Deleted group').hover();
  await expect(page.getByRole('tooltip')).toContainText(/^No object with id [0-9a-f-]{36} exists any more$/);
});

test('works by keyboard alone', async ({ page, policiesPage }) => {
  await expect(policiesPage.rows).toHaveCount(35);
  await page.getByRole('searchbox', { name: /Search policies/ }).focus();
  await page.keyboard.type('block');
  await expect(page.getByText(/^Showing \d+ of 35 policies$/)).toBeVisible();
  // Tab into the grid (one tab stop), move with the arrow keys, open with Enter.
  const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'));
  for (let i = 0; i < 10 && !(await inGrid()); i++) await page.keyboard.press('Tab');
  expect(await inGrid()).toBe(true);
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.textContent ?? '');
  while (!(await focusedRow()).includes('CA002')) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^CA002/ })).toBeVisible();
});

test('adds an account beside the one in use, and switches between signed-in accounts and tenants, saying which', async ({
  page,
  policiesPage,
}) => {
  // Listened to from the start of the page (reloaded: the demo keeps its accounts for the tab).
  const said = await listenToWhatIsSaid(page);
  await page.reload();
  await expect(policiesPage.rows).toHaveCount(35);
  const accountButton = page.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ });
  await accountButton.click();
  await page.getByRole('menuitem', { name: /Add Ada Lindqvist \(administrator\) · Contoso pre-production/ }).click();
  // Added, not switched to: the console still works on Contoso, and says how to switch.
  const added = page.getByText('Added Ada Lindqvist (Contoso pre-production). Switch to it from the account menu.');
  await expect(added).toBeVisible();
  await expect(accountButton).not.toContainText('pre-production');
  await expect(policiesPage.rows).toHaveCount(35);

  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(accountButton).toContainText('Contoso pre-production');
  await expect(added).toHaveCount(0);
  await expect(policiesPage.rows).toHaveCount(12);
  await expect.poll(() => said.times(/^Now working on Contoso pre-production, as Ada Lindqvist\.$/)).toBe(1);

  await accountButton.click();
  await page.getByRole('menuitemradio', { name: /Ada Lindqvist \(demo administrator\) Contoso$/ }).click();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(accountButton).not.toContainText('pre-production');
  await expect.poll(() => said.times(/^Now working on Contoso, as Ada Lindqvist\.$/)).toBe(1);
});

test('makes its Graph misbehave on request: a save whose answer is lost is found saved, once, until the misbehaviour is stopped', async ({
  page,
  policiesPage,
  consoleGuard,
  offLocalhost,
}) => {
  // The dropped connection, as the browser logs it.
  consoleGuard.allowFailedResponse('ERR_FAILED', '/beta/identity/conditionalAccess/policies/');
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');

  const accountButton = page.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ });
  await accountButton.click();
  await page.getByRole('menuitem', { name: 'Make Graph misbehave…' }).click();
  await page.getByRole('radio', { name: /^Saves’ answers are lost/ }).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Apply' }).click();
  const misbehaving = page.getByText('The demo’s Graph misbehaves: saves’ answers are lost');
  await expect(misbehaving).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(accountButton).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  // Applied, its answer lost: Gatehouse reads what happened and says saved, not "someone changed this policy".
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect(page.getByText(/changed this policy/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop it' }).click();
  await expect(misbehaving).toHaveCount(0);
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(policiesPage.row(/^CA007/)).toContainText('Off');
  // The connection the service worker dropped (Response.error(): net::ERR_FAILED; the network itself would fail
  // otherwise) is the save's, once: it was not sent again.
  const dropped = offLocalhost.filter((request) =>
    /\/beta\/identity\/conditionalAccess\/policies\/[0-9a-f-]{36} \(net::ERR_FAILED\)$/.test(request),
  );
  expect(dropped).toHaveLength(1);
  offLocalhost.splice(0, offLocalhost.length, ...offLocalhost.filter((request) => !dropped.includes(request)));
});

test("answers Graph in the page and leaves the console's own files to the network", async ({ page, policiesPage }) => {
  const responses: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (response) => responses.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() }));
  await page.reload();
  await expect(policiesPage.row(/^CA009/)).toContainText('Mobile workers');
  const appOrigin = new URL(page.url()).origin;
  const own = responses.filter((r) => new URL(r.url).origin === appOrigin && /\.(js|css)$/.test(r.url));
  const graph = responses.filter((r) => /\/identity\/conditionalAccess\/policies/.test(r.url));
  expect(own.length).toBeGreaterThan(3);
  expect(graph.length).toBeGreaterThan(0);
  // Every Graph call is answered by the emulator (a request to the real Graph would fail here).
  expect(graph.filter((r) => !r.fromServiceWorker)).toEqual([]);
  // The console's files do not wait for the page's main thread to let them through the emulator.
  expect(own.filter((r) => r.fromServiceWorker)).toEqual([]);
});

test('has no serious accessibility violations', async ({ page, policiesPage }) => {
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(policiesPage.row(/^CA009/)).toContainText('Mobile workers');
  await expectNoSeriousA11yViolations(page);
  await policiesPage.open(/^CA014/);
  await expect(page.getByRole('region', { name: 'Users' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a fresh demo is the same tenant after a reload: a draft restored by it saves', async ({ page, policiesPage }) => {
  // Nothing written yet, so the demo tenant is not saved: the reload seeds it again.
  await policiesPage.open(/^CA001/);
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  const editor = new PolicyEditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toContainText('"displayName"');
  await editor.setState('Report-only');
  await page.reload();
  await expect(page.getByText(/Your unsaved draft from .* was restored/)).toBeVisible();

  await editor.reviewButton.click();
  await expect(editor.dialog).toContainText('State: On → Report-only');
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect(page.getByText('changed while you were editing')).toHaveCount(0);
});
