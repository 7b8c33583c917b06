// Contingency plans: recognised from Microsoft's naming, made ready (the emergency accounts
// excluded first, a normal policy to turn off), rehearsed in a drill that writes nothing, switched
// on through the reviewed plan flow, and switched back to exactly what was there before.
import type { Page } from '@playwright/test';
import { asColleague } from './support/colleague';
import { CONTOSO_TENANT_ID } from './support/test-accounts';
import { expect, test } from './support/fixtures';

type Policy = { id: string; displayName: string; state: string; conditions: { users: { excludeGroups: string[] } } };
const CA = '/beta/identity/conditionalAccess/policies';

async function policies(page: Page): Promise<Policy[]> {
  return ((await asColleague<{ value: Policy[] }>(page, 'GET', CA)).value ?? []).sort((a, b) => a.id.localeCompare(b.id));
}

test('a contingency plan is made ready, drilled, switched on and switched back exactly', async ({ page, signInPage, consoleGuard }) => {
  // The colleague's script shares the tenant's Conditional Access allowance: throttled calls are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();

  // Two contingency policies for an MFA disruption, waiting in report-only; the emergency group named in Settings.
  const base = {
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  };
  await asColleague(page, 'POST', CA, {
    ...base,
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - All apps: Require compliant device',
    state: 'enabledForReportingButNotEnforced',
    grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
  });
  await asColleague(page, 'POST', CA, {
    ...base,
    displayName: 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - All apps: Block legacy authentication',
    state: 'enabledForReportingButNotEnforced',
    conditions: { ...base.conditions, clientAppTypes: ['exchangeActiveSync', 'other'] },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  });
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
  await expect(page.getByRole('tab', { name: 'Contingency' })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('group', { name: 'MFA Disruption' });
  await expect(card.getByRole('list', { name: 'Contingency policies of MFA Disruption' }).getByRole('listitem')).toHaveText([
    /^\[1\/2\] EM01/,
    /^\[2\/2\] EM02/,
  ]);
  // EM02 blocks and excludes no emergency account: not ready, until the plan excludes them first.
  await expect(card.getByRole('list', { name: 'Readiness of MFA Disruption' })).toContainText(
    'blocks and excludes none of the emergency accounts (CA - Emergency access accounts)',
  );
  await expect(card.getByRole('button', { name: 'Switch to this plan…' })).toBeDisabled();
  await card.getByRole('checkbox', { name: /^First, exclude the emergency accounts/ }).check();
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();

  // While it is on, CA001 (MFA for everyone) is turned off.
  await card.getByRole('button', { name: 'Choose policies…' }).click();
  await card.getByRole('button', { name: 'None', exact: true }).click();
  await card
    .getByRole('group', { name: 'Normal policies MFA Disruption turns off' })
    .getByRole('checkbox', { name: /^CA001/ })
    .check();

  // The drill shows both ways and writes nothing.
  await card.getByRole('button', { name: 'Drill: show every change, write nothing' }).click();
  const on = card.getByRole('list', { name: 'Switching on' }).getByRole('listitem');
  await expect(on).toHaveCount(4);
  await expect(on.nth(0)).toContainText('Add exclusions to ‘EM02');
  await expect(on.nth(3)).toContainText('Turn off ‘CA001');
  await expect(card.getByRole('list', { name: 'Switching back' }).getByRole('listitem')).toHaveCount(3);
  expect(await policies(page)).toEqual(before);

  // The switch: reviewed as a plan, guarded, written.
  await card.getByRole('button', { name: 'Switch to this plan…' }).click();
  await expect(page.getByText(/0 to create, 3 to update/)).toBeVisible();
  for (const risk of await page.getByRole('checkbox', { name: /^I understand the risk for/ }).all()) await risk.check();
  await page.getByRole('button', { name: /^Apply: 3 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  const during = new Map((await policies(page)).map((p) => [p.displayName.slice(0, 5), p]));
  expect(during.get('EM01 ')!.state).toBe('enabled');
  expect(during.get('EM02 ')!.state).toBe('enabled');
  expect(during.get('EM02 ')!.conditions.users.excludeGroups).toEqual([emergency.id]);
  expect(during.get('CA001')!.state).toBe('disabled');

  // And back: every touched policy exactly as it was.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Back to the plans' }).click();
  await expect(card.getByText(/^Switched on /)).toBeVisible();
  await card.getByRole('button', { name: 'Switch back…' }).click();
  await expect(page.getByText(/0 to create, 3 to update/)).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 3 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  const strip = (list: Policy[]) =>
    list.map(({ id, displayName, state, conditions }) => ({ id, displayName, state, users: conditions.users }));
  expect(strip(await policies(page))).toEqual(strip(before));
});
