// Leaving a page while it writes many things (a plan's run, a bulk restore), against the emulator
// server: the console asks first, leaving anyway stops the run after the write under way, and the
// page opened again shows that write finishing (no Resume to race it), then resumes without writing
// anything twice. Each write the test needs to catch under way is held until the test lets it go.
import type { Page } from '@playwright/test';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { nameEmergencyGroup } from './support/emergency-group';

const POLICIES = '/beta/identity/conditionalAccess/policies';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

/** Holds every request the route matches until the test releases it, in order. */
async function holdRequests(page: Page, url: string | RegExp, method: string) {
  const held: (() => void)[] = [];
  let holding = true;
  await page.route(url, async (route) => {
    if (route.request().method() !== method || !holding) return route.fallback();
    await new Promise<void>((release) => held.push(release));
    await route.fallback().catch(() => {});
  });
  return {
    count: () => held.length,
    /** Lets the n-th request (from 1) go on once it has been sent. */
    async release(n: number) {
      await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(n);
      held[n - 1]!();
    },
    stopHolding() {
      holding = false;
      held.forEach((release) => release());
    },
  };
}

const imported = ['Leave test 1', 'Leave test 2', 'Leave test 3'].map((displayName) => ({
  displayName,
  state: 'disabled',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
}));

test('leaving while a plan writes asks first; leaving stops it after the write under way, and Resume creates nothing twice', async ({
  page,
  policiesPage,
}) => {
  const creates = await holdRequests(page, `**${POLICIES}`, 'POST');
  await section(page, 'Import').click();
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(imported)) });
  await expect(page.getByText(/3 to create/).first()).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 3 changes to / }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Write to / })
    .click();
  await expect(page.getByRole('heading', { name: /^Writing to / })).toBeVisible();
  await expect.poll(creates.count).toBe(1);

  // A link asks, Stay is first; staying gives the focus back to the link, and the run goes on.
  const policiesLink = section(page, 'Policies');
  await policiesLink.click();
  const ask = page.getByRole('dialog', { name: 'Stop writing and leave?' });
  await expect(ask).toContainText('Leaving stops it after the write under way');
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toHaveCount(0);
  await expect(policiesLink).toBeFocused();
  // A reload asks too (the browser's own question): staying keeps the run.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.evaluate(() => location.reload());
  expect(await asked).toBe('beforeunload');
  await expect(page.getByRole('heading', { name: /^Writing to / })).toBeVisible();

  // The first create answers; the second is under way when the admin leaves anyway.
  await creates.release(1);
  await expect.poll(creates.count).toBe(2);
  await policiesLink.click();
  await ask.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('grid')).toBeVisible();

  // Back at once: the run is finishing that write, and offers nothing that would write again meanwhile.
  await section(page, 'Import').click();
  await expect(page.getByRole('heading', { name: 'Stopping after the write under way' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await creates.release(2);
  await expect(page.getByRole('heading', { name: 'Stopped before the end' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^2 of 3 written/)).toBeVisible();
  // Nothing after it was written while nobody watched.
  await page.waitForTimeout(1500);
  expect(creates.count()).toBe(2);

  creates.stopHolding();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: /^Applied to / })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Done' }).click();
  await section(page, 'Policies').click();
  await expect(policiesPage.rows).toHaveCount(38);
  for (const { displayName } of imported) await expect(policiesPage.row(displayName)).toHaveCount(1);
});

test('leaving during a bulk restore asks first; the page opened again waits for the policy under way, then resumes the rest', async ({
  page,
}) => {
  const restores = await holdRequests(page, /\/deletedItems\/policies\/[^/]+\/restore$/, 'POST');
  await section(page, 'Deleted policies').click();
  const table = page.getByRole('table', { name: 'Deleted policies' });
  await table.getByRole('checkbox', { name: 'Select all deleted policies' }).click();
  await page.getByRole('button', { name: 'Restore selected (3)…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect.poll(restores.count).toBe(1);

  await section(page, 'Policies').click();
  const ask = page.getByRole('dialog', { name: 'Stop restoring and leave?' });
  await expect(ask).toContainText('Leaving stops the run after the policy under way');
  await ask.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('grid')).toBeVisible();

  await section(page, 'Deleted policies').click();
  await expect(page.getByText(/^Stopping after the policy under way: 0 of 3 done$/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Resume/ })).toHaveCount(0);
  restores.stopHolding();
  await expect(page.getByText(/^Stopped: 1 of 3 done$/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Resume (2 left)' }).click();
  await expect(page.getByText('Done: 3 of 3')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('No deleted policies')).toBeVisible();
});

test('a reload between a restore and its read-back keeps what Graph already did', async ({ page, policiesPage }) => {
  // The restored policy's read-back never answers before the reload.
  const readBacks = await holdRequests(page, new RegExp(`${POLICIES}/[^/?]+$`), 'GET');
  await section(page, 'Deleted policies').click();
  const table = page.getByRole('table', { name: 'Deleted policies' });
  await table.getByRole('checkbox', { name: 'Select all deleted policies' }).click();
  await page.getByRole('button', { name: 'Restore selected (3)…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect.poll(readBacks.count, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.evaluate(() => location.reload());
  await expect(page.getByRole('heading', { level: 1, name: 'Deleted policies' })).toBeVisible();
  readBacks.stopHolding();
  const progress = page.getByRole('list', { name: 'Progress of each policy' });
  // Today's words for it, where it used to say "Waiting" as if nothing had happened.
  await expect(progress.getByRole('listitem').filter({ hasText: 'Cut short (restored; report-only still to set)' })).toHaveCount(1);
  await expect(page.getByText(/^Stopped: 0 of 3 done$/)).toBeVisible();
  await page.getByRole('button', { name: 'Resume (3 left)' }).click();
  await expect(page.getByText('Done: 3 of 3')).toBeVisible({ timeout: 30_000 });
  await section(page, 'Policies').click();
  for (const name of ['CA090', 'CA091', 'CA092']) await expect(policiesPage.row(new RegExp(`^${name}`))).toContainText('Report-only');
});

test('Back to the rollout while a step writes asks as leaving does; staying keeps the run, going back stops it after the write under way', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const creates = await holdRequests(page, `**${POLICIES}`, 'POST');
  const updates = await holdRequests(page, new RegExp(`${POLICIES}/[^/?]+$`), 'PATCH');
  await nameEmergencyGroup(page);

  await section(page, 'Rollout').click();
  await page
    .getByRole('combobox', { name: 'Policy to roll out' })
    .selectOption({ label: 'CA006: Block access from outside allowed countries' });
  await page.getByRole('button', { name: 'Plan its rings…' }).click();
  await page.getByRole('combobox', { name: 'Groups for a new ring' }).fill('CA - Serv');
  await page.getByRole('option', { name: /^CA - Service accounts/ }).click();
  await page.getByRole('button', { name: 'Keep this plan' }).click();
  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Writing to Contoso' })).toBeVisible();
  await expect.poll(() => creates.count() + updates.count()).toBe(1);

  // The button changes the page, not the route: it asks the leave guard's question all the same, Stay first.
  const back = page.getByRole('button', { name: 'Back to the rollout' });
  await back.click();
  const ask = page.getByRole('dialog', { name: 'Stop writing and leave?' });
  await expect(ask).toContainText('Leaving stops it after the write under way');
  await expect(ask.getByRole('button').first()).toHaveText('Stay');
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toHaveCount(0);
  await expect(back).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Writing to Contoso' })).toBeVisible();

  // Going back anyway: the write under way finishes, nothing after it is written, and the rollout says a step was cut short.
  await back.click();
  await ask.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { name: /^Rollout of / })).toBeVisible();
  // The start's run is journalled on this device, so the rollout knows how far it got and offers to resume it.
  const pending = page.getByRole('group', { name: 'The start is not finished' });
  await expect(pending).toBeVisible();
  creates.stopHolding();
  updates.stopHolding();
  await page.waitForTimeout(1500);
  expect(creates.count() + updates.count()).toBe(1);
  await expect(pending).toContainText('1 of 2 written when its run stopped or the page was left. Open the step to resume it');
  await expect(page.getByText('Starting: 1 of the start’s 2 writes done.')).toBeVisible();
});

test('a named location restored on its own does not show a stopped bulk run as stopping', async ({ page }) => {
  const restores = await holdRequests(page, /\/deletedItems\/policies\/[^/]+\/restore$/, 'POST');
  await section(page, 'Deleted policies').click();
  const table = page.getByRole('table', { name: 'Deleted policies' });
  await table.getByRole('checkbox', { name: 'Select all deleted policies' }).click();
  await page.getByRole('button', { name: 'Restore selected (3)…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: 'Restore named location “Old VPN egress” first' }).uncheck();
  await dialog.getByRole('button', { name: 'Restore 2 policies (1 left out)' }).click();
  await expect.poll(restores.count).toBe(1);
  await page.getByRole('button', { name: 'Stop after this one' }).click();
  restores.stopHolding();
  await expect(page.getByText(/^Stopped: 1 of 2 done$/)).toBeVisible({ timeout: 30_000 });

  // The location's own restore is under way: the run it has nothing to do with stays stopped, Resume offered.
  const locationRestores = await holdRequests(page, /\/deletedItems\/namedLocations\/[^/]+\/restore$/, 'POST');
  const location = page.getByRole('table', { name: 'Deleted named locations' }).getByRole('row').filter({ hasText: 'Old VPN egress' });
  await location.getByRole('button', { name: 'Restore', exact: true }).click();
  // A location's restore asks first (the policies that use it enforce on it again at once).
  await page.getByRole('dialog', { name: 'Restore “Old VPN egress”?' }).getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(location.getByRole('button', { name: 'Restoring…' })).toBeVisible();
  await expect.poll(locationRestores.count).toBe(1);
  await expect(page.getByText(/^Stopping after the policy under way/)).toHaveCount(0);
  await expect(page.getByText(/^Stopped: 1 of 2 done$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume (1 left)' })).toBeVisible();
  locationRestores.stopHolding();
  await expect(page.getByText('None. Named locations deleted in the last 30 days appear here.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Stopped: 1 of 2 done$/)).toBeVisible();
});
