// The policies grid at the service's limit of 195 policies, where it draws only the rows near the
// viewport: the last policy reached by scrolling and opened (Back returns to it), a policy far down
// reached by keyboard and opened with Enter, search and sorting over the whole list (rows not
// drawn yet included), and no serious accessibility violation. Against the emulator server, with
// 160 policies added through Graph to Contoso's 35. Timing is the benchmark's business, not a test's.
import type { APIRequestContext } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { urls } from './support/ports';

const LIMIT = 195;
// Added policies are named CA200 onwards; in name order Contoso's contingency policies (EM01, EM02)
// come after every CA name, so the last is EM02.
const LAST = /^EM02 - ENABLE IN EMERGENCY/;
const policiesUrl = `${urls.emulator}/beta/identity/conditionalAccess/policies`;

/** Fills Contoso up to the limit with copies of its own policies, through Graph as an admin would. */
async function fillToLimit(request: APIRequestContext) {
  const token = await request.post(`${urls.idp}/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'gatehouse-e2e-seeder',
      scope: `${urls.emulator}/Policy.Read.All ${urls.emulator}/Policy.ReadWrite.ConditionalAccess`,
    },
  });
  const headers = { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
  const { value } = (await (await request.get(policiesUrl, { headers })).json()) as { value: Record<string, unknown>[] };
  const copies = Array.from({ length: LIMIT - value.length }, (_, i) => {
    const { id: _id, createdDateTime: _c, modifiedDateTime: _m, templateId: _t, ...body } = value[i % value.length]!;
    return { ...body, displayName: `CA${200 + i}: ${String(body.displayName).replace(/^CA\d+: /, '')}` };
  });
  for (let i = 0; i < copies.length; i += 10) {
    const created = await Promise.all(copies.slice(i, i + 10).map((data) => request.post(policiesUrl, { headers, data })));
    for (const answer of created) expect(answer.status(), await answer.text()).toBe(201);
  }
}

test.beforeAll(async ({ playwright }) => {
  await emulator.reset();
  await withholdScopes([]);
  // The service takes one write a second; the setup need not wait for 160 of them.
  await emulator.setFaults(await emulator.tenantId('Contoso'), { caRateLimit: false });
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  await fillToLimit(request);
  await request.dispose();
});

test.afterAll(async () => {
  await emulator.reset();
});

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  await expect(page.getByText(`${LIMIT} of ${LIMIT} policies allowed in this tenant`)).toBeVisible();
  await expect(policiesPage.grid).toHaveAttribute('aria-rowcount', String(LIMIT + 1));
  // Drawn near the viewport only: the last policy is not drawn yet.
  expect(await policiesPage.rows.count()).toBeLessThan(LIMIT / 2);
  await expect(policiesPage.row(LAST)).toHaveCount(0);
});

test('scrolls to the last policy and opens it; Back returns to it', async ({ page, policiesPage }) => {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = policiesPage.rowAt(LIMIT);
  await expect(last).toBeInViewport();
  await expect(last).toContainText(LAST);
  const listScroll = await page.evaluate(() => window.scrollY);

  await last.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: LAST })).toBeVisible();

  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listScroll);
  await expect(policiesPage.row(LAST)).toBeInViewport();
});

test('moves by keyboard from the first policy to rows far below, and opens one with Enter', async ({ page }) => {
  // One tab stop: from the search box, Tab reaches the grid on its first policy.
  await page.getByRole('searchbox', { name: /Search policies/ }).focus();
  const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'));
  for (let i = 0; i < 10 && !(await inGrid()); i++) await page.keyboard.press('Tab');
  const focusedRow = page.locator('[role="row"]:focus-within');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');

  // Arrow keys and Page Down go on past the rows drawn at first; each focused row is scrolled into view.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '7');
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  const index = Number(await focusedRow.getAttribute('aria-rowindex'));
  expect(index).toBeGreaterThan(60);
  await expect(focusedRow).toBeInViewport();

  // Ctrl+End: the last cell of the last policy; Ctrl+Home: back to the first.
  await page.keyboard.press('Control+End');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', String(LIMIT + 1));
  await expect(focusedRow).toBeInViewport();
  await expect(focusedRow).toContainText(LAST);
  await page.keyboard.press('Control+Home');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');
  await expect(focusedRow).toBeInViewport();

  // Page Down to a policy far below, then Enter on it (on a cell other than its name, too).
  for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  const target = (await focusedRow.getByRole('link').innerText()).trim();
  expect(Number(await focusedRow.getAttribute('aria-rowindex'))).toBeGreaterThan(80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: target })).toBeVisible();
});

test('search and sorting reach policies not drawn yet', async ({ page, policiesPage }) => {
  await policiesPage.search('CA350');
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(policiesPage.row(/^CA350: /)).toBeVisible();
  await expect(page.getByText(`Showing 1 of ${LIMIT} policies`)).toBeVisible();
  await expect(policiesPage.grid).toHaveAttribute('aria-rowcount', '2');

  // A word in a name the policy refers to, not in its own: found among all 195, with the reason said.
  await policiesPage.search('payroll');
  await expect(policiesPage.row(/^CA016: /)).toContainText('Matches workload identity “Contoso Payroll Sync”');
  await expect(page.getByText(/^Showing \d+ of 195 policies$/)).toBeVisible();
  expect(await policiesPage.rows.count()).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(`Showing all ${LIMIT} policies`)).toBeVisible();
  const name = policiesPage.grid.getByRole('columnheader', { name: 'Name', exact: true });
  await name.getByRole('button').click();
  await expect(name).toHaveAttribute('aria-sort', 'descending');
  await expect(policiesPage.rowAt(1)).toContainText(LAST);
  await expect(policiesPage.rowAt(1)).toBeInViewport();
});

test('has no serious accessibility violations, drawn from the top or from the middle', async ({ page, policiesPage }) => {
  await expect(policiesPage.rowAt(1)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Resolving names' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(policiesPage.rowAt(100)).toBeInViewport();
  await expect(policiesPage.rowAt(10)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
