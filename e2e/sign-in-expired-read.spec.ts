// A read whose token the identity provider gives only after the admin signs in again (the session
// expired, a sign-in policy on the admin's own sign-in asks again) does not take the admin away from
// the page: the shell says it once, and Sign in again goes to the identity provider and back to the
// same page when the admin chooses. The local provider is made to refuse the silent renewal as Entra
// does (interaction_required) after Graph refused the token the console held (401).
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { urls } from './support/ports';

test('a read that needs a fresh sign-in is said once and leaves the page only when the admin signs in again', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allow(/^error: Failed to load resource: .*(401|400)/);
  await signInToLocalTenant(page, signInPage, policiesPage);

  // Graph refuses the token held (until the admin signs in again); the renewal the console then asks for
  // silently (a refresh token's) needs the admin, as Entra says when the session expired or MFA is asked again.
  let graphRefuses = true;
  await page.route(`${urls.emulator}/**`, (route) =>
    route.request().method() === 'OPTIONS' || !graphRefuses
      ? route.fallback()
      : route.fulfill({
          status: 401,
          headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' },
          json: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } },
        }),
  );
  await page.route(`${urls.idp}/token?*`, (route) =>
    !route.request().postData()?.includes('grant_type=refresh_token')
      ? route.fallback()
      : route.fulfill({
          status: 400,
          headers: { 'access-control-allow-origin': '*' },
          json: {
            error: 'interaction_required',
            error_description: 'AADSTS50076: you must use multi-factor authentication to access this resource.',
          },
        }),
  );
  // Trips to the identity provider's sign-in page (it answers at once here, so only the request shows it).
  const left: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().startsWith(`${urls.idp}/authorize`)) left.push(request.url());
  });

  await section(page, 'Deleted policies').click();
  const main = page.getByRole('main');
  // The shell's banner, once; the screen's own error may say it too, where it failed.
  const banner = main.locator('.fui-MessageBar', { hasText: 'This page stays until you choose to sign in again' });
  await expect(banner).toHaveCount(1, { timeout: 15_000 });
  await expect(banner).toContainText('Your sign-in has expired');
  const signInAgain = banner.getByRole('button', { name: 'Sign in again' });
  await expect(signInAgain).toBeVisible();
  // Still here: nothing left for the identity provider on its own.
  await page.waitForTimeout(1000);
  expect(left).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/deleted');

  // The admin chooses: to the identity provider and back to the same page, read again.
  graphRefuses = false;
  await signInAgain.click();
  await expect(page).toHaveURL(/\/deleted$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
  // It went to the identity provider and came back.
  expect(left).toHaveLength(1);
});
