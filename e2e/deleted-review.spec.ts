// Deleted items, as a keyboard and screen-reader user meets them: a deleted named location is restored
// only after a confirmation naming who uses it, and then the focus is kept in the section and the outcome
// said; a bulk run takes the focus to its own button (Stop, then Dismiss at its end) and says its end.
import type { Page } from '@playwright/test';
import { listenToWhatIsSaid } from './support/said';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';

test('a deleted named location is restored after a confirmation naming the policies that use it; the outcome is said, the focus kept', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Deleted policies').click();
  const location = page.getByRole('table', { name: 'Deleted named locations' }).getByRole('row').filter({ hasText: 'Old VPN egress' });
  await location.getByRole('button', { name: 'Restore', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore “Old VPN egress”?' });
  await expect(dialog).toContainText('Deleted policies that use it: CA090: Block sign-ins from the old VPN.');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Deleted named locations' })).toBeFocused();
  await expect(page.getByText('None. Named locations deleted in the last 30 days appear here.')).toBeVisible();
  await expect.poll(() => said.times(/“Old VPN egress” was restored\./)).toBeGreaterThan(0);
});

test('a bulk permanent delete takes the focus to the run’s own button and says its end', async ({ page, signInPage, policiesPage }) => {
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Deleted policies').click();
  const table = page.getByRole('table', { name: 'Deleted policies' });
  await table.getByRole('checkbox', { name: 'Select CA091: Test - block everything for pilot' }).click();
  await table.getByRole('checkbox', { name: 'Select CA092: Require MFA for HR' }).click();
  await page.getByRole('button', { name: 'Delete selected permanently (2)…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('delete 2 policies');
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();

  // Not the opener, disabled while the run goes: the run's button, Stop while it goes (the run may be over already).
  await expect(page.getByRole('button', { name: /^(Stop after this one|Dismiss)$/ })).toBeFocused();
  await expect(page.getByText('Done: 2 of 2')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => said.times(/^Run finished: all 2 policies deleted permanently\.$/, 'status')).toBe(1);
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeFocused();
});

/** Holds the requests the route matches until released. */
async function hold(page: Page, url: RegExp, method: string) {
  const held: (() => void)[] = [];
  let holding = true;
  await page.route(url, async (route) => {
    if (route.request().method() !== method || !holding) return route.fallback();
    await new Promise<void>((release) => held.push(release));
    await route.fallback().catch(() => {});
  });
  return {
    count: () => held.length,
    release() {
      holding = false;
      held.forEach((go) => go());
    },
  };
}

test('while a deleted named location is restored, its button keeps the focus and Restoring… is said', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Deleted policies').click();
  const restores = await hold(page, /\/deletedItems\/namedLocations\/[^/]+\/restore$/, 'POST');
  const location = page.getByRole('table', { name: 'Deleted named locations' }).getByRole('row').filter({ hasText: 'Old VPN egress' });
  await location.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByRole('dialog', { name: 'Restore “Old VPN egress”?' }).getByRole('button', { name: 'Restore', exact: true }).click();
  const busy = location.getByRole('button', { name: 'Restoring…' });
  await expect(busy).toBeFocused();
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Restoring…$/ })).toHaveCount(1);
  await expect.poll(restores.count).toBe(1);
  restores.release();
  await expect(page.getByRole('heading', { level: 2, name: 'Deleted named locations' })).toBeFocused();
});
