// Emergency access across every policy: the check grades the demo tenant's two gaps, the bulk fix
// writes both in one reviewed, journalled run (stopped, reloaded and resumed, under the tenant's
// Conditional Access throttling) that keeps every other exclusion, and the revert gives back
// exactly the exclusions each policy had. Against the emulator server, a write throttled past the
// client's retries fails alone, and a resume after a reload writes only it.
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { asColleague } from './support/colleague';
import { CONTOSO_TENANT_ID } from './support/test-accounts';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { nameEmergencyGroup } from './support/emergency-group';

interface Exclusions {
  excludeUsers: string[];
  excludeGroups: string[];
  excludeRoles: string[];
}

/** The policies' user exclusions, read straight from the demo tenant's Graph (the console is not involved). */
async function exclusions(page: Page): Promise<Record<string, Exclusions>> {
  const token = `demo.${Buffer.from(
    JSON.stringify({ tid: CONTOSO_TENANT_ID, oid: 'x', upn: 'auditor@contoso.example', name: 'Auditor', scp: 'Policy.Read.All' }),
  )
    .toString('base64')
    .replace(/=+$/, '')}`;
  const policies = await page.evaluate(async (token) => {
    for (let tries = 0; ; tries++) {
      const response = await fetch('https://graph.microsoft.com/beta/identity/conditionalAccess/policies', {
        headers: { Authorization: `Bearer ${token}` },
      });
      // About one Conditional Access request a second: wait and try again, as any script would.
      if (response.status === 429 && tries < 8) {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        continue;
      }
      return ((await response.json()) as { value: { displayName: string; conditions: { users: Exclusions } }[] }).value;
    }
  }, token);
  return Object.fromEntries(
    policies.map((p) => {
      const { excludeUsers, excludeGroups, excludeRoles } = p.conditions.users;
      return [p.displayName.slice(0, 5), { excludeUsers, excludeGroups, excludeRoles }];
    }),
  );
}

test('grades every policy, fixes two in a resumed run keeping every exclusion, and reverts them exactly', async ({
  page,
  signInPage,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  // The reads of this test take the tenant's Conditional Access allowance: the console's throttled requests are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');

  // Nothing named yet: the page says so and suggests the group most policies exclude, without choosing it.
  await section(page, 'Emergency access').click();
  const candidates = page.getByRole('list', { name: 'Candidates' });
  await expect(candidates).toContainText('Group CA - Emergency access accounts');
  await expect(candidates).toContainText(/Excluded from \d+ of the \d+ policies that target all users\./);
  await expectNoSeriousA11yViolations(page);
  await candidates.getByRole('button', { name: 'Use CA - Emergency access accounts as emergency access' }).click();
  // The choice is said, where focus now is, with the way back.
  const saved = page.getByText(/^The group CA - Emergency access accounts is named as emergency access for .+ in Settings/);
  await expect(saved).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(candidates).toContainText('Group CA - Emergency access accounts');
  // Undone, the focus goes to the candidates that came back, not to the page's title.
  await expect(page.locator(':focus')).toContainText('No emergency accounts named for this tenant');
  await candidates.getByRole('button', { name: 'Use CA - Emergency access accounts as emergency access' }).click();

  const table = page.getByRole('table', { name: 'Emergency access by policy' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(page.getByText('2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low.')).toBeVisible();
  // Each account of the group is checked on its own: the group's members come from the directory.
  await expect(table.getByRole('columnheader', { name: 'Break Glass 01' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Break Glass 02' })).toBeVisible();
  await expect(row('CA032')).toContainText('High');
  await expect(row('CA032')).toContainText('Reached through all users; it requires multifactor authentication for some resources.');
  await expect(row('CA021')).toContainText('Low');
  await expect(row('CA021')).toContainText('session controls only');
  await expect(row('CA001')).toContainText("Excluded through the group 'CA - Emergency access accounts'");
  await expect(row('CA031')).toContainText('Excluded by name');
  await expect(row('CA014')).toContainText('Out of scope. It targets guests and external users only.');

  const hygiene = page.getByRole('table', { name: 'Emergency access hygiene' });
  await expect(hygiene.getByRole('row').filter({ hasText: 'Role-assignable' })).toContainText('Pass');
  await expect(hygiene.getByRole('row').filter({ hasText: '2 members: Break Glass 01, Break Glass 02.' })).toContainText('Pass');
  // The seed's group and accounts are as Microsoft advises: nothing fails, nothing is left unread.
  await expect(hygiene.getByRole('row')).toHaveCount(1 + 4 + 2 * 2);
  await expect(hygiene.getByText('Fails')).toHaveCount(0);
  await expect(hygiene.getByText('Not readable')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const before = await exclusions(page);
  const emergencyGroup = before.CA001!.excludeGroups[0]!;

  await page.getByRole('button', { name: 'Choose every finding' }).click();
  await page.getByRole('button', { name: 'Review the fix for 2 policies' }).click();
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  // In the fix's own words, with none of an import's: no references to map, nothing reused.
  await expect(page.getByText(/Of the 2 policies chosen: 2 get the emergency accounts excluded\. Nothing is written/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'References' })).toHaveCount(0);
  await expect(page.getByText(/reused/)).toHaveCount(0);
  const planned = page.getByRole('table', { name: 'What the plan writes, in order' });
  await planned.getByRole('row').filter({ hasText: 'CA032' }).getByRole('button', { name: 'Show the difference' }).click();
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText('CA - Emergency access accounts');
  // Under the plan's rows (an h2), the count is an h3.
  await expect(planned.getByRole('heading', { level: 3, name: /^(\d+ differences|1 difference)$/ })).toBeVisible();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  // Stopped after the first write and the page reloaded: the journal brings the run back, and Resume finishes it.
  await page.getByRole('button', { name: 'Stop after this write' }).click();
  await expect(page.getByRole('heading', { name: 'Stopped before the end' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^1 of 2 written/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Stopped before the end' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'What was written' }).getByText('As planned')).toHaveCount(2);

  // Every exclusion kept, in order, the emergency group added after them.
  const fixed = await exclusions(page);
  expect(fixed.CA032).toEqual({
    excludeUsers: before.CA032!.excludeUsers,
    excludeGroups: [...before.CA032!.excludeGroups, emergencyGroup],
    excludeRoles: before.CA032!.excludeRoles,
  });
  expect(before.CA032!.excludeGroups).toHaveLength(1);
  expect(fixed.CA021).toEqual({
    excludeUsers: ['GuestsOrExternalUsers'],
    excludeGroups: [...before.CA021!.excludeGroups, emergencyGroup],
    excludeRoles: before.CA021!.excludeRoles,
  });
  // No other policy changed.
  for (const name of Object.keys(before).filter((n) => n !== 'CA032' && n !== 'CA021')) expect(fixed[name], name).toEqual(before[name]);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('None of the 35 policies affects an emergency account.')).toBeVisible();
  // The run put away, the focus goes to the way back from it, not to the page's title.
  await expect(page.getByRole('button', { name: /^Revert the last fix/ })).toBeFocused();
  // Nothing left to fix: no offer of a fix for the two policies just fixed.
  await expect(page.getByRole('button', { name: /^Review the fix/ })).toHaveCount(0);

  // The revert: the same review, the lock-out guard asking before the emergency group loses its exclusion from an enabled MFA policy.
  await page.getByRole('button', { name: 'Revert the last fix (2 policies)' }).click();
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  const risks = page.getByRole('checkbox', { name: /^I understand the risk for 'CA032/ });
  await expect(risks.first()).toBeVisible();
  for (const risk of await risks.all()) await risk.check();
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  const reverted = await exclusions(page);
  expect(JSON.stringify(reverted)).toBe(JSON.stringify(before));
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Revert the last fix/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Fix' })).toBeFocused();
  // The findings are back, unchosen: the choice was spent on the fix.
  await expect(page.getByRole('button', { name: 'Review the fix for 0 policies' })).toBeDisabled();
});

test('the fix names each emergency account and group with its kind', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  const group = (
    await asColleague<{ value: { id: string; displayName: string }[] }>(
      page,
      'GET',
      `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'CA - Emergency access accounts'")}`,
    )
  ).value[0]!;
  const members = await asColleague<{ value: { id: string; displayName: string }[] }>(page, 'GET', `/v1.0/groups/${group.id}/members`);
  await page.evaluate(({ key, value }) => localStorage.setItem(key, JSON.stringify(value)), {
    key: `gatehouse.emergency-access.${CONTOSO_TENANT_ID}`,
    value: {
      groups: [{ id: group.id, name: group.displayName }],
      users: members.value.map((m) => ({ id: m.id, name: m.displayName })),
    },
  });
  await page.reload();
  await section(page, 'Emergency access').click();
  await expect(
    page.getByText(
      /^The fix adds the group CA - Emergency access accounts and the accounts Break Glass 01 and Break Glass 02 to the exclusions of each chosen policy/,
    ),
  ).toBeVisible();
});

test('a write throttled past every retry fails alone; after a reload, Resume writes only it', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  test.setTimeout(120_000);
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/policies/');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await nameEmergencyGroup(page);

  await section(page, 'Emergency access').click();
  await expect(page.getByText('2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low.')).toBeVisible();
  await page.getByRole('button', { name: 'Choose every finding' }).click();
  await page.getByRole('button', { name: 'Review the fix for 2 policies' }).click();
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  // The first update is answered 429 more often than the client retries.
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'PATCH /beta/identity/conditionalAccess/policies', fault: 429, times: 4 }],
  });
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  // Both writes tried, one refused: the run went to its end.
  await expect(page.getByRole('heading', { name: '1 of 2 written to Contoso, 1 failed' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('1 of 2 written, 1 failed.')).toBeVisible();
  const written = page.getByRole('table', { name: 'What was written' });
  await expect(written.getByRole('row').filter({ hasText: 'Failed' })).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('heading', { name: '1 of 2 written to Contoso, 1 failed' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await expect(written.getByText('As planned')).toHaveCount(2);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('None of the 35 policies affects an emergency account.')).toBeVisible();
  // The run put away, the focus goes to the way back from it, not to the page's title.
  await expect(page.getByRole('button', { name: /^Revert the last fix/ })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Revert the last fix (2 policies)' })).toBeVisible();
});
