// A run that ends while the console asks whether to leave it, against the emulator server: the question
// stays (nothing moves without the admin's answer) but no longer says that leaving cuts the run short,
// and Leave then goes where the admin asked. The run's only write is held until the test lets it go.
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

const imported = {
  displayName: 'Leave after run',
  state: 'disabled',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};

test('a run that ends while the leave question is open changes its words; Leave then goes where the link goes', async ({
  page,
  policiesPage,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let creates = 0;
  await page.route('**/beta/identity/conditionalAccess/policies', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    creates += 1;
    await released;
    await route.fallback().catch(() => {});
  });
  await section(page, 'Import').click();
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([imported])) });
  await page.getByRole('button', { name: /^Apply: 1 change to / }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Write to / })
    .click();
  await expect.poll(() => creates).toBe(1);

  await section(page, 'Policies').click();
  await expect(page.getByRole('dialog', { name: 'Stop writing and leave?' })).toContainText('Leaving stops it after the write under way');

  // The write answers and the run ends with the question open: it stays, in words that lose nothing.
  release();
  const ended = page.getByRole('dialog', { name: 'Leave this page?' });
  await expect(ended).toContainText('has ended, so leaving cuts nothing short', { timeout: 30_000 });
  await expect(ended).not.toContainText('Leaving stops it');
  await expect(ended.getByRole('button', { name: 'Stay' })).toBeFocused();
  await expect(page).toHaveURL(/\/import/);

  await ended.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(policiesPage.row('Leave after run')).toHaveCount(1);
});

test('a guided switch half done asks before it is left: when its step answers with the question open, and between steps', async ({
  page,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let writes = 0;
  await page.route('**/beta/identity/conditionalAccess/policies/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.fallback();
    writes += 1;
    if (writes === 1) await released;
    await route.fallback().catch(() => {});
  });
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await page.getByRole('button', { name: /^Apply: \d+ changes? to / }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Write to / })
    .click();
  await expect.poll(() => writes).toBe(1);

  await section(page, 'Policies').click();
  await expect(page.getByRole('dialog', { name: 'Stop writing and leave?' })).toBeVisible();
  // The first step is written and the guided run waits for the next: not an ended run, and still a question.
  release();
  const halfDone = page.getByRole('dialog', { name: 'Leave with the run half done?' });
  await expect(halfDone).toContainText(/1 of \d+ written to .+, so its policies are part switched\. Nothing is being written now/, {
    timeout: 30_000,
  });
  await expect(halfDone).not.toContainText('has ended');
  await halfDone.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('heading', { name: /^Step 1 of \d+ written/ })).toBeVisible();
  expect(writes).toBe(1);

  // Between steps, nothing is being written, but leaving still asks.
  await section(page, 'Policies').click();
  await expect(halfDone.getByRole('button', { name: 'Stay' })).toBeFocused();
  await halfDone.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  expect(writes).toBe(1);

  // Another page that writes through a plan does not offer to resume it: it says where it waits.
  await section(page, 'Import').click();
  const waiting = page.getByText(/^An unfinished run waits: Contingency, the switch to the plan for Compliance service disruption/);
  await expect(waiting).toBeVisible();
  await expect(page.getByText(/1 of 2 written to .+ It resumes on its own page/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await page.getByRole('link', { name: 'open it there' }).click();

  // The journal kept it: back on the page, the plan says it is half done, and the switch goes on from step 2.
  await expect(page).toHaveURL(/\/contingency$/);
  await expect(card).toContainText(/Switch half done: step 1 of 2 written/);
  await expect(card).not.toContainText('2 policies were changed');
  await card.getByRole('button', { name: 'Continue the switch' }).click();
  await page.getByRole('button', { name: 'Write step 2 of 2' }).click();
  await expect(page.getByRole('heading', { name: /^Applied to / })).toBeVisible({ timeout: 30_000 });
  expect(writes).toBe(2);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(card).toContainText(/Switched on .+ by /);
  await expect(card.getByRole('button', { name: 'Continue the switch' })).toHaveCount(0);
});
