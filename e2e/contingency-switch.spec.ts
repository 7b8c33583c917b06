// The switch of a contingency plan reads the policies again before anything: while it reads, its button waits
// (focusable, the focus kept) and the read is said; a second press starts no second switch; a read Graph refuses
// for an expired sign-in offers Sign in again in the card, as Graph's failures do on other pages.
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { watchFocusLost } from './support/focus';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

const POLICIES = 'GET /beta/identity/conditionalAccess/policies';

test('a switch waits, focused and said, while the policies are read again; a second press starts no second switch', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  const { times: said } = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  const switchOn = card.getByRole('button', { name: 'Switch to this plan… (Compliance service disruption)' });
  await expect(switchOn).toBeEnabled();
  await emulator.setFaults(await emulator.tenantId('Contoso'), { latencyMs: 1500 });
  const reads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname.endsWith('/identity/conditionalAccess/policies'))
      reads.push(request.url());
  });

  const lost = await watchFocusLost(page);
  await switchOn.focus();
  await page.keyboard.press('Enter');
  await expect(switchOn).toHaveAttribute('aria-disabled', 'true');
  // Pressed again while it reads: nothing more starts.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(switchOn).toBeFocused();
  expect(await lost()).toEqual([]);
  await expect.poll(() => said(/^Reading the policies again for the switch to Compliance service disruption…$/, 'status')).toBe(1);
  // One switch's review: the one read before it, then the review's own of the tenant it plans against.
  await expect(page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ })).toHaveCount(1);
  expect(reads.length).toBeLessThanOrEqual(2);
  await emulator.setFaults(await emulator.tenantId('Contoso'), { latencyMs: 0 });
});

test('a read refused for an expired sign-in offers Sign in again in the card; the focus stays on the switch', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(401, '/beta/identity/conditionalAccess/policies');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Contingency').click();
  const card = page.getByRole('group', { name: 'Compliance service disruption' });
  const switchOn = card.getByRole('button', { name: 'Switch to this plan… (Compliance service disruption)' });
  await expect(switchOn).toBeEnabled();
  // Refused, then refused again with a fresh token: the sign-in is no longer accepted.
  await emulator.setFaults(await emulator.tenantId('Contoso'), { rules: [{ match: POLICIES, fault: 401, times: 2 }] });

  await switchOn.focus();
  await page.keyboard.press('Enter');
  const failure = card.getByRole('alert');
  await expect(failure).toContainText('Your session has expired');
  await expect(failure).toContainText('Nothing was switched');
  await expect(failure.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expect(switchOn).toBeFocused();
  await expect(switchOn).toBeEnabled();
  await expect(page.getByRole('button', { name: /^Apply: / })).toHaveCount(0);
});
