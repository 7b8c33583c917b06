// Staged rollout against the emulator server: CA006 (block outside the allowed countries) planned in
// two rings, the first refusing the emergency group; the start puts the policy report-only and creates
// the enforced copy for ring 1; sign-ins of ring 1's users made through the emulator's control (one
// from an allowed country, one from France) make the gate pause and say why; the admin overrides with
// a reason, adds ring 2, then rolls ring 2 back; later the finish turns the policy itself on and the
// copy is deleted. Graph, read by another client, holds the copy and the policy as each step left them.
import type { APIRequestContext } from '@playwright/test';
import { contosoDirectory } from '../src/emulator/seed/contoso';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, signInToLocalTenant, test, withholdScopes } from './support/fixtures';
import { urls } from './support/ports';
import { readPoliciesAsScript, scriptHeaders } from './support/script-client';
import { section } from './support/navigation';
import { keepRollouts, keptRing, keptRollout, planRingsFor, ROLLOUTS_KEY } from './support/rollout-plan';
import { nameEmergencyGroup } from './support/emergency-group';
import { confirmRisks, riskToAda } from './support/risks';

const SERVICE_ACCOUNTS = contosoDirectory.group('CA - Service accounts');
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';

interface Policy {
  id: string;
  displayName: string;
  state: string;
  conditions: { users: { includeUsers: string[]; includeGroups: string[]; excludeGroups: string[] } };
}

const readPolicies = (request: APIRequestContext) => readPoliciesAsScript<Policy>(request);

/** The groups of this name, as another client reads them from Graph. */
async function groupsNamed(request: APIRequestContext, name: string): Promise<{ id: string; groupTypes: string[] }[]> {
  const headers = await scriptHeaders(request, 'Group.Read.All');
  const answer = await request.get(`${urls.emulator}/v1.0/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`, { headers });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { value: { id: string; groupTypes: string[] }[] }).value;
}

async function signIns(tenantId: string, facts: object[]) {
  const answer = await fetch(`${urls.emulator}/_emulator/tenants/${tenantId}/sign-ins`, { method: 'POST', body: JSON.stringify(facts) });
  expect(answer.status, await answer.text()).toBe(200);
}

test('a rollout through two rings: the gate pauses on blocked sign-ins and says why; overridden, then a ring rolled back', async ({
  page,
  signInPage,
  playwright,
  consoleGuard,
  policiesPage,
}) => {
  test.setTimeout(180_000);
  // The reads by another client share the tenant's Conditional Access limit: the console's next call may be answered 429 and retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const before = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;
  expect(before.state).toBe('enabled');

  await nameEmergencyGroup(page);

  await section(page, 'Rollout').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staged rollout' })).toBeVisible();
  await expect(page.getByText('No rollout yet')).toBeVisible();
  await page.getByRole('combobox', { name: 'Policy to roll out' }).selectOption({ label: before.displayName });
  await page.getByRole('button', { name: 'Plan its rings…' }).click();
  // Before any ring, the plan cannot be kept, and the form's own words say what to do: no error yet.
  await expect(page.getByRole('button', { name: 'Keep this plan' })).toBeDisabled();
  await expect(page.getByText('Add at least one ring.')).toHaveCount(0);

  // The emergency group cannot be the first ring.
  const ringPicker = page.getByRole('combobox', { name: 'Groups for a new ring' });
  await ringPicker.fill('CA - Emer');
  await page.getByRole('option', { name: /^CA - Emergency access accounts/ }).click();
  await expect(
    page.getByText(
      'Ring 1 (CA - Emergency access accounts) is an emergency-access group: the first ring must not hold emergency accounts.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep this plan' })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove ring 1' }).click();

  await ringPicker.fill('CA - Serv');
  await page.getByRole('option', { name: /^CA - Service accounts/ }).click();
  await ringPicker.fill('Finan');
  await page.getByRole('option', { name: /^Finance/ }).click();
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row', { name: /CA - Service accounts/ })).toContainText('2 users');
  await expect(rings.getByRole('row', { name: /Finance/ })).toContainText('0 users');
  // The gate waits for 20 sign-ins unless told otherwise, and never for none; ring 1's two users sign in below, so it judges on 2.
  const waitFor = page.getByRole('spinbutton', { name: 'Sign-ins to wait for before judging' });
  await expect(waitFor).toHaveValue('20');
  await waitFor.fill('0');
  await waitFor.press('Tab');
  await expect(page.getByText('At least 1: a gate that waits for no sign-in judges nothing. Kept at 20.')).toBeVisible();
  await waitFor.fill('2');
  await waitFor.press('Tab');
  await expect(page.getByText('A small sample judges little: over 2 sign-ins, one blocked is already 50 %.')).toBeVisible();
  await page.getByRole('button', { name: 'Keep this plan' }).click();

  // The start: the policy report-only, the copy enforced for ring 1, reviewed and written by the plan flow.
  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await expect(page.getByText(/1 to create, 1 to update/)).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'What was written' }).getByText('As planned')).toHaveCount(2);
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  await expect(rings.getByRole('row', { name: /Ring 1 \(CA - Service accounts\)/ })).toContainText('In the copy');

  let policies = await readPolicies(request);
  const original = policies.find((p) => p.id === before.id)!;
  const copy = policies.find((p) => p.displayName === `${before.displayName} [rollout]`)!;
  expect(original.state).toBe('enabledForReportingButNotEnforced');
  expect(original.conditions.users.includeUsers).toEqual(['All']);
  expect(copy.state).toBe('enabled');
  expect(copy.conditions.users.includeGroups).toEqual([SERVICE_ACCOUNTS]);
  expect(copy.conditions.users.excludeGroups).toEqual(before.conditions.users.excludeGroups);

  // Ring 1's users sign in: one from an allowed country, one from France, which the copy blocks.
  await signIns(await emulator.tenantId('Contoso'), [
    { userId: contosoDirectory.user('Sync Service Account'), appId: EXCHANGE, ipAddress: '198.51.100.7', country: 'NL' },
    { userId: contosoDirectory.user('Scanner Mailbox'), appId: EXCHANGE, ipAddress: '198.51.100.8', country: 'FR' },
  ]);
  await page.getByRole('button', { name: 'Read the gate' }).click();
  const gate = page.getByRole('region', { name: 'The gate’s reading' }).filter({ hasText: 'Paused' });
  await expect(gate).toContainText('50 % of the rings’ sign-ins were blocked (1 of 2), above the 10 % allowed.');
  await expect(gate).toContainText('2 sign-ins of 2 users, 1 it applied to: 1 blocked (50 %)');
  await expect(page.getByRole('button', { name: 'Add Ring 2 (Finance)…' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // The admin goes on anyway, saying why; the timeline keeps both.
  await page.getByLabel('Reason to go on despite the gate').fill('the scanner was moved abroad on purpose');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await expect(timeline.getByRole('row').nth(1)).toContainText('The pause was overridden: the scanner was moved abroad on purpose.');
  await expect(timeline.getByRole('row').nth(2)).toContainText('Paused.');
  await expect(timeline.getByRole('row').nth(2)).toContainText('2, 1, 0');

  await page.getByRole('button', { name: 'Add Ring 2 (Finance)…' }).click();
  await expect(page.getByText(/0 to create, 1 to update/)).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  await expect(rings.getByRole('row', { name: /Ring 2 \(Finance\)/ })).toContainText('In the copy');
  policies = await readPolicies(request);
  expect(policies.find((p) => p.id === copy.id)!.conditions.users.includeGroups).toEqual([
    SERVICE_ACCOUNTS,
    contosoDirectory.group('Finance'),
  ]);

  // One click per ring takes it back out of the copy, through the same review.
  await page.getByRole('button', { name: 'Roll back ring 2…' }).click();
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  // Done on a written step is back on the rollout too, not on the same step planned again against the result.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(/to update/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Rollout of / })).toBeFocused();
  await expect(rings.getByRole('row', { name: /Ring 2 \(Finance\)/ })).toContainText('Rolled back, waiting');
  await expect(timeline.getByRole('row').nth(1)).toContainText('Ring 2 (Finance) was rolled back: it left the copy.');

  policies = await readPolicies(request);
  const after = policies.find((p) => p.id === copy.id)!;
  expect(after.state).toBe('enabled');
  expect(after.conditions.users.includeGroups).toEqual([SERVICE_ACCOUNTS]);
  expect(policies.find((p) => p.id === before.id)!.state).toBe('enabledForReportingButNotEnforced');

  // The policy's own review says its controls are frozen while the rollout runs.
  const rolloutPage = page.url();
  const editor = new PolicyEditorPage(page);
  await editor.open(`/policies/${before.id}`);
  await editor.setState('Off');
  await editor.reviewButton.click();
  await expect(page.getByRole('dialog')).toContainText('Grant controls are frozen during its rollout');
  await page.getByRole('dialog').getByRole('button', { name: 'Back to editing' }).click();
  await page.getByRole('button', { name: 'Undo all changes…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Undo all changes' }).click();

  // Kept on the device: after a reload the rollout is listed where it stands.
  await page.goto(rolloutPage);
  await page.getByRole('button', { name: 'All rollouts' }).click();
  await expect(page.getByRole('table', { name: 'Rollouts on this device' })).toContainText('1 of 2 rings in the copy');
  await page.getByRole('button', { name: before.displayName }).click();

  // A rollback closes the gate again: ring 1's blocked sign-in still pauses it.
  await expect(page.getByRole('button', { name: 'Add Ring 2 (Finance)…' })).toBeDisabled();
  await page.getByRole('button', { name: 'Read the gate' }).click();
  await expect(page.getByRole('region', { name: 'The gate’s reading' }).filter({ hasText: 'Paused' })).toContainText('(1 of 2)');
  // An override needs a reason: the button is off until one is given, and says so.
  await expect(page.getByRole('button', { name: 'Override the gate' })).toBeDisabled();
  await expect(page.getByText('Say why you go on: the reason is kept in the timeline.')).toBeVisible();
  await page.getByLabel('Reason to go on despite the gate').fill('the scanner again');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  await page.getByRole('button', { name: 'Add Ring 2 (Finance)…' }).click();
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();

  // Nobody of the rings signed in since ring 2 joined: the gate waits, and the admin may go on.
  await page.getByRole('button', { name: 'Read the gate' }).click();
  await expect(page.getByRole('region', { name: 'The gate’s reading' }).filter({ hasText: 'Waiting for sign-ins' })).toContainText(
    'No sign-ins of the rings’ users since the last ring started',
  );
  await page.getByLabel('Reason to go on despite the gate').fill('Finance signs in at month end');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  // Not a pause: the timeline says what was gone past.
  await expect(timeline.getByRole('row').nth(1)).toContainText('The wait for sign-ins was overridden: Finance signs in at month end.');

  // The finish turns the policy itself on (the guard asks about the admin: a block for all users), then the copy is deleted.
  await page.getByRole('button', { name: 'Finish: turn the policy on…' }).click();
  await expect(page.getByText(/0 to create, 1 to update/)).toBeVisible();
  await confirmRisks(page, [riskToAda('CA006')]);
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  await expect(page.getByText('The policy is on for its own users: the copy is left to delete.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete the copy…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the copy' }).click();
  await expect(page.getByText('Finished.')).toBeVisible();
  await expect(timeline.getByRole('row').nth(1)).toContainText('[rollout]” was deleted.');

  policies = await readPolicies(request);
  const finished = policies.find((p) => p.id === before.id)!;
  expect(finished.state).toBe('enabled');
  expect(finished.conditions.users).toEqual(before.conditions.users);
  expect(policies.some((p) => p.id === copy.id)).toBe(false);
  await request.dispose();
});

test('without access to the sign-in logs, the gate says so plainly and what still works; the rollout goes into a backup and back', async ({
  page,
  signInPage,
  policiesPage,
  playwright,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(403, '/beta/auditLogs/signIns');
  consoleGuard.allowFailedResponse(403, '/v1.0/auditLogs/directoryAudits');
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage, ['AuditLog.Read.All']);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policy = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;
  await request.dispose();
  // A rollout under way, as this device keeps it: ring 1 in the copy since an hour ago.
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  await keepRollouts(page, [keptRollout(policy, startedAt)]);
  // Read when the Rollout page first opens.
  await section(page, 'Rollout').click();
  await page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('button', { name: policy.displayName }).click();
  await expect(page.getByRole('heading', { name: `Rollout of “${policy.displayName}”` })).toBeVisible();
  await page.getByRole('button', { name: 'Read the gate' }).click();
  await expect(page.getByText('The sign-in logs cannot be read', { exact: true })).toBeVisible();
  const unavailable = page.getByText(/the rollout still works, each step reviewed and guarded as before, a ring can be rolled back/);
  await expect(unavailable).toContainText('cannot be read with the permissions granted (AuditLog.Read.All and Directory.Read.All');
  await expect(page.getByRole('button', { name: 'Roll back ring 1…' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Add Ring 2 (Finance)…' })).toBeDisabled();
  await page.getByLabel('Reason to go on despite the gate').fill('logs are read in the admin center');
  await page.getByRole('button', { name: 'Override the gate' }).click();
  await expect(page.getByRole('button', { name: 'Add Ring 2 (Finance)…' })).toBeEnabled();
  await expect(page.getByRole('table', { name: 'Timeline' }).getByRole('row').nth(2)).toContainText(
    'Not read. The sign-in logs cannot be read',
  );

  // Kept in backups, and back from one onto a device that lost it.
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByRole('table', { name: 'What the backup holds' }).getByRole('row', { name: /^Staged rollouts/ })).toContainText(
    '1',
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  const backup = await download.path();
  await page.evaluate((key) => localStorage.removeItem(key), ROLLOUTS_KEY);
  await page.reload();
  await section(page, 'Rollout').click();
  await expect(page.getByText('No rollout yet')).toBeVisible();
  await page.getByLabel('Backup file').setInputFiles(backup);
  await expect(page.getByText(/^One rollout restored from /)).toBeVisible();
  await expect(
    page.getByText(/The copy “CA006: .* \[rollout\]” is not in this tenant: the rollout’s next step creates it again\./),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rollouts on this device' })).toContainText('1 of 2 rings in the copy');
  await withholdScopes([]);
});

test('a ring made of a new assigned group: the start creates it once, and a start stopped half-way resumes after a reload', async ({
  page,
  signInPage,
  playwright,
  consoleGuard,
  policiesPage,
}) => {
  test.setTimeout(180_000);
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const before = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;

  await planRingsFor(page, before.displayName);
  await page.getByRole('textbox', { name: 'Or a new assigned group, named' }).fill('CA006 pilot ring');
  await page.getByRole('button', { name: 'Add a new group' }).click();
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row', { name: /CA006 pilot ring/ })).toContainText('New group, created empty by the start');
  await page.getByRole('combobox', { name: 'Groups for a new ring' }).fill('Finan');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await page.getByRole('button', { name: 'Keep this plan' }).click();

  // The copy's creation, the step's last write, is answered 429 more often than the client retries: every write was
  // tried, the copy's failed.
  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await expect(page.getByText(/2 to create, 1 to update/)).toBeVisible();
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'POST /beta/identity/conditionalAccess/policies', fault: 429, times: 4 }],
  });
  await page.getByRole('button', { name: /^Apply: / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  const failed = page.getByRole('heading', { name: '2 of 3 written to Contoso, 1 failed' });
  await expect(failed).toBeVisible({ timeout: 60_000 });

  // Left and come back to: the rollout says a step is unfinished, and the journal resumes it.
  await page.reload();
  await section(page, 'Rollout').click();
  const list = page.getByRole('table', { name: 'Rollouts on this device' });
  await expect(list).toContainText('Planned, 2 rings; a step was left unfinished');
  await list.getByRole('button', { name: before.displayName }).click();
  await page.getByRole('button', { name: 'Open the unfinished step' }).click();
  await expect(failed).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  await expect(rings.getByRole('row', { name: /Ring 1 \(CA006 pilot ring\)/ })).toContainText('In the copy');
  await expect(page.getByRole('button', { name: 'Open the unfinished step' })).toHaveCount(0);

  // Graph holds one new group, once, and the copy enforces for it alone; the original is report-only.
  const created = await groupsNamed(request, 'CA006 pilot ring');
  expect(created).toHaveLength(1);
  expect(created[0]!.groupTypes).toEqual([]);
  const policies = await readPolicies(request);
  const copies = policies.filter((p) => p.displayName === `${before.displayName} [rollout]`);
  expect(copies).toHaveLength(1);
  expect(copies[0]!.state).toBe('enabled');
  expect(copies[0]!.conditions.users.includeGroups).toEqual([created[0]!.id]);
  expect(policies.find((p) => p.id === before.id)!.state).toBe('enabledForReportingButNotEnforced');
  await request.dispose();
});

test('the start creates every new ring’s group; refused by Graph, it stops before the copy and the rollout says so', async ({
  page,
  signInPage,
  playwright,
  consoleGuard,
  policiesPage,
}) => {
  test.setTimeout(180_000);
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/policies/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const before = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;

  await planRingsFor(page, before.displayName);
  for (const name of ['CA006 pilot ring', 'CA006 second ring']) {
    await page.getByRole('textbox', { name: 'Or a new assigned group, named' }).fill(name);
    await page.getByRole('button', { name: 'Add a new group' }).click();
  }
  await expect(
    page.getByText('Ring 2 (CA006 second ring) is created empty by the start: add its members in Microsoft Entra before it joins'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Keep this plan' }).click();

  // Both groups are created by the start, the second one only so it can be filled before it joins.
  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await expect(page.getByText(/3 to create, 1 to update/)).toBeVisible();
  await expect(
    page.getByText('The later rings’ new group is created now, empty: add its members in Microsoft Entra before its ring joins.'),
  ).toBeVisible();
  // Graph refuses the policy's change to report-only: the copy must not be created.
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: `PATCH /beta/identity/conditionalAccess/policies/${before.id}`, fault: 400, times: 1 }],
  });
  await page.getByRole('button', { name: /^Apply: / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped before the end' })).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(/each write of this run needs the one before it: nothing after it was sent, and the next one waits for you/),
  ).toBeVisible();
  const written = page.getByRole('table', { name: 'What was written' });
  await expect(written.getByRole('row', { name: new RegExp(`${before.displayName} \\[rollout\\]`) })).toContainText('Create');
  expect((await readPolicies(request)).filter((p) => p.displayName === `${before.displayName} [rollout]`)).toHaveLength(0);
  expect((await readPolicies(request)).find((p) => p.id === before.id)!.state).toBe('enabled');

  // Back at the rollout: the start stopped at a refused write, the policy is as it was, no copy.
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  const stopped = page.getByRole('group', { name: 'The start stopped at a write Graph refused' });
  await expect(stopped).toContainText('2 of 4 written.');
  await expect(stopped).toContainText('The server could not process the request');
  await expect(page.getByText('Starting: 2 of the start’s 4 writes done.')).toBeVisible();
  await expect(page.getByText('was being written when the page was left')).toHaveCount(0);

  // Resumed: the refused write is sent again, then the copy, for ring 1 alone.
  await page.getByRole('button', { name: 'Open the unfinished step' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row', { name: /Ring 1 \(CA006 pilot ring\)/ })).toContainText('In the copy');
  await expect(page.getByText('Under way.')).toBeVisible();

  const [pilot, second] = [await groupsNamed(request, 'CA006 pilot ring'), await groupsNamed(request, 'CA006 second ring')];
  expect([pilot.length, second.length]).toEqual([1, 1]);
  const policies = await readPolicies(request);
  const copies = policies.filter((p) => p.displayName === `${before.displayName} [rollout]`);
  expect(copies).toHaveLength(1);
  expect(copies[0]!.conditions.users.includeGroups).toEqual([pilot[0]!.id]);
  expect(policies.find((p) => p.id === before.id)!.state).toBe('enabledForReportingButNotEnforced');
  await request.dispose();
});

test('planning rings by keyboard: after adding, moving or removing a ring the focus stays in the rings, not on the page', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
  await planRingsFor(page, /^CA006/);
  const rings = page.getByRole('table', { name: 'Rings' });

  await page.getByRole('textbox', { name: 'Or a new assigned group, named' }).fill('CA006 pilot ring');
  await page.getByRole('button', { name: 'Add a new group' }).click();
  await expect(rings.getByRole('row', { name: /Ring 1 CA006 pilot ring/ })).toBeFocused();
  await page.getByRole('textbox', { name: 'Or a new assigned group, named' }).fill('CA006 second ring');
  await page.getByRole('button', { name: 'Add a new group' }).click();
  await expect(rings.getByRole('row', { name: /Ring 2 CA006 second ring/ })).toBeFocused();

  // Ring 2 moved up is ring 1, whose up button is disabled: the focus is on its down button.
  await page.getByRole('button', { name: 'Move ring 2 up' }).click();
  await expect(rings.getByRole('row', { name: /Ring 1 CA006 second ring/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move ring 1 down' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rings.getByRole('row', { name: /Ring 2 CA006 second ring/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move ring 2 up' })).toBeFocused();

  // Removing ring 1 puts the focus on the next ring's remove button; removing the last on the editor's heading.
  await page.getByRole('button', { name: 'Remove ring 1' }).click();
  await expect(rings.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Remove ring 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No ring yet')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Rings for / })).toBeFocused();
});

test('in a phone-sized window the rings stack: the last gate is read whole and each ring’s rollback is on the screen', async ({
  page,
  signInPage,
  policiesPage,
  playwright,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const policy = (await readPolicies(request)).find((p) => p.displayName.startsWith('CA006'))!;
  await request.dispose();
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  const gateText = 'Paused: 50 % of the rings’ sign-ins were blocked (1 of 2), above the 10 % allowed.';
  await keepRollouts(page, [
    keptRollout(policy, startedAt, {
      rings: [keptRing(1, 'CA - Service accounts', startedAt), keptRing(2, 'Finance', startedAt)],
      events: [
        { at: startedAt, kind: 'started', ring: 'ring-1', text: 'Started.' },
        { at: startedAt, kind: 'gate', ring: 'ring-2', text: gateText, decision: 'pause' },
      ],
    }),
  ]);
  await section(page, 'Rollout').click();
  await page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('button', { name: policy.displayName }).click();
  await expect(page.getByRole('heading', { name: `Rollout of “${policy.displayName}”` })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  const rings = page.getByRole('table', { name: 'Rings' });
  await expect(rings.getByRole('row', { name: /Ring 2 \(Finance\)/ })).toContainText(`Last gate: ${gateText}`);
  for (const n of [1, 2]) {
    // Within the window's width, without scrolling the table sideways.
    const box = (await page.getByRole('button', { name: `Roll back ring ${n}…` }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  // The gate's words are given the row's width, not a sliver that breaks them mid-word.
  const gateCell = rings.getByRole('cell', { name: /^Last gate:/ }).nth(1);
  expect((await gateCell.boundingBox())!.width).toBeGreaterThan(250);
  // Nothing of the table is past the right edge, to be scrolled to sideways.
  const overflow = await rings.evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0));
  expect(overflow).toBeLessThanOrEqual(0);
});
