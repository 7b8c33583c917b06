// Contingency plans by keys, as heard by a screen reader: each action of a card names its plan; a plan
// that is not ready keeps its switch reachable by Tab, which says why it cannot be used (a disabled
// button was skipped, its reason unsaid), as does the exclusion that cannot be chosen while no emergency
// account is named; a switch back with nothing left to put back is said in its card, with the focus on
// it (its button went with the switch); the notice above the policy list names its plan in its link,
// which leads the focus to that plan's card; the plans found, or that there are none, are said once read.
import type { Page } from '@playwright/test';
import { asColleague } from './support/colleague';
import { seedMfaDisruptionPlan } from './support/contingency-plan';
import { CONTOSO_TENANT_ID } from './support/test-accounts';
import { expect, test } from './support/fixtures';
import { tabTo, watchFocusLost } from './support/focus';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

const CA = '/beta/identity/conditionalAccess/policies';

test('a plan that is not ready: its switch and its exclusion are reached by Tab and say why they cannot be used', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  // A plan whose second policy blocks: its emergency accounts must be excluded first.
  await seedMfaDisruptionPlan(page);
  await page.reload();
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'MFA Disruption' });

  // No emergency account named yet: the exclusion cannot be chosen, and says so to the keyboard that reaches it.
  const exclude = card.getByRole('checkbox', { name: /^First, exclude the emergency accounts/ });
  await card.getByRole('button', { name: 'Choose policies…' }).focus();
  await tabTo(page, exclude, { limit: 10 });
  await expect(exclude).toHaveAccessibleDescription(/No emergency accounts are named in Settings/);
  await page.keyboard.press('Space');
  await expect(exclude).not.toBeChecked();
  // Each action names its plan, beyond what it does.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName('Drill: show every change, write nothing (MFA Disruption)');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName('Switch to this plan… (MFA Disruption)');

  // The emergency group named: EM02 blocks it, so the plan is not ready until the exclusion is chosen.
  const groups = await asColleague<{ value: { id: string; displayName: string }[] }>(
    page,
    'GET',
    `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'CA - Emergency access accounts'")}`,
  );
  await page.evaluate(({ key, value }) => localStorage.setItem(key, JSON.stringify(value)), {
    key: `gatehouse.emergency-access.${CONTOSO_TENANT_ID}`,
    value: { users: [], groups: [{ id: groups.value[0]!.id, name: groups.value[0]!.displayName }] },
  });
  await page.reload();
  const lost = await watchFocusLost(page);
  const switchOn = card.getByRole('button', { name: 'Switch to this plan… (MFA Disruption)' });
  await card.getByRole('button', { name: /^Drill/ }).focus();
  await tabTo(page, switchOn, { limit: 3 });
  await expect(switchOn).toBeDisabled();
  await expect(switchOn).toHaveAccessibleDescription(
    /^Not ready: 'EM02 - ENABLE IN EMERGENCY: .+' blocks and excludes none of the emergency/,
  );
  // Enter on it writes nothing and opens no plan; the focus stays.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The plan for Contoso' })).toHaveCount(0);
  await expect(switchOn).toBeFocused();

  // Back to the exclusion, chosen by Space: the switch can be used, and has nothing more to say.
  await tabTo(page, exclude, { limit: 5, back: true });
  await expect(exclude).not.toHaveAccessibleDescription(/./);
  await page.keyboard.press('Space');
  await expect(exclude).toBeChecked();
  await tabTo(page, switchOn, { limit: 5 });
  await expect(switchOn).toBeEnabled();
  await expect(switchOn).not.toHaveAccessibleDescription(/./);
  expect(await lost()).toEqual([]);
});

test('a switch back with nothing left to put back is said in its card, where the focus goes', async ({
  page,
  signInPage,
  consoleGuard,
}) => {
  // The colleague's script shares the tenant's Conditional Access allowance: throttled calls are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  const { times: said } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await card.getByRole('button', { name: /^Switch to this plan…/ }).click();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await page.getByRole('button', { name: 'Write step 2 of 2' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  // A colleague puts both policies back by hand.
  const all = (await asColleague<{ value: { id: string; displayName: string }[] }>(page, 'GET', CA)).value;
  for (const policy of all.filter((p) => p.displayName.includes('Compliance service disruption')))
    await asColleague(page, 'PATCH', `${CA}/${policy.id}`, { state: 'enabledForReportingButNotEnforced' });

  const lost = await watchFocusLost(page);
  const back = card.getByRole('button', { name: /^Switch back…/ });
  await back.focus();
  await page.keyboard.press('Enter');
  // Nothing to write: the switch is closed, its button gone; the card says so and has the focus.
  await expect(back).toHaveCount(0);
  const refusal = card.locator(':focus');
  await expect(refusal).toContainText('Nothing was switched');
  await expect(refusal).toContainText('Every touched policy is already back as it was.');
  await expect.poll(() => said(/Every touched policy is already back as it was/)).toBeGreaterThanOrEqual(1);
  expect(await lost()).toEqual([]);
  // The way on from here is the switch again, by Tab from where the focus is.
  await tabTo(page, card.getByRole('button', { name: /^Switch to this plan…/ }), { limit: 10, back: true });
});

/**
 * A plan whose blocking policy excludes none of the emergency accounts named (a lock-out): not ready,
 * said above the policies once the page is read again.
 */
async function seedPlanNotReady(page: Page) {
  await asColleague(page, 'POST', CA, {
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1] - All apps: Block legacy authentication',
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      users: { includeUsers: ['All'] },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
  const groups = await asColleague<{ value: { id: string; displayName: string }[] }>(
    page,
    'GET',
    `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'CA - Emergency access accounts'")}`,
  );
  await page.evaluate(({ key, value }) => localStorage.setItem(key, JSON.stringify(value)), {
    key: `gatehouse.emergency-access.${CONTOSO_TENANT_ID}`,
    value: { users: [], groups: [{ id: groups.value[0]!.id, name: groups.value[0]!.displayName }] },
  });
  await page.reload();
  await expect(page.getByText('MFA Disruption: the contingency plan is not ready')).toBeVisible();
}

test('the link of the notice above the policy list leads the focus to that plan’s card', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await seedPlanNotReady(page);
  const link = page.getByRole('link', { name: /^Open the contingency plans/ });
  await link.focus();
  await page.keyboard.press('Enter');
  // The keyboard lands on the plan the notice was about, not on the page's start or its title.
  await expect(page.getByRole('group', { name: 'MFA Disruption' }).getByRole('heading', { name: 'MFA Disruption' })).toBeFocused();
});

test('the link of the notice above the policy list names its plan', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  // The demo's own plan is ready (no notice of its own): the one notice is this plan's.
  await seedPlanNotReady(page);
  await expect(page.getByRole('link', { name: /^Open the contingency plans/ })).toHaveAccessibleName(
    'Open the contingency plans at MFA Disruption',
  );
});

test('the plans found, or that there are none, are said once the policies are read', async ({ page, signInPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  const { times: said } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Contingency').click();
  await expect(page.getByRole('group', { name: 'Compliance service disruption' })).toBeVisible();
  // Read afresh (a reload): what the page found is said when it is read.
  await page.reload();
  if (!page.url().endsWith('/contingency')) await section(page, 'Contingency').click();
  await expect.poll(() => said(/^One contingency plan: Compliance service disruption\.$/)).toBe(1);

  // A colleague deletes the plan's policies: the page, read again, has no plan, and says so.
  const all = (await asColleague<{ value: { id: string; displayName: string }[] }>(page, 'GET', CA)).value;
  for (const policy of all.filter((p) => p.displayName.startsWith('EM0'))) await asColleague(page, 'DELETE', `${CA}/${policy.id}`);
  await page.reload();
  if (!page.url().endsWith('/contingency')) await section(page, 'Contingency').click();
  await expect(page.getByText('No contingency policies')).toBeVisible();
  await expect.poll(() => said(/^No contingency plan: no policy is named as a contingency policy\.$/)).toBe(1);
});
