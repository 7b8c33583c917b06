// Test fixtures: page objects, a fresh emulator per test, and a guard that fails any test whose
// page sent a request off localhost (demo Graph calls are answered by the service worker).
import { test as base, expect, type Page } from '@playwright/test';
import { PoliciesPage } from '../pages/policies-page';
import { PolicyPage } from '../pages/policy-page';
import { SignInPage } from '../pages/sign-in-page';
import { E2E_CLIENT_ID, urls } from './ports';

export interface Emulator {
  reset(): Promise<void>;
  tenantId(name: string): Promise<string>;
  setFaults(tenantId: string, faults: object): Promise<void>;
}

export const emulator: Emulator = {
  async reset() {
    await fetch(`${urls.emulator}/_emulator/reset`, { method: 'POST' });
  },
  async tenantId(name) {
    const tenants = (await (await fetch(`${urls.emulator}/_emulator/tenants`)).json()) as { id: string; displayName: string }[];
    return tenants.find((t) => t.displayName === name)!.id;
  },
  async setFaults(tenantId, faults) {
    await fetch(`${urls.emulator}/_emulator/tenants/${tenantId}/faults`, { method: 'PUT', body: JSON.stringify(faults) });
  },
};

export async function withholdScopes(scopes: string[]) {
  await fetch(`${urls.control}/withhold?scopes=${scopes.join(',')}`);
}

/** Points the built console at the local identity provider and the emulator server. */
export async function useLocalTenant(page: Page) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { clientId: E2E_CLIENT_ID, authority: urls.idp, protocolMode: 'OIDC', graphBaseUrl: urls.emulator, loginHost: urls.idp },
    }),
  );
}

const isLocal = (url: URL) => url.hostname === 'localhost' || url.hostname === '127.0.0.1' || ['data:', 'blob:', 'chrome-extension:'].includes(url.protocol);

export const test = base.extend<{ signInPage: SignInPage; policiesPage: PoliciesPage; policyPage: PolicyPage; offLocalhost: string[] }>({
  offLocalhost: [
    async ({ context }, use) => {
      const off: string[] = [];
      const checks: Promise<void>[] = [];
      context.on('requestfinished', (request) => {
        const url = new URL(request.url());
        if (isLocal(url)) return;
        checks.push(
          request.response().then((response) => {
            if (!response?.fromServiceWorker()) off.push(request.url());
          }),
        );
      });
      context.on('requestfailed', (request) => {
        // A request the page cancelled (a query aborted by navigation or by the test ending)
        // is reported as ERR_ABORTED; any attempt to reach the network fails otherwise.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        if (!isLocal(new URL(request.url()))) off.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
      });
      await use(off);
      await Promise.all(checks);
      expect(off, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  policiesPage: async ({ page }, use) => use(new PoliciesPage(page)),
  policyPage: async ({ page }, use) => use(new PolicyPage(page)),
});

export { expect };
