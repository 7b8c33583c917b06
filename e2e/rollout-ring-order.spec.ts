// The rings' order by keys, in a browser, while planning: a move that cannot be made (the first ring
// up, the last down) is still a Tab stop, off, and says why (words heard with that button only, never
// met on their own); the moves between are plain buttons. Tab goes through each ring's Up, Down and
// Remove in turn, none skipped. Once running, each Roll back ring N… met by Tab is heard with its ring's group.
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { keepRollouts, keptRing, keptRollout, planRingsFor } from './support/rollout-plan';
import { readPoliciesAsScript } from './support/script-client';

test('planning rings by keys: Move up and Move down at the ends are reached by Tab, off, and say why', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
  await planRingsFor(page, /^CA006/);
  await expect(page.getByRole('heading', { name: /^Rings for “CA006/ })).toBeVisible();
  // Why a move is off is heard with its button only: not met on its own in the page, with no ring yet nor with some.
  const reasons = ['The first ring cannot move up.', 'The last ring cannot move down.'];
  for (const why of reasons) await expect(page.getByText(why)).toBeHidden();
  for (const name of ['CA006 pilot ring', 'CA006 second ring']) {
    await page.getByRole('textbox', { name: 'Or a new assigned group, named' }).fill(name);
    await page.getByRole('button', { name: 'Add a new group' }).click();
  }
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row')).toHaveCount(3);
  for (const why of reasons) await expect(page.getByText(why)).toBeHidden();

  // From the first ring's row, Tab meets every order button in turn, the ones that are off included.
  await rings.getByRole('row', { name: /Ring 1 CA006 pilot ring/ }).focus();
  const order = ['Move ring 1 up', 'Move ring 1 down', 'Remove ring 1', 'Move ring 2 up', 'Move ring 2 down', 'Remove ring 2'];
  for (const name of order) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name, exact: true })).toBeFocused();
  }

  const firstUp = page.getByRole('button', { name: 'Move ring 1 up', exact: true });
  await expect(firstUp).toHaveAttribute('aria-disabled', 'true');
  await expect(firstUp).toHaveAccessibleDescription('The first ring cannot move up.');
  const lastDown = page.getByRole('button', { name: 'Move ring 2 down', exact: true });
  await expect(lastDown).toHaveAttribute('aria-disabled', 'true');
  await expect(lastDown).toHaveAccessibleDescription('The last ring cannot move down.');
  for (const name of ['Move ring 1 down', 'Move ring 2 up']) {
    await expect(page.getByRole('button', { name, exact: true })).not.toHaveAttribute('aria-disabled', /./);
    await expect(page.getByRole('button', { name, exact: true })).not.toHaveAccessibleDescription(/./);
  }

  // Pressed all the same, an end's move does nothing: the rings keep their order and the focus stays.
  await lastDown.focus();
  await page.keyboard.press('Enter');
  await expect(rings.getByRole('row', { name: /Ring 2 CA006 second ring/ })).toBeVisible();
  await expect(lastDown).toBeFocused();
});

test('a running rollout by keys: each Roll back ring N… met by Tab is heard with its ring’s group', async ({
  page,
  playwright,
  signInPage,
  policiesPage,
}) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policy = (await readPoliciesAsScript(request)).find((p) => p.displayName.startsWith('CA006'))!;
  await request.dispose();
  // A rollout as this device keeps it: both rings in the copy since an hour ago.
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  await keepRollouts(page, [
    keptRollout(policy, startedAt, { rings: [keptRing(1, 'CA - Service accounts', startedAt), keptRing(2, 'Finance', startedAt)] }),
  ]);
  await page.reload();
  await section(page, 'Rollout').click();
  await page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('button', { name: policy.displayName }).click();

  await page.getByRole('button', { name: /^Roll back ring 1…/ }).focus();
  await expect(page.getByRole('button', { name: 'Roll back ring 1… (CA - Service accounts)', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Roll back ring 2… (Finance)', exact: true })).toBeFocused();
});
