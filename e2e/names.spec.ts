// Names beside ids wherever a policy is shown as JSON (the JSON tab, the review's diff, a new policy's
// review), and names that stay text: a named location called like a Markdown link or an HTML image
// is shown as those characters in the editor's hover card, never as a link or an image. A returning
// visit looks its last list's names up while the list is on its way, and only what changed after.
import type { Page } from '@playwright/test';
import { asColleague } from './support/colleague';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { CONTOSO_TENANT_ID, signInUser } from './support/test-accounts';
import { expect, test } from './support/fixtures';

const HOSTILE = '[x](https://evil.example) ![i](https://evil.example/i.png) <img src=x>';

/** Another admin renames a named location, through Graph (the demo's, in the page). */
async function renameLocation(page: Page, from: string, to: string) {
  const claims = {
    tid: CONTOSO_TENANT_ID,
    oid: signInUser.id,
    upn: 'colleague@contoso.example',
    name: 'Colleague',
    scp: 'Policy.Read.All Policy.ReadWrite.ConditionalAccess',
  };
  const token = `demo.${Buffer.from(JSON.stringify(claims)).toString('base64').replace(/=+$/, '')}`;
  return page.evaluate(
    async ({ from, to, token }) => {
      const base = 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations';
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const { value } = (await (await fetch(base, { headers })).json()) as {
        value: { id: string; displayName: string; '@odata.type': string }[];
      };
      const location = value.find((l) => l.displayName === from)!;
      const response = await fetch(`${base}/${location.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ '@odata.type': location['@odata.type'], displayName: to }),
      });
      return response.status;
    },
    { from, to, token },
  );
}

test.beforeEach(async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
});

test('a named location called like a link or an image reads as its name on hover', async ({ page, policiesPage }) => {
  await page.setViewportSize({ width: 1400, height: 1800 });
  expect(await renameLocation(page, 'Corporate network', HOSTILE)).toBe(204);
  await policiesPage.open(/^CA006/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  const line = editor.editor.locator('.view-line').filter({ hasText: '<img src=x>' });
  await expect(line).toHaveCount(1);
  await line.getByText(/^"[0-9a-f-]{36}"$/).hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: '(named location)' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText(HOSTILE);
  await expect(hover.locator('a, img')).toHaveCount(0);
});

test('the JSON tab shows names beside ids, like the editor', async ({ page, policiesPage }) => {
  // Tall enough for the whole policy: Monaco draws only the lines in view.
  await page.setViewportSize({ width: 1400, height: 2400 });
  await policiesPage.open(/^CA007/);
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByTestId('json-viewer');
  await expect(json.locator('.view-lines')).toContainText('"displayName"');
  await expect(json).toContainText('CA - Emergency access accounts');
  await expect(json).toContainText('Contractors');
});

test('the review’s diff shows names beside ids', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await page.getByRole('combobox', { name: 'Exclude groups' }).fill('Fin');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await editor.reviewButton.click();
  const diff = editor.dialog.getByTestId('diff-viewer');
  await expect(diff).toContainText('Finance');
  await expect(diff).toContainText('CA - Emergency access accounts');
});

test('a new policy is reviewed as itself, in words and as JSON with names, not as a diff', async ({ page }) => {
  await page.getByRole('button', { name: 'New policy' }).click();
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('combobox', { name: 'Include groups' }).fill('Fin');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await page.getByRole('button', { name: 'Review and create…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/Creates “.*” in Report-only\./);
  await expect(dialog).not.toContainText('1 change');
  await expect(dialog.getByTestId('diff-viewer')).toHaveCount(0);
  await expect(dialog.getByRole('region', { name: 'In words' })).toContainText('Finance');
  const json = dialog.getByTestId('json-viewer');
  await expect(json).toContainText('"includeGroups"');
  await expect(json).toContainText('Finance');
});

test('a returning visit asks for the last list’s names with the list, then only for what a colleague added since', async ({
  page,
  policiesPage,
}) => {
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(page.getByLabel('Resolving names')).toHaveCount(0);
  // The list's ids are kept for the next visit once its names are drawn.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('gatehouse.listed-references.'))))
    .toBe(true);

  // A colleague excludes from CA007 a user no policy named before.
  const found = await asColleague<{ value: { id: string }[] }>(page, 'GET', `/v1.0/users?$filter=displayName eq 'Priya Raman'`);
  const user = found.value[0]!;
  const { value } = await asColleague<{ value: { id: string; displayName: string; conditions: { users: Record<string, string[]> } }[] }>(
    page,
    'GET',
    '/beta/identity/conditionalAccess/policies',
  );
  const ca007 = value.find((p) => p.displayName.startsWith('CA007'))!;
  const users = ca007.conditions.users;
  await asColleague(page, 'PATCH', `/beta/identity/conditionalAccess/policies/${ca007.id}`, {
    conditions: { ...ca007.conditions, users: { ...users, excludeUsers: [...(users.excludeUsers ?? []), user.id] } },
  });

  const lookups: string[][] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/$batch')) return;
    const body = request.postDataJSON() as { requests: { body?: { ids?: string[] } }[] };
    lookups.push(body.requests.flatMap((r) => r.body?.ids ?? []));
  });
  await page.reload();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(page.getByLabel('Resolving names')).toHaveCount(0);
  // One lookup of the ids the last list held (the user not among them), one of the user alone.
  expect(lookups).toHaveLength(2);
  expect(lookups.find((ids) => ids.length > 1)).not.toContain(user.id);
  expect(lookups.find((ids) => ids.length === 1)).toEqual([user.id]);
  // The name is known: search finds CA007 by it.
  await policiesPage.search('Priya Raman');
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(policiesPage.row(/^CA007/)).toBeVisible();
});
