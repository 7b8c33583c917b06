// The import plan's review by keys, as heard by a screen reader: reading the tenant to plan against it is
// said while it lasts; "Find users again" reads the directory with the review kept on screen and the focus
// kept on the button, says that it is reading, then what it found; each entry of what blocks applying is a link,
// its own Tab stop, that leads the focus to the choice on its row, which says the problem. Soft checks:
// each shortfall is reported.
import { expect, test } from './support/fixtures';
import { tabTo, watchFocusLost } from './support/focus';
import { copyTwoPolicies } from './support/import-flow';
import { listenToWhatIsSaid } from './support/said';

test('Find users again by keys: the review and the focus stay while the directory is read, and what it found is said', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  await copyTwoPolicies(page, signInPage);
  // The read before the plan was said while it lasted.
  expect.soft(await said.times(/^Reading Contoso pre-production to plan against it…$/, 'status')).toBeGreaterThan(0);

  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  await expect(blockers).toContainText("Choose what the user 'Break Glass 01' becomes in this tenant.");
  await page.getByLabel('Sign-in names ending in').fill('contoso.example');
  await page.getByLabel('are found in this tenant as').fill('preprod.contoso.example');
  const find = page.getByRole('button', { name: 'Find users again' });
  await find.focus();
  const lost = await watchFocusLost(page);
  await page.keyboard.press('Enter');

  const outcome =
    /^Looked up the users again with sign-in names ending in preprod\.contoso\.example: \d+ of \d+ found in Contoso pre-production\.$/;
  await expect(blockers).not.toContainText('Break Glass 01');
  await expect(blockers).toContainText("Choose what the user 'Break Glass 02' becomes in this tenant.");
  // The review never left: the focus is where the admin pressed Enter, and the button can be pressed again.
  await expect.soft(find).toBeFocused();
  await expect.soft(find).not.toHaveAttribute('aria-disabled', 'true');
  expect.soft(await lost()).toEqual([]);
  await expect.poll(() => said.times(outcome, 'status')).toBe(1);

  // Again, by Enter where the focus still is: said again, as a new outcome.
  await page.keyboard.press('Enter');
  await expect.soft.poll(() => said.times(outcome, 'status')).toBe(2);
  await expect.soft(find).toBeFocused();
});

test('Find users again reads the directory on every press, and a failed read keeps the review and the focus and says why', async ({
  page,
  signInPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  // The directory's lookups of users (by sign-in name, in a batch), counted; refused by Graph once `refuse` is set. The
  // demo answers Graph in a service worker, out of page.route's reach: the page's own fetch is watched instead.
  await page.addInitScript(() => {
    const watch = window as unknown as { lookups: number; refuse: boolean };
    watch.lookups = 0;
    watch.refuse = false;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body = typeof init?.body === 'string' ? init.body : '';
      if (!url.endsWith('/$batch') || !body.includes('"/users?')) return original(input, init);
      watch.lookups++;
      if (!watch.refuse) return original(input, init);
      const requests = (JSON.parse(body) as { requests: { id: string }[] }).requests;
      const error = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } };
      const responses = requests.map((r) => ({ id: r.id, status: 403, headers: {}, body: error }));
      return new Response(JSON.stringify({ responses }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
  });
  const lookups = () => page.evaluate(() => (window as unknown as { lookups: number }).lookups);
  await copyTwoPolicies(page, signInPage);
  await page.getByLabel('Sign-in names ending in').fill('contoso.example');
  await page.getByLabel('are found in this tenant as').fill('preprod.contoso.example');
  const find = page.getByRole('button', { name: 'Find users again' });
  await find.focus();
  await page.keyboard.press('Enter');
  const outcome =
    /^Looked up the users again with sign-in names ending in preprod\.contoso\.example: \d+ of \d+ found in Contoso pre-production\.$/;
  await expect.poll(() => said.times(outcome, 'status')).toBe(1);

  // Pressed again at once (the last answer is seconds old): "looked up again" is said only after the directory was read again.
  const before = await lookups();
  await page.keyboard.press('Enter');
  await expect.poll(() => said.times(outcome, 'status')).toBe(2);
  expect.soft(await lookups()).toBeGreaterThan(before);

  // Graph refuses the next read: the review stays, the focus with it, and the failure is said in whole sentences.
  await page.evaluate(() => ((window as unknown as { refuse: boolean }).refuse = true));
  const lost = await watchFocusLost(page);
  await page.keyboard.press('Enter');
  const failed = /^Could not look up the users with sign-in names ending in preprod\.contoso\.example: .*[^.]\. The plan is as before\.$/;
  await expect.soft.poll(() => said.times(failed, 'status')).toBe(1);
  await expect.soft(page.getByRole('heading', { name: 'The plan for Contoso pre-production' })).toBeVisible();
  await expect.soft(page.getByRole('list', { name: 'What blocks applying' })).toContainText('Break Glass 02');
  await expect.soft(find).toBeFocused();
  expect.soft(await lost()).toEqual([]);
});

test('what blocks applying, by keys: each entry leads the focus to the choice on its row, which says the problem again', async ({
  page,
  signInPage,
}) => {
  await copyTwoPolicies(page, signInPage);
  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  // Each entry a link of its own, a Tab stop each (an error summary's links), between Find users again and the mapping.
  const links = blockers.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Find users again' }).focus();
  await page.keyboard.press('Tab');
  await expect.soft(links.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect.soft(links.nth(1)).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Save my choices (0)' }), { limit: count });

  const breakGlass = blockers.getByRole('link', { name: "Choose what the user 'Break Glass 01' becomes in this tenant." });
  await breakGlass.focus();
  await page.keyboard.press('Enter');
  const choice = page.getByRole('combobox', { name: 'In this tenant, Break Glass 01 becomes' });
  await expect.soft(choice).toBeFocused();
  await expect.soft(choice).toHaveAccessibleDescription(/Choose what the user 'Break Glass 01' becomes in this tenant\./);

  const lockOut = blockers.getByRole('link', { name: /^CA007: .*Could lock out Ada Lindqvist \(you\)/ });
  await lockOut.focus();
  await page.keyboard.press('Enter');
  const state = page.getByRole('combobox', { name: /^State for CA007/ });
  await expect.soft(state).toBeFocused();
  // The policy's choice says its problem too, as a reference's does.
  await expect.soft(state).toHaveAccessibleDescription(/Could lock out Ada Lindqvist \(you\)/);
});

test('at 320 px wide, the domain map, Find users again and what it found stay within the page (no sideways scroll)', async ({
  page,
  signInPage,
}) => {
  await copyTwoPolicies(page, signInPage);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByLabel('Sign-in names ending in').fill('contoso.example');
  await page.getByLabel('are found in this tenant as').fill('preprod.contoso.example');
  const find = page.getByRole('button', { name: 'Find users again' });
  await find.click();
  const found = page.getByRole('status').filter({ hasText: /^Looked up the users again/ });
  await expect(found).toBeVisible();
  // Its right edge in the page (not the viewport, which a sideways scroll would move) is within the 320 px.
  const within320 = (what: typeof find) =>
    what.evaluate((element) => element.getBoundingClientRect().right + window.scrollX <= document.documentElement.clientWidth);
  expect.soft(await within320(page.getByLabel('are found in this tenant as'))).toBe(true);
  expect.soft(await within320(find)).toBe(true);
  expect.soft(await within320(found)).toBe(true);
});
