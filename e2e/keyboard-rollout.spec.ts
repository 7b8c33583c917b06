// Staged rollout by keys, as heard by a screen reader: planning rings from Plan its rings… to Keep this
// plan (the focus on the editor's heading, each ring added or removed said, Keep this plan saying why it is
// off, Cancel back on the policy's choice); a plan kept or a rollout opened from the list has the focus on
// its title, All rollouts puts it back on the rollout left; removing a plan asks first and says it was done;
// the gate read and overridden by keys leaves the focus on the step let through and says so; deleting the
// copy says the rollout is finished with the focus on its title. Nowhere does the focus fall to the page's start.
import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { watchFocusLost } from './support/focus';
import { section } from './support/navigation';
import { keepRollouts, keptRollout } from './support/rollout-plan';
import { readPoliciesAsScript } from './support/script-client';
import { listenToWhatIsSaid } from './support/said';

const readPolicies = (request: APIRequestContext) => readPoliciesAsScript(request);

/** The words that describe the focused control (aria-describedby), as a screen reader reads them after its name. */
const focusedDescription = (page: Page) =>
  page.evaluate(() =>
    (document.activeElement?.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * A rollout as this device keeps it, ring 1 in the copy since now: after the emulator's reset, so none of its seeded
 * sign-ins (spread over the week before the reset, more of them in office hours) falls after the ring started. An hour
 * back, whether a ring 1 user had signed in since depended on the time of day the tests ran.
 */
const seededPlan = (policy: { id: string; displayName: string }, extra: Record<string, unknown> = {}) =>
  keptRollout(policy, new Date().toISOString(), extra);

test.beforeEach(async ({ page, signInPage, policiesPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await emulator.reset();
  await withholdScopes([]);
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  // Signed in and the policies read: the page is settled before a rollout is put on this device.
  await expect(policiesPage.rows).toHaveCount(35);
});

test('planning rings by keys: the editor takes the focus, each ring added or removed is said, Keep this plan says why it is off, Cancel and Remove ask or land where the admin was', async ({
  page,
}) => {
  const said = await listenToWhatIsSaid(page);
  await page.reload();
  await section(page, 'Rollout').click();
  const lost = await watchFocusLost(page, 100);
  const choice = page.getByRole('combobox', { name: 'Policy to roll out' });
  await expect(choice.getByRole('option', { name: /^CA006/ })).toHaveCount(1);
  const name = (await choice.getByRole('option', { name: /^CA006/ }).textContent())!;

  // Plan its rings… is off until a policy is chosen, and says so where the keyboard reaches it.
  const plan = page.getByRole('button', { name: 'Plan its rings…' });
  await plan.focus();
  await expect(plan).toBeFocused();
  expect(await focusedDescription(page)).toBe('Choose a policy first.');
  await choice.selectOption({ label: name });
  await plan.focus();
  await page.keyboard.press('Enter');
  // The button pressed left with the list: the keyboard starts on the editor's heading.
  await expect(page.getByRole('heading', { name: `Rings for “${name}”` })).toBeFocused();

  // Keep this plan, off with no ring, is reached by Tab and says why.
  const keep = page.getByRole('button', { name: 'Keep this plan' });
  await keep.focus();
  await expect(keep).toBeFocused();
  expect(await focusedDescription(page)).toBe('The plan needs at least one ring.');

  // Add a new group, off until the group is named, says so.
  await page.getByRole('button', { name: 'Add a new group' }).focus();
  expect(await focusedDescription(page)).toBe('Name the new group first.');

  // Each ring added is said; the one removed too, with how many are left.
  const status = page.getByRole('status').filter({ hasText: /added as ring|removed;/ });
  const newGroup = page.getByRole('textbox', { name: 'Or a new assigned group, named' });
  for (const ring of ['CA006 pilot ring', 'CA006 second ring']) {
    await newGroup.fill(ring);
    await newGroup.press('Tab');
    await expect(page.getByRole('button', { name: 'Add a new group' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(status).toHaveText('CA006 second ring added as ring 2, a new group created empty by the start.');
  await page.getByRole('button', { name: 'Remove ring 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Ring 1 (CA006 pilot ring) removed; 1 ring left.');
  await expect(page.getByRole('button', { name: 'Remove ring 1' })).toBeFocused();

  // Cancel: back on the policy's choice, not the page's start.
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(choice).toBeFocused();

  // Planned again and kept: the rollout's title has the focus.
  await choice.selectOption({ label: name });
  await plan.focus();
  await page.keyboard.press('Enter');
  await newGroup.fill('CA006 pilot ring');
  await page.getByRole('button', { name: 'Add a new group' }).click();
  await keep.focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { name: `Rollout of “${name}”` });
  await expect(title).toBeFocused();

  // Removing the plan asks first; Cancel keeps it, the focus back on the button.
  const remove = page.getByRole('button', { name: 'Remove this plan' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Remove the plan for “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(title).toBeVisible();

  // Removed: said, with the focus on the page's heading (its button left with the rollout).
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Remove the plan' }).click();
  await expect(page.getByRole('group', { name: 'Removed from this device' })).toContainText(
    `The rollout of “${name}” is no longer kept here`,
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Staged rollout' })).toBeFocused();
  await expect.poll(() => said.times(/^Removed from this device/)).toBeGreaterThan(0);
  expect(await lost()).toEqual([]);
});

test('a rollout under way by keys: opened from the list it has the focus, All rollouts goes back to it, the gate overridden leaves the focus on the step let through and is said', async ({
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policy = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;
  await request.dispose();
  await keepRollouts(page, [seededPlan(policy)]);
  const said = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.reload();
  await section(page, 'Rollout').click();
  const lost = await watchFocusLost(page, 100);
  const list = page.getByRole('table', { name: 'Rollouts on this device' });
  await list.getByRole('button', { name: policy.displayName }).focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { name: `Rollout of “${policy.displayName}”` });
  await expect(title).toBeFocused();

  // All rollouts: back on the list, on the rollout just left.
  await page.getByRole('button', { name: 'All rollouts' }).focus();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('button', { name: policy.displayName })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();

  // The step is off and says why, where the keyboard reaches it.
  const add = page.getByRole('button', { name: 'Add Ring 2 (Finance)…' });
  await add.focus();
  await expect(add).toBeFocused();
  expect(await focusedDescription(page)).toMatch(/^The gate has not let this step through yet/);

  // Read by keys: the button keeps the focus, its phase is said.
  const read = page.getByRole('button', { name: 'Read the gate' });
  await read.focus();
  await page.keyboard.press('Enter');
  // Nobody of ring 1 signed in since it started: the gate waits, and the admin may go on by overriding it.
  await expect(page.getByRole('group', { name: 'Waiting for sign-ins' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Read the gate again' })).toBeFocused();
  await expect.poll(() => said.times(/^Reading the rings’ members…$/)).toBeGreaterThan(0);

  // Overridden by keys: the focus goes to the step let through, and the override is said.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^Reason to go on despite the gate/ })).toBeFocused();
  await page.keyboard.type('logs are read in the admin center');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Override the gate before Ring 2 (Finance)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(add).toBeFocused();
  await expect(add).toBeEnabled();
  await expect(page.getByRole('group', { name: 'The gate was overridden' })).toContainText('Ring 2 (Finance) can be added');
  await expect.poll(() => said.times(/^The gate was overridden/)).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
  expect(await lost()).toEqual([]);
});

test('deleting the copy by keys: asked first, then said, with the focus on the rollout’s title', async ({ page, playwright }) => {
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policies = await readPolicies(request);
  await request.dispose();
  const policy = policies.find((p) => p.displayName.startsWith('CA006'))!;
  // Another policy stands for the copy: the finish turned the policy on, the copy is left to delete.
  const copy = policies.find((p) => p.displayName.startsWith('CA007'))!;
  await keepRollouts(page, [seededPlan(policy, { status: 'finishing', copyId: copy.id, copyName: copy.displayName })]);
  const said = await listenToWhatIsSaid(page);
  await page.reload();
  await section(page, 'Rollout').click();
  await page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('button', { name: policy.displayName }).click();
  const lost = await watchFocusLost(page, 100);
  const title = page.getByRole('heading', { name: `Rollout of “${policy.displayName}”` });
  await page.getByRole('button', { name: 'Delete the copy…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete the copy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'The copy was deleted' })).toContainText('the policy itself covers the rings now');
  await expect(title).toBeFocused();
  await expect.poll(() => said.times(/^The copy was deleted/)).toBeGreaterThan(0);

  // Removing the finished rollout from the device asks first.
  await page.getByRole('button', { name: 'Remove this rollout from the device' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Remove the rollout of / })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Remove this rollout from the device' })).toBeFocused();
  expect(await lost()).toEqual([]);
});

test('a step left unfinished, by keys: its rollbacks say why they are off, opening it leaves the focus on the way back, forgetting it asks first and is said', async ({
  page,
  playwright,
}) => {
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policy = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;
  await request.dispose();
  await keepRollouts(page, [seededPlan(policy, { pending: { kind: 'advance', ring: 'ring-2' } })]);
  const said = await listenToWhatIsSaid(page);
  await page.reload();
  await section(page, 'Rollout').click();
  await page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('button', { name: policy.displayName }).click();
  const lost = await watchFocusLost(page, 100);
  const title = page.getByRole('heading', { name: `Rollout of “${policy.displayName}”` });

  // Ring 1 cannot be rolled back while the step is unfinished: its button is reached and says why.
  const rollback = page.getByRole('button', { name: 'Roll back ring 1…' });
  await rollback.focus();
  await expect(rollback).toBeFocused();
  // Until the policies are read it says that instead; then why the step keeps it off.
  await expect.poll(() => focusedDescription(page)).toMatch(/a step is unfinished/);

  // Its run is not kept on this device: the keyboard is put on the way back.
  await page.getByRole('button', { name: 'Open the unfinished step' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No unfinished run on this device')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to the rollout' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();

  // Forgetting the step asks first; done, it is said and the focus is on the rollout's title.
  await page.getByRole('button', { name: 'Forget the step' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Forget the unfinished step?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'The step was forgotten' })).toBeVisible();
  await expect(title).toBeFocused();
  await expect(page.getByRole('button', { name: 'Roll back ring 1…' })).toBeEnabled();
  await expect.poll(() => said.times(/^The step was forgotten/)).toBeGreaterThan(0);
  expect(await lost()).toEqual([]);
});
