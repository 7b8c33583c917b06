// Real sign-in: MSAL's redirect flow against a local OpenID Connect provider, then Microsoft Graph
// calls with its tokens to the emulator server, which verifies them and reads their scopes.
import { expectNoSeriousA11yViolations } from './support/axe';
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { urls } from './support/ports';

test.beforeEach(async ({ page }) => {
  await emulator.reset();
  await withholdScopes([]);
  await useLocalTenant(page);
});

test('signs in for real and lists the tenant’s policies', async ({ page, signInPage, policiesPage }) => {
  const graphCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(urls.emulator)) graphCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.goto('/');
  await expectNoSeriousA11yViolations(page);
  await signInPage.signInWithMicrosoft();
  await expect(policiesPage.heading).toBeVisible();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(policiesPage.row(/^CA009/)).toContainText('Mobile workers');
  // The tenant's name comes from Graph, not from the token.
  await expect(page.getByRole('button', { name: /Ada Lindqvist/ })).toContainText('Contoso');
  expect(graphCalls).toContain('GET /beta/identity/conditionalAccess/policies');
  expect(graphCalls).toContain('POST /v1.0/$batch');
});

test('explains a missing permission with Graph’s code and request id', async ({ page, signInPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse(403, '/beta/identity/conditionalAccess/policies');
  await withholdScopes(['Policy.Read.All']);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Permission needed');
  await expect(alert).toContainText('Code: AccessDenied');
  await expect(alert).toContainText(/Request ID: [0-9a-f-]{36}/);
});

test('shows a 5xx clearly and recovers with Try again', async ({ page, signInPage, policiesPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse(503, '/beta/identity/conditionalAccess/policies');
  const tenant = await emulator.tenantId('Contoso');
  // More failures than the client's retries, so the error reaches the screen.
  await emulator.setFaults(tenant, { rules: [{ match: 'GET /beta/identity/conditionalAccess/policies', fault: 503, times: 4 }] });
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Microsoft Graph had a problem', { timeout: 30_000 });
  await expect(alert).toContainText('Code: ServiceUnavailable');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(policiesPage.rows).toHaveCount(35);
});

test('says so when the connection drops', async ({ page, signInPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse('ERR_EMPTY_RESPONSE', '/beta/identity/conditionalAccess/policies');
  const tenant = await emulator.tenantId('Contoso');
  // Every attempt drops (Chromium itself retries a GET once on a closed connection).
  await emulator.setFaults(tenant, { rules: [{ match: 'GET /beta/identity/conditionalAccess/policies', fault: 'drop' }] });
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Microsoft Graph is unreachable', { timeout: 30_000 });
  await emulator.setFaults(tenant, { rules: [] });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('grid', { name: 'Conditional Access policies' })).toBeVisible();
});
