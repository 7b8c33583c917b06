// Contingency plans: recognised from Microsoft's naming, made ready (the emergency accounts
// excluded first, a normal policy to turn off), rehearsed in a drill that writes nothing, switched
// on through the reviewed plan flow, and switched back to exactly what was there before.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { asColleague } from './support/colleague';
import { seedMfaDisruptionPlan } from './support/contingency-plan';
import { readPoliciesAsScript } from './support/script-client';
import { CONTOSO_TENANT_ID } from './support/test-accounts';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { confirmRisks, riskToAda } from './support/risks';

type Policy = { id: string; displayName: string; state: string; conditions: { users: { excludeGroups: string[] } } };
const CA = '/beta/identity/conditionalAccess/policies';

async function policies(page: Page): Promise<Policy[]> {
  return ((await asColleague<{ value: Policy[] }>(page, 'GET', CA)).value ?? []).sort((a, b) => a.id.localeCompare(b.id));
}

test('a contingency plan is made ready, drilled, switched on and switched back exactly', async ({ page, signInPage, consoleGuard }) => {
  // Six paced writes and two reviewed plans: more than the default minute on a busy machine.
  test.slow();
  // The colleague's script shares the tenant's Conditional Access allowance: throttled calls are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();

  // Two contingency policies for an MFA disruption, waiting in report-only; the emergency group named in Settings.
  await seedMfaDisruptionPlan(page);
  const groups = await asColleague<{ value: { id: string; displayName: string }[] }>(
    page,
    'GET',
    `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'CA - Emergency access accounts'")}`,
  );
  const emergency = groups.value[0]!;
  await page.evaluate(({ key, value }) => localStorage.setItem(key, JSON.stringify(value)), {
    key: `gatehouse.emergency-access.${CONTOSO_TENANT_ID}`,
    value: { users: [], groups: [{ id: emergency.id, name: emergency.displayName }] },
  });
  const before = await policies(page);

  await page.reload();
  // The policy list says the plan would not work today, and leads to it.
  await expect(page.getByText('MFA Disruption: the contingency plan is not ready')).toBeVisible();
  await page.getByRole('link', { name: 'Open the contingency plans' }).click();
  await expect(section(page, 'Contingency')).toHaveAttribute('aria-current', 'page');
  const card = page.getByRole('group', { name: 'MFA Disruption' });
  await expect(card.getByRole('list', { name: 'Contingency policies of MFA Disruption' }).getByRole('listitem')).toHaveText([
    /^EM01 - ENABLE IN EMERGENCY: [^[]+\[1\/2\]/,
    /^EM02 - ENABLE IN EMERGENCY: [^[]+\[2\/2\]/,
  ]);
  // EM02 blocks and excludes no emergency account: not ready, until the plan excludes them first.
  await expect(card.getByRole('list', { name: 'Readiness of MFA Disruption' })).toContainText(
    'blocks and excludes none of the emergency accounts (CA - Emergency access accounts)',
  );
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeDisabled();
  await card.getByRole('checkbox', { name: /^First, exclude the emergency accounts/ }).check();
  // Switching is allowed, with a note: the plan turns off nothing yet, so CA001 would keep asking for MFA.
  await expect(card.getByRole('list', { name: 'Readiness of MFA Disruption' })).toHaveText(/^Note\s*It turns off no normal policy/);
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeEnabled();

  // While it is on, CA001 (MFA for everyone) is turned off.
  await card.getByRole('button', { name: 'Choose policies…' }).click();
  await card.getByRole('button', { name: 'None', exact: true }).click();
  await card
    .getByRole('group', { name: 'Normal policies MFA Disruption turns off' })
    .getByRole('checkbox', { name: /^CA001/ })
    .check();
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();

  // The drill shows both ways and writes nothing.
  await card.getByRole('button', { name: 'Drill: show every change, write nothing' }).click();
  const on = card.getByRole('list', { name: 'Switching on' }).getByRole('listitem');
  // The emergency accounts are excluded first from both: EM02 blocks, and EM01 asks for a compliant device they may lack.
  await expect(on).toHaveCount(5);
  await expect(on.nth(0)).toContainText('Add exclusions to ‘EM01');
  await expect(on.nth(1)).toContainText('Add exclusions to ‘EM02');
  await expect(on.nth(4)).toContainText('Turn off ‘CA001');
  await expect(card.getByRole('list', { name: 'Switching back' }).getByRole('listitem')).toHaveCount(3);
  expect(await policies(page)).toEqual(before);

  // The switch: reviewed as a plan, guarded, written.
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await expect(page.getByText(/0 to create, 3 to update/)).toBeVisible();
  // A switch of the tenant's own policies, in its words: they are switched, in the states the switch means.
  await expect(page.getByText('All 3 policies are chosen.')).toBeVisible();
  await expect(page.getByText(/Of the 3 policies chosen: 3 are switched as the plan says\./)).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'State of the policies written' })).toHaveCount(0);
  // The emergency accounts are excluded first: only the admin is asked about, for each policy turned on.
  await confirmRisks(page, [riskToAda('EM01'), riskToAda('EM02')]);
  await page.getByRole('button', { name: /^Apply: 3 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  // A guided run: one step, then it waits, showing the next step before it is written.
  await expect(page.getByRole('heading', { name: 'Step 1 of 3 written' })).toBeVisible();
  const nextStep = page.getByRole('region', { name: 'Next step' });
  await expect(nextStep).toContainText(/Next, step 2: Update ‘(EM0|CA001)/);
  const halfway = await policies(page);
  expect(halfway.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]))).toHaveLength(1);
  await page.getByRole('button', { name: 'Write step 2 of 3' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 3 written' })).toBeVisible();
  await page.getByRole('button', { name: 'Write step 3 of 3' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  const during = await policies(page);
  const named = (start: string) => during.find((p) => p.displayName.startsWith(start))!;
  expect(named('EM01 - ENABLE IN EMERGENCY: MFA').state).toBe('enabled');
  expect(named('EM02 - ENABLE IN EMERGENCY: MFA').state).toBe('enabled');
  expect(named('EM02 - ENABLE IN EMERGENCY: MFA').conditions.users.excludeGroups).toEqual([emergency.id]);
  expect(named('CA001').state).toBe('disabled');

  // Done goes back to the plans, the card saying the plan is on (where the keyboard now is) and offering the way back.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(card.locator(':focus')).toHaveText(/^Switched on .+ by Ada Lindqvist.+3 policies were changed/);
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toHaveCount(0);

  // And back: every touched policy exactly as it was.
  await card.getByRole('button', { name: 'Switch back…' }).click();
  await expect(page.getByText(/0 to create, 3 to update/)).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 3 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  const strip = (list: Policy[]) =>
    list.map(({ id, displayName, state, conditions }) => ({ id, displayName, state, users: conditions.users }));
  expect(strip(await policies(page))).toEqual(strip(before));
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(card.getByRole('heading', { name: 'MFA Disruption' })).toBeFocused();
  await expect(card.getByText(/^Switched on /)).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeEnabled();
});

test('Done after a switch goes back to the plans, whose card says the plan is on and who switched it', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  await expect(page.getByText('All 2 policies are chosen.')).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2 written' })).toBeVisible();
  // One step left: its own button writes it; no 'Write the remaining 1 steps' beside it.
  await expect(page.getByRole('button', { name: 'Write step 2 of 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Write the remaining/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Write step 2 of 2' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  // The plans again, not the same plan made against what was just written ('0 to update … 2 skipped').
  await expect(page.getByRole('heading', { name: 'The plan for Contoso' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nothing to write' })).toHaveCount(0);
  // The keyboard is on the card's word that the plan is on.
  await expect(card.locator(':focus')).toHaveText(/^Switched on .+ by Ada Lindqvist.+2 policies were changed\./);
  // On: the way on is switching back; the notes say the plan turned its policies on rather than guess why.
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toHaveCount(0);
  const notes = card.getByRole('list', { name: 'Readiness of Compliance service disruption' });
  await expect(notes).toContainText(/'EM01 - ENABLE IN EMERGENCY: [^']+' is on: the plan was switched on .+ by Ada Lindqvist/);
  await expect(notes).not.toContainText('the plan is active, or it was left on');

  await card.getByRole('button', { name: 'Switch back…' }).click();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(card.getByRole('heading', { name: 'Compliance service disruption' })).toBeFocused();
  await expect(card.getByText(/^Switched on /)).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeEnabled();
  await expect(notes).not.toContainText('is on:');
});

test('the demo’s contingency plan is ready, goes into a backup with its edits, and comes back from it', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await expect(card.getByRole('list', { name: 'Contingency policies of Compliance service disruption' }).getByRole('listitem')).toHaveText([
    /^EM01 - ENABLE IN EMERGENCY: [^[]+\[1\/2\]/,
    /^EM02 - ENABLE IN EMERGENCY: [^[]+\[2\/2\]/,
  ]);
  // Nothing stands in its way; the demo names no emergency accounts in Settings, and the plan turns
  // nothing off yet, which it notes.
  await expect(card.getByRole('list', { name: 'Readiness of Compliance service disruption' }).getByRole('listitem')).toHaveText([
    /It turns off no normal policy/,
    /No emergency accounts are named in Settings/,
  ]);
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeEnabled();

  // An edit the naming cannot carry: CA007 (compliant device on desktops) is turned off while the plan is on.
  await card.getByRole('button', { name: 'Choose policies…' }).click();
  await card.getByRole('button', { name: 'None', exact: true }).click();
  const suspended = card.getByRole('group', { name: 'Normal policies Compliance service disruption turns off' });
  await suspended.getByRole('checkbox', { name: /^CA007/ }).check();

  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByRole('table', { name: 'What the backup holds' }).getByRole('row', { name: /^Contingency plans/ })).toContainText(
    '1',
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  const backupPath = await download.path();
  const plans = (JSON.parse(readFileSync(backupPath, 'utf8')) as { contingencyPlans: { suspend: { name: string }[] }[] }).contingencyPlans;
  expect(plans.map((p) => p.suspend.map((s) => s.name))).toEqual([[expect.stringMatching(/^CA007/)]]);

  // This device forgets the plan's edits (another browser, cleared storage): the backup brings them back.
  await page.evaluate((key) => localStorage.removeItem(key), `gatehouse.contingency.${CONTOSO_TENANT_ID}`);
  await page.reload();
  await section(page, 'Contingency').click();
  await card.getByRole('button', { name: 'Choose policies…' }).click();
  await expect(suspended.getByRole('checkbox', { name: /^CA007/ })).not.toBeChecked();
  await page.getByLabel('Backup file').setInputFiles(backupPath);
  await expect(page.getByText(/^One plan restored from /)).toBeVisible();
  await expect(suspended.getByRole('checkbox', { name: /^CA007/ })).toBeChecked();

  // Undo puts back what this device had before.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(suspended.getByRole('checkbox', { name: /^CA007/ })).not.toBeChecked();
});

test('a switch put aside half way asks first, then its plan says how much of it is in place, from the policies', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2 written' })).toBeVisible();

  // Putting it aside forgets the run: asked first, and Keep the run keeps it.
  await page.getByRole('button', { name: 'Put this run aside' }).click();
  const ask = page.getByRole('dialog', { name: 'Put this run aside?' });
  await expect(ask).toContainText('Not written yet: 1 of 2.');
  await ask.getByRole('button', { name: 'Keep the run' }).click();
  // The keyboard's focus comes back to the button that asked, not to the top of the page.
  await expect(page.getByRole('button', { name: 'Put this run aside' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Write step 2 of 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Put this run aside' }).click();
  await ask.getByRole('button', { name: 'Put it aside' }).click();

  // The plans again; the card reads the policies: one of the two is switched, and there is no run to continue.
  await expect(card).toContainText('1 of its 2 policies are changed; the others were not written');
  await expect(card).not.toContainText('2 policies were changed');
  await expect(card.getByRole('button', { name: 'Continue the switch' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Switch back…' }).click();
  await expect(page.getByRole('button', { name: /^Apply: 1 change to Contoso/ })).toBeVisible();
});

test('a switch step Graph refuses stops the switch: the next step is not written', async ({
  page,
  signInPage,
  playwright,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/policies/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  // Graph refuses the first step (a contingency policy turned on): the second (another turned on) must wait.
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'PATCH /beta/identity/conditionalAccess/policies/', fault: 400, times: 1 }],
  });
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped before the end' })).toBeVisible();
  await expect(page.getByText('0 of 2 written, 1 failed.')).toBeVisible();
  await expect(
    page.getByText(/each write of this run needs the one before it: nothing after it was sent, and the next one waits for you/),
  ).toBeVisible();
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const states = (await readPoliciesAsScript<Policy>(request))
    .filter((p) => p.displayName.includes('Compliance service disruption'))
    .map((p) => p.state);
  expect(states).toEqual(['enabledForReportingButNotEnforced', 'enabledForReportingButNotEnforced']);
  await request.dispose();

  // Resumed, the refused step is sent again; the next still waits for the admin.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 2 written' })).toBeVisible();
});
