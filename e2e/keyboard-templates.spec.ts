// Templates by keys, as heard by a screen reader: the source filter and "Hide what the tenant has" say
// how many templates they leave (an empty result was an empty table, said by nothing); a preview opens,
// is read by Tab (its differences in words, then the diff) and closes by keys, with an axe scan while open;
// the security-defaults notice is said as read from the tenant; a deployment runs by keys from the checkbox
// to the written policy, which has the focus after Done (it fell to the page's start); a Graph refusal is
// shown with its reason and, the run put aside, the choices are still there with the focus on them; a saved
// template forgotten is said, the focus going to the row that takes its place; Try again after Microsoft's
// templates were refused gives the focus to the gallery's summary once they are read; a name that turns
// text around (U+202E) is shown with it as an escape, and does not turn around the sentence that says it was forgotten.
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { watchFocusLost } from './support/focus';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

const gallery = (page: Page) => page.getByRole('table', { name: 'Templates' });
const templateRow = (page: Page, name: string) => gallery(page).getByRole('row', { name, exact: true });

/** Presses Tab until the focused element matches, at most `limit` times; fails if it never does. */
async function tabTo(page: Page, accessibleName: RegExp, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      return el.getAttribute('aria-label') ?? el.textContent ?? '';
    });
    if (accessibleName.test(name.trim())) return;
  }
  throw new Error(`Tab never reached ${accessibleName}`);
}

test('the source filter and the switch say how many templates they leave, and an empty result is said', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await expect(page.getByRole('status').filter({ hasText: /^27 templates:/ })).toBeVisible();
  const lost = await watchFocusLost(page);

  // The filter by keys: Tab to the tabs, arrows to Baseline, Enter.
  await page.getByRole('tab', { name: 'All' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Baseline' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Baseline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^6 of 27 templates shown \(Baseline\)\.$/ })).toBeVisible();

  // Nothing saved on this device yet: the empty gallery says so, where the rows were and in the status.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByRole('tab', { name: 'Saved here' })).toHaveAttribute('aria-selected', 'true');
  await expect(gallery(page).getByRole('row')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^No template shown of 27: no template is saved on this device/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Saved here' })).toBeFocused();

  // The switch by Space: fewer rows, said.
  await page.getByRole('tab', { name: 'All' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^27 templates:/ })).toBeVisible();
  const hide = page.getByRole('switch', { name: 'Hide what the tenant has' });
  await hide.focus();
  await page.keyboard.press('Space');
  await expect(hide).toBeChecked();
  await expect(hide).toBeFocused();
  const rows = (await gallery(page).getByRole('row').count()) - 1;
  expect(rows).toBeLessThan(27);
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`^${rows} of 27 templates shown \\(hiding what the tenant has\\)\\.$`) }),
  ).toBeVisible();
  expect(await lost()).toEqual([]);
});

test('a preview by keys: opened with Enter, its difference and JSON reached by Tab, axe-clean open, Escape gives the focus back', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  const difference = templateRow(page, 'Securing security info registration').getByRole('button', { name: /^Difference between CA004/ });
  await difference.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /compared with the template/ })).toBeVisible();
  // Focus is in the dialog, not left on the page behind it.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await expect(dialog.getByRole('list', { name: 'Differences' })).toContainText('Global Administrator');
  await expectNoSeriousA11yViolations(page);
  // The differences in words by Tab: Enter on one says where it is in the diff.
  const sentence = dialog.getByRole('list', { name: 'Differences' }).getByRole('button').first();
  await tabTo(page, new RegExp(`^${(await sentence.textContent())!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), 20);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: /: line \d+ of / })).toBeAttached();
  // The diff itself (the JSON of both) is reached by Tab too, and Tab leaves it again for the dialog's Close.
  await tabTo(page, /compared with The template/, 40);
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await tabTo(page, /^Close$/, 10);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(difference).toBeFocused();
});

test('the security-defaults notice is said as read from the tenant, not only as it stood before the answer', async ({
  page,
  signInPage,
}) => {
  const { times: said } = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await expect(page.getByText('Security defaults are off in Contoso')).toBeVisible();
  await expect.poll(() => said(/Security defaults are off in Contoso/)).toBe(1);
});

test('a template deployed by keys: Space chooses it, Plan, the confirmation starts on Cancel, the outcome is focused and leads to the policy', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  const lost = await watchFocusLost(page);
  const checkbox = templateRow(page, 'No persistent browser session').getByRole('checkbox', {
    name: 'Deploy No persistent browser session',
  });
  await checkbox.focus();
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  // The skip link goes past the gallery to the deployment.
  await page.getByRole('button', { name: 'Skip to deploying the chosen template' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Deploy 1 template' })).toBeFocused();
  // The admin is excluded, as the blank is filled.
  await expect(page.getByRole('toolbar', { name: 'Chosen for Current administrator' })).toContainText('Ada Lindqvist (user)');
  await tabTo(page, /^Plan this template$/);
  await page.keyboard.press('Enter');
  const apply = page.getByRole('button', { name: /^Apply: 1 change to Contoso/ });
  await expect(apply).toBeVisible();
  await apply.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Write to Contoso' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeFocused();
  const done = page.getByRole('button', { name: 'Done' });
  await done.focus();
  await page.keyboard.press('Enter');
  // Back in the gallery, the focus is on the policy just written, in its template's row.
  const written = templateRow(page, 'No persistent browser session').getByRole('link', { name: 'No persistent browser session' });
  await expect(written).toBeFocused();
  expect(await lost()).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/policies\//);
});

test('a deployment Graph refuses shows its reason, and the choices are still there after it, with the focus', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/policies');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Templates').click();
  await expect(page.getByRole('status').filter({ hasText: /templates:/ })).toBeVisible();
  const lost = await watchFocusLost(page);
  const checkbox = templateRow(page, 'No persistent browser session').getByRole('checkbox');
  await checkbox.focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Plan this template' }).focus();
  await page.keyboard.press('Enter');
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'POST /beta/identity/conditionalAccess/policies', fault: 400, times: 1 }],
  });
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/0 of 1 written, 1 failed/)).toBeVisible();
  // The reason is shown with the write that failed.
  await expect(page.getByRole('table', { name: 'What was written' })).toContainText(/Failed: .+/);
  await page.getByRole('button', { name: 'Put this run aside' }).focus();
  await page.keyboard.press('Enter');
  // The question starts on its safe answer.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Keep the run' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Put it aside' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Nothing lost: the template is still chosen, the blank still filled, and the focus is on the deployment.
  await expect(checkbox).toBeChecked();
  await expect(page.getByRole('toolbar', { name: 'Chosen for Current administrator' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Deploy 1 template' })).toBeFocused();
  expect(await lost()).toEqual([]);
});

test('a saved template forgotten by keys: said, and the focus goes to the next row, then back to the filter', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  const policy = page.getByRole('combobox', { name: 'Policy to save as a template' });
  // Two saved templates to forget (saving them is another test's).
  for (const name of [/^CA006/, /^CA007/]) {
    await policy.click();
    await page.getByRole('option', { name }).click();
    await page.getByRole('button', { name: 'Save as template' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved “CA00[67]/ })).toHaveCount(1);
  }
  const lost = await watchFocusLost(page);
  await page.getByRole('tab', { name: 'Saved here' }).focus();
  await page.keyboard.press('Enter');
  const forget = gallery(page).getByRole('button', { name: /^Forget / });
  await expect(forget).toHaveCount(2);
  const first = (await forget.first().getAttribute('aria-label'))!.replace(/^Forget /, '');
  const second = (await forget.last().getAttribute('aria-label'))!.replace(/^Forget /, '');
  await forget.first().focus();
  await page.keyboard.press('Enter');
  // The row that took its place has the focus, on its own Forget button; what was done is said.
  await expect(gallery(page).getByRole('button', { name: `Forget ${second}` })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: `“${first}” forgotten on this device. 1 of 28 templates shown (Saved here).` }),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  // The last one gone, the focus goes back to the filter that shows none.
  await expect(page.getByRole('tab', { name: 'Saved here' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `“${second}” forgotten on this device. No template shown of 27` })).toBeVisible();
  expect(await lost()).toEqual([]);

  // Forgetting was one key press: one more puts the last one back, with the focus on it.
  const undo = page.getByRole('button', { name: 'Undo forget' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(gallery(page).getByRole('button', { name: `Forget ${second}` })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `“${second}” is kept on this device again.` })).toBeVisible();
  await expect(undo).toHaveCount(0);
  // Kept, not only shown: it is there after a reload.
  await page.reload();
  await section(page, 'Templates').click();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  await expect(gallery(page).getByRole('button', { name: /^Forget / })).toHaveCount(1);
});

test('Microsoft’s templates refused, then read again by Try again: the focus goes to the gallery’s summary, not the page’s start', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/templates');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'GET /beta/identity/conditionalAccess/templates', fault: 400, times: 1 }],
  });
  await section(page, 'Templates').click();
  // The refusal is said (an alert) with what could not be done; the shipped baselines are still there.
  await expect(page.getByRole('alert')).toContainText('Microsoft’s templates');
  await expect(page.getByRole('status').filter({ hasText: /^6 templates:/ })).toBeVisible();
  const lost = await watchFocusLost(page);
  await page.getByRole('alert').getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const summary = page.getByRole('status').filter({ hasText: /^\d+ templates:/ });
  await expect(summary).not.toHaveText(/^6 templates:/);
  await expect(summary).toBeFocused();
  expect(await lost()).toEqual([]);
});

test('a baseline whose name turns text around is forgotten: the sentence that says so keeps its order', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  // U+202E (right-to-left override) in a name brought from a file: shown as the escape "\u202E", in the order
  // it is stored, so nothing turns around (its Forget button's name too).
  const name = 'Block \u202elive ssecca';
  const shown = 'Block \\u202Elive ssecca';
  const baseline = {
    displayName: name,
    state: 'enabled',
    conditions: {
      applications: { includeApplications: ['All'] },
      users: { includeUsers: ['All'] },
      platforms: { includePlatforms: ['linux'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
  await page
    .getByLabel('Baseline files')
    .setInputFiles({ name: 'rtl.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(baseline)) });
  await expect(page.getByRole('status').filter({ hasText: '1 template added from rtl.json.' })).toBeVisible();
  await page.getByRole('tab', { name: 'Saved here' }).click();
  await gallery(page)
    .getByRole('button', { name: `Forget ${shown}` })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'forgotten on this device.' })).toHaveText(
    `“${shown}” forgotten on this device. No template shown of 27: no template is saved on this device: save a policy or add a baseline under Your own templates.`,
  );
});
