// Keyboard only: a choice made in a search box leaves focus where the work goes on, a button that
// cannot act yet is still reached by Tab and says why, and a plan made from a long gallery takes focus
// where it appears, right after the button that made it. Signing in puts focus on the first screen's title.
import type { Page } from '@playwright/test';
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { section } from './support/navigation';

/** Types into the focused search box and chooses the first result by keys, as a keyboard user does. */
async function chooseByKeys(page: Page, text: string, result: RegExp) {
  await page.keyboard.type(text);
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAccessibleName(result);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('What if by keys: a choice leaves focus on its remove button, a removal on the box again; Evaluate is reached and says what is missing', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'What if').click();

  // Before anything is chosen, Evaluate is in the Tab order (after the form's last field) and says why it does nothing.
  const evaluate = page.getByRole('button', { name: 'Evaluate' });
  await page.getByRole('combobox', { name: 'Expected outcome (for a suite)' }).focus();
  await page.keyboard.press('Tab');
  await expect(evaluate).toBeFocused();
  await expect(evaluate).toBeDisabled();
  await expect(evaluate).toHaveAccessibleDescription('Choose who signs in and what they sign in to first.');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Each policy for this scenario' })).toHaveCount(0);

  await page.getByRole('combobox', { name: /^User signing in/ }).focus();
  await chooseByKeys(page, 'hugo', /^Hugo Lefevre/);
  const removeUser = page.getByRole('button', { name: /^Choose another user than Hugo Lefevre/ });
  await expect(removeUser).toBeFocused();
  // Removed: back in the box, where the next user is typed.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: /^User signing in/ })).toBeFocused();
  await chooseByKeys(page, 'grace', /^Grace Kim/);
  await expect(page.getByRole('button', { name: /^Choose another user than Grace Kim/ })).toBeFocused();
  // The next Tab goes on to the next field, not from the page's title.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Signing in to' })).toBeFocused();
  await expect(evaluate).toHaveAccessibleDescription('Choose the application first.');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: /^Application/ })).toBeFocused();
  await chooseByKeys(page, 'Teams', /^Microsoft Teams/);
  await expect(page.getByRole('button', { name: /^Choose another application than Microsoft Teams/ })).toBeFocused();

  // Ready: Evaluate acts, and no longer points at a hint.
  await expect(evaluate).toBeEnabled();
  await expect(evaluate).toHaveAccessibleDescription('');
  await evaluate.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Each policy for this scenario' })).toBeVisible();
});

test('Templates by keys: a skip past the gallery to the deploy form, and the plan takes focus right after its button', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();

  const gallery = page.getByRole('table', { name: 'Templates' });
  await gallery.getByRole('checkbox', { name: 'Deploy No persistent browser session' }).focus();
  await page.keyboard.press('Space');
  // Past the gallery's long run of Tabs in one step: the skip sits in the bar above it.
  const skip = page.getByRole('button', { name: 'Skip to deploying the chosen template' });
  await page.getByRole('switch', { name: 'Hide what the tenant has' }).focus();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Deploy 1 template' })).toBeFocused();

  const plan = page.getByRole('button', { name: 'Plan this template' });
  let tabs = 0;
  while (tabs < 15 && !(await plan.evaluate((button) => button === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  await expect(plan).toBeFocused();

  // The plan is shown next, before the page's other tools, and its title takes the keyboard's focus.
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { name: 'The plan for Contoso' });
  await expect(title).toBeFocused();
  const planTop = (await title.boundingBox())!.y;
  const ownTemplatesTop = (await page.getByRole('heading', { name: 'Your own templates' }).boundingBox())!.y;
  expect(planTop).toBeLessThan(ownTemplatesTop);
  expect(planTop).toBeGreaterThan((await plan.boundingBox())!.y);
});

test('signing in by keys puts focus on the first screen’s title; a reload leaves it to the browser', async ({ page, policiesPage }) => {
  await page.goto('/');
  const ada = page.getByRole('button', { name: /^Sign in as Ada Lindqvist \(administrator\) · Contoso$/ });
  let tabs = 0;
  while (tabs < 10 && !(await ada.evaluate((button) => button === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  await page.keyboard.press('Enter');
  await expect(policiesPage.heading).toBeFocused();

  // Already signed in, a reload is no arrival: the browser's own start (the page) stays.
  await page.reload();
  await expect(policiesPage.rows.first()).toBeVisible();
  await expect(policiesPage.heading).not.toBeFocused();
});

test('back from the identity provider’s sign-in, focus is on the first screen’s title', async ({ page, policiesPage }) => {
  await emulator.reset();
  await withholdScopes([]);
  await useLocalTenant(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).focus();
  await page.keyboard.press('Enter');
  await expect(policiesPage.heading).toBeFocused();
});
