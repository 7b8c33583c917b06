// A narrow window (800 px: a laptop's split screen): the navigation keeps only its icons, with their
// names for screen readers and as tooltips; no screen scrolls sideways; the JSON editor takes the width.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test.use({ viewport: { width: 800, height: 720 } });

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Where, in a table's rows, a cell's content reaches over the next cell's: text drawn over text. */
const overlaps = (table: Locator) =>
  table.evaluate((element) =>
    Array.from(element.querySelectorAll('tr')).flatMap((row) => {
      const spans = Array.from(row.children).flatMap((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const box = range.getBoundingClientRect();
        return box.width > 0 ? [{ text: (cell.textContent ?? '').slice(0, 30), left: box.left, right: box.right }] : [];
      });
      return spans.slice(1).flatMap((next, i) => (spans[i]!.right > next.left + 1 ? [`${spans[i]!.text} | ${next.text}`] : []));
    }),
  );

/** A table too wide for the window: its cells keep their content apart, and its box scrolls (by keyboard too). */
async function expectScrollsApart(page: Page, name: string) {
  const table = page.getByRole('table', { name });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect.soft(await overlaps(table), name).toEqual([]);
  const region = page.getByRole('region', { name: `${name} (scrolls sideways)` });
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth), name).toBe(true);
}

test('the navigation shrinks to icons and the screens fit the width', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);

  const deleted = section(page, 'Deleted policies');
  expect((await deleted.boundingBox())!.width).toBeLessThan(56);
  await expect(deleted).toHaveAttribute('title', 'Deleted policies');
  await deleted.click();
  await expect(page.getByRole('table', { name: 'Deleted policies' }).getByRole('button', { name: 'Restore…' }).first()).toBeInViewport();
  expect(await sideways(page)).toBe(0);

  await section(page, 'Policies').click();
  await policiesPage
    .row(/^CA001/)
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.view-lines')).toContainText('"displayName"');
  // The pickers and checks go below the JSON rather than squeeze it.
  expect((await editor.boundingBox())!.width).toBeGreaterThan(600);
  expect(await sideways(page)).toBe(0);
});

// WCAG's reflow: a desktop zoomed to 400 % is 320 CSS pixels wide. Every screen fits it with no
// sideways scroll of the page; a table wider than that scrolls in its own box, which the keyboard
// can reach; the header keeps the account's avatar, its name said to screen readers.
test.describe('a small window (320 px)', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const screens: [string, string | RegExp][] = [
    ['/policies', 'Policies'],
    ['/policies/new', 'New policy'],
    ['/deleted', 'Deleted policies'],
    ['/compare', 'Compare'],
    ['/history', 'Change history'],
    ['/backup', 'Backup'],
    ['/import', 'Import'],
    ['/templates', 'Templates'],
    ['/emergency-access', 'Emergency access'],
    ['/contingency', 'Contingency plans'],
    ['/what-if', 'What if'],
    ['/rollout', 'Staged rollout'],
    ['/lint', 'Lint'],
    ['/settings', 'Settings'],
  ];

  test('every screen reflows to the width', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();
    const account = page.getByRole('button', { name: /^Ada Lindqvist/ });
    await expect(account).toBeVisible();
    // Fluent's least button width (96 px), not the name's (over 200 px).
    expect((await account.boundingBox())!.width).toBeLessThanOrEqual(96);

    for (const [path, heading] of screens) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      expect(await sideways(page), path).toBe(0);
    }

    // A policy, and its editor.
    await page.goto('/policies');
    await policiesPage
      .row(/^CA001/)
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^CA001/ })).toBeVisible();
    expect(await sideways(page), 'policy').toBe(0);
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await expect(page.getByTestId('json-editor').locator('.view-lines')).toContainText('"displayName"');
    expect(await sideways(page), 'editor').toBe(0);
  });

  test('a wide table scrolls in its own box, reachable by keyboard', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();
    await page.goto('/deleted');
    const region = page.getByRole('region', { name: 'Deleted policies (scrolls sideways)' });
    await expect(region).toHaveAttribute('tabindex', '0');
    await region.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await expect(region.getByRole('button', { name: 'Restore…' }).first()).toBeInViewport();
    // A state in a narrow column stays inside its badge, on one line.
    const badge = region.getByText('Report-only', { exact: true }).first();
    expect(await badge.evaluate((b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  });

  // Fluent lays a table out 'fixed': at 320 px its columns got a few pixels each, words drawn over the next column's.
  test('tables scroll rather than draw their columns over each other', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();

    // Templates stack on a phone instead (each template's cells under its checkbox): nothing past the edge.
    await page.goto('/templates');
    const templates = page.getByRole('table', { name: 'Templates' });
    await expect(templates.getByRole('row').nth(1)).toBeVisible();
    expect(await templates.evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0))).toBeLessThanOrEqual(0);
    expect(await sideways(page), 'templates').toBe(0);
    // A badge keeps its words on one line, inside it.
    const needs = page.getByRole('row', { name: 'Require multifactor authentication for risky sign-ins' });
    const badge = needs.getByText('Entra ID P2', { exact: true });
    expect(await badge.evaluate((b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1)).toBe(true);
    // Why it is needed is one button away, not a tab stop on each badge.
    await needs.getByRole('button', { name: 'What Require multifactor authentication for risky sign-ins needs' }).click();
    await expect(page.getByText(/need Microsoft Entra ID P2/)).toBeVisible();
    await page.keyboard.press('Escape');

    await page.goto('/emergency-access');
    await page.getByRole('button', { name: 'Use CA - Emergency access accounts as emergency access' }).click();
    await expectScrollsApart(page, 'Emergency access by policy');
    await expectScrollsApart(page, 'Emergency access hygiene');

    await page.goto('/what-if');
    await page.getByRole('combobox', { name: /^User signing in/ }).fill('Grace');
    await page.getByRole('option', { name: /^Grace Kim/ }).click();
    await page.getByRole('combobox', { name: /^Application/ }).fill('Contoso Exp');
    await page.getByRole('option', { name: /^Contoso Expenses/ }).click();
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await expectScrollsApart(page, 'Each policy for this scenario');

    await page.goto('/rollout');
    await page.getByRole('combobox', { name: 'Policy to roll out' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Plan its rings…' }).click();
    const ringPicker = page.getByRole('combobox', { name: 'Groups for a new ring' });
    await ringPicker.fill('CA - Serv');
    await page.getByRole('option', { name: /^CA - Service accounts/ }).click();
    await ringPicker.fill('Finan');
    await page.getByRole('option', { name: /^Finance/ }).click();
    await page.getByRole('button', { name: 'Keep this plan' }).click();
    // The rings stack instead (each cell on its own line, named): nothing to scroll to, nothing past the edge.
    const rings = page.getByRole('table', { name: 'Rings' });
    await expect(rings.getByRole('cell', { name: /^Stands:/ }).first()).toBeVisible();
    expect(await rings.evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0))).toBeLessThanOrEqual(0);
    expect(await sideways(page), 'rollout').toBe(0);
  });

  // The restore dialog scrolls; the warning about deleted named locations kept its height and its checkbox inside it.
  test('the restore of several shows the named location warning whole', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();
    await page.goto('/deleted');
    await page.getByRole('checkbox', { name: 'Select all deleted policies' }).click();
    await page.getByRole('button', { name: /^Restore selected/ }).click();
    const warning = page.getByRole('dialog').getByRole('group', { name: 'A named location they need is deleted too' });
    await expect(warning.getByRole('checkbox', { name: /^Restore named location/ })).toBeVisible();
    expect(await warning.evaluate((box) => box.scrollHeight - box.clientHeight)).toBeLessThanOrEqual(1);
  });
});
