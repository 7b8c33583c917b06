// While a contingency switch reads the policies again, the admin can still change the plan's choices: a choice
// made then is part of the switch the review proposes, not left out of it. A read that fails says once that
// nothing was switched, and its Try again starts the same switch. A choice taken back that leaves the plan not
// ready stops the switch.
import type { Locator, Page } from '@playwright/test';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { urls } from './support/ports';
import { scriptHeaders } from './support/script-client';

const POLICIES = 'GET /beta/identity/conditionalAccess/policies';

/**
 * Opens Contingency and the card of the plan named so; `prepare` is done on that card first (a choice the plan needs to be
 * ready). Leaves the page on Contingency, nothing switched, the card's "Switch to this plan…" enabled; returns both.
 */
async function openPlanToSwitch(page: Page, plan: string, prepare?: (card: Locator) => Promise<void>) {
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: plan });
  await prepare?.(card);
  const switchOn = card.getByRole('button', { name: `Switch to this plan… (${plan})` });
  await expect(switchOn).toBeEnabled();
  return { card, switchOn };
}

test('a policy chosen to be turned off while the switch reads the policies is in the switch’s review', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  // The review's own reads share the tenant's Conditional Access allowance with the slowed one: throttled calls are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const { card, switchOn } = await openPlanToSwitch(page, 'Compliance service disruption');
  await emulator.setFaults(await emulator.tenantId('Contoso'), { latencyMs: 5000 });

  await switchOn.click();
  await expect(switchOn).toHaveAttribute('aria-disabled', 'true');
  // While it reads: CA007 (report-only) is to be turned off while the plan is on.
  await card.getByRole('button', { name: 'Choose policies… (Compliance service disruption)' }).click();
  await card
    .getByRole('group', { name: 'Normal policies Compliance service disruption turns off' })
    .getByRole('checkbox', { name: /^CA007/ })
    .check();
  await expect(switchOn).toHaveAttribute('aria-disabled', 'true');

  // The review proposes the plan as it is now: its two policies turned on, and CA007 turned off.
  await expect(page.getByRole('button', { name: /^Apply: 3 changes to Contoso/ })).toBeVisible({ timeout: 30_000 });
  await emulator.setFaults(await emulator.tenantId('Contoso'), { latencyMs: 0 });
});

test('a read Graph fails says once that nothing was switched, and Try again starts the same switch', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(503, '/beta/identity/conditionalAccess/policies');
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const { card, switchOn } = await openPlanToSwitch(page, 'Compliance service disruption');
  // Refused the first time and each time the client tries again.
  await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: POLICIES, fault: 503, times: 4 }] });

  await switchOn.click();
  const failure = card.getByRole('alert');
  await expect(failure).toContainText('Microsoft Graph had a problem', { timeout: 20_000 });
  await expect(failure).toContainText('Nothing was switched. The service answered 503');
  // What failed is said by the title, once.
  await expect(failure).not.toContainText('could not be read again');
  await expect(page.getByRole('button', { name: /^Apply: / })).toHaveCount(0);

  // Graph answers again: Try again starts the switch the admin asked for.
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ })).toBeVisible();
});

test('the exclusion a blocking plan needs, taken back while the switch reads the policies, stops the switch', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
  playwright,
}) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  const tenantId = await emulator.tenantId('Contoso');
  // A plan of one contingency policy that blocks: its emergency accounts must be excluded first.
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const writer = await scriptHeaders(request, 'Policy.ReadWrite.ConditionalAccess');
  const created = await request.post(`${urls.emulator}/beta/identity/conditionalAccess/policies`, {
    headers: writer,
    data: {
      displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1] - All apps: Block legacy authentication',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        users: { includeUsers: ['All'] },
        applications: { includeApplications: ['All'] },
        clientAppTypes: ['exchangeActiveSync', 'other'],
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const groups = await request.get(
    `${urls.emulator}/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'CA - Emergency access accounts'")}`,
    { headers: await scriptHeaders(request, 'Group.Read.All') },
  );
  const group = ((await groups.json()) as { value: { id: string; displayName: string }[] }).value[0]!;
  await request.dispose();
  await page.evaluate(({ key, value }) => localStorage.setItem(key, JSON.stringify(value)), {
    key: `gatehouse.emergency-access.${tenantId}`,
    value: { users: [], groups: [{ id: group.id, name: group.displayName }] },
  });
  await page.reload();
  const excludeFirst = /^First, exclude the emergency accounts/;
  const { card, switchOn } = await openPlanToSwitch(page, 'MFA Disruption', (plan) =>
    plan.getByRole('checkbox', { name: excludeFirst }).check(),
  );
  const exclude = card.getByRole('checkbox', { name: excludeFirst });
  await emulator.setFaults(tenantId, { latencyMs: 5000 });

  await switchOn.click();
  await expect(switchOn).toHaveAttribute('aria-disabled', 'true');
  // While it reads, the exclusion is taken back: switched now, the blocking policy would lock out the emergency accounts.
  await exclude.uncheck();
  const refusal = card.getByRole('group', { name: 'Nothing was switched' });
  await expect(refusal).toContainText('The plan is not ready:', { timeout: 30_000 });
  await expect(refusal).toContainText('blocks and excludes none of the emergency accounts');
  await expect(refusal).toBeFocused();
  await expect(page.getByRole('button', { name: /^Apply: / })).toHaveCount(0);
  await emulator.setFaults(tenantId, { latencyMs: 0 });
});
