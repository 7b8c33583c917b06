// A staged rollout cancelled against the emulator server, by keys: CA006 (on before its rollout) started in
// ring 1, then cancelled through the plan flow; Graph, read by another client, holds the policy on again with
// its users as they were and the copy off; the copy is then deleted and the rollout stays cancelled.
import type { APIRequestContext, Page } from '@playwright/test';
import { contosoDirectory } from '../src/emulator/seed/contoso';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { readPoliciesAsScript } from './support/script-client';
import { planRingsFor } from './support/rollout-plan';
import { confirmRisks, riskToAda } from './support/risks';

interface Policy {
  id: string;
  displayName: string;
  state: string;
  conditions: { users: { includeUsers: string[]; includeGroups: string[] } };
}

const readPolicies = (request: APIRequestContext) => readPoliciesAsScript<Policy>(request);

/** The plan flow's review written to Contoso, the guard's risks acknowledged, and back on the rollout. */
async function writeStep(page: Page, changes: RegExp, risks: RegExp[] = []) {
  await confirmRisks(page, risks);
  await page.getByRole('button', { name: changes }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Back to the rollout' }).click();
}

test('a running rollout cancelled: the policy back on, the copy off then deleted, the rollout kept as cancelled', async ({
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

  await planRingsFor(page, before.displayName);
  const ringPicker = page.getByRole('combobox', { name: 'Groups for a new ring' });
  await ringPicker.fill('CA - Serv');
  await page.getByRole('option', { name: /^CA - Service accounts/ }).click();
  await ringPicker.fill('Finan');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await page.getByRole('button', { name: 'Keep this plan' }).click();
  // Not offered before anything is written: there is nothing to put back.
  await expect(page.getByRole('button', { name: 'Start the rollout…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel rollout…' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the rollout…' }).click();
  await writeStep(page, /^Apply: 2 changes to Contoso/);
  const copy = (await readPolicies(request)).find((p) => p.displayName === `${before.displayName} [rollout]`)!;
  expect(copy.state).toBe('enabled');

  // By keys: the dialog opens on its way out, and says what goes back and what stays.
  const cancel = page.getByRole('button', { name: 'Cancel rollout…' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Cancel the rollout of / });
  await expect(dialog).toContainText('The policy goes back to on, as it was before the rollout');
  await expect(dialog).toContainText(
    'is turned off: it no longer enforces anything for the rings. The ring groups are kept in the tenant.',
  );
  await expect(dialog.getByRole('button', { name: 'Keep the rollout' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Keep the rollout' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Review the cancel' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Reviewed like every step: both policies updated, nothing created.
  await expect(page.getByText(/0 to create, 2 to update/)).toBeVisible();
  await expect(page.getByText('Cancelling the rollout: ')).toBeVisible();
  // The policy back on for everyone it names, the admin among them: asked, as any write that turns it on.
  await writeStep(page, /^Apply: 2 changes to Contoso/, [riskToAda('CA006')]);
  await expect(page.getByRole('heading', { name: /^Rollout of / })).toBeFocused();
  await expect(page.getByText('Cancelled: the policy was put back as it was before the rollout.')).toBeVisible();
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await expect(timeline.getByRole('row').nth(1)).toContainText('Cancelled: the policy was put back to on, as before the rollout');
  await expect(page.getByRole('button', { name: /^Add Ring 2/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Roll back ring/ })).toHaveCount(0);

  let policies = await readPolicies(request);
  const restored = policies.find((p) => p.id === before.id)!;
  expect(restored.state).toBe('enabled');
  expect(restored.conditions.users.includeUsers).toEqual(before.conditions.users.includeUsers);
  const off = policies.find((p) => p.id === copy.id)!;
  expect(off.state).toBe('disabled');
  expect(off.conditions.users.includeGroups).toEqual([contosoDirectory.group('CA - Service accounts')]);

  // The copy, off, is deleted as a finished rollout's is; the rollout stays cancelled.
  await page.getByRole('button', { name: 'Delete the copy…' }).click();
  await expect(page.getByRole('dialog')).toContainText('The rollout was cancelled and this copy is off: deleting it changes no sign-in.');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the copy' }).click();
  await expect(timeline.getByRole('row').nth(1)).toContainText('[rollout]” was deleted.');
  await expect(page.getByText('Cancelled: the policy was put back as it was before the rollout.')).toBeVisible();
  policies = await readPolicies(request);
  expect(policies.find((p) => p.id === copy.id)).toBeUndefined();
  expect(policies.find((p) => p.id === before.id)!.state).toBe('enabled');

  await page.getByRole('button', { name: 'All rollouts' }).click();
  await expect(page.getByRole('table', { name: 'Rollouts on this device' }).getByRole('row', { name: /CA006/ })).toContainText('Cancelled');
  await request.dispose();
});
