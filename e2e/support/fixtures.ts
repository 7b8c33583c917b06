// Test fixtures: page objects, a fresh emulator per test, and two guards: one fails any test whose
// page sent a request off localhost (demo Graph calls are answered by the service worker), the
// other any test whose page logged an error or a library's warning.
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

/**
 * A fresh emulator, every scope granted but those withheld, signed in through the local identity
 * provider: on Contoso's list of 35.
 */
export async function signInToLocalTenant(page: Page, signInPage: SignInPage, policiesPage: PoliciesPage, withheld: string[] = []) {
  await emulator.reset();
  await withholdScopes(withheld);
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  await expect(policiesPage.rows).toHaveCount(35);
}

const isLocal = (url: URL) =>
  url.hostname === 'localhost' || url.hostname === '127.0.0.1' || ['data:', 'blob:', 'chrome-extension:'].includes(url.protocol);

// Warnings that are defects as surely as errors: React's, Fluent UI's (and its Tabster and
// Griffel), Monaco's. Other warnings (a browser's deprecation notes) are left alone.
const WARNINGS_AS_ERRORS = /react|fluent|menulist|tabster|griffel|monaco/i;

export interface ConsoleGuard {
  /** Lets this test log messages matching the pattern: only for what the test provokes on purpose. */
  allow(pattern: RegExp): void;
  /** Lets this test log the browser's note of a failure it provokes: a status (503) or a network error (ERR_EMPTY_RESPONSE) of a Graph path. */
  allowFailedResponse(failure: number | string, path: string): void;
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const test = base.extend<{
  signInPage: SignInPage;
  policiesPage: PoliciesPage;
  policyPage: PolicyPage;
  offLocalhost: string[];
  /** Console messages that a spec (or a describe block of it) provokes on purpose: `test.use({ expectedConsole: [...] })`. */
  expectedConsole: RegExp[];
  consoleGuard: ConsoleGuard;
}>({
  expectedConsole: [[], { option: true }],
  consoleGuard: [
    async ({ context, expectedConsole }, use) => {
      const logged: string[] = [];
      const allowed: RegExp[] = [...expectedConsole];
      context.on('console', (message) => {
        const type = message.type();
        if (type !== 'error' && !(type === 'warning' && WARNINGS_AS_ERRORS.test(message.text()))) return;
        // A failed response is logged with the resource's address as its location.
        const { url } = message.location();
        logged.push(`${type}: ${message.text()}${url ? ` (${url})` : ''}`);
      });
      context.on('weberror', (error) => logged.push(`uncaught: ${error.error().message}`));
      await use({
        allow: (pattern) => allowed.push(pattern),
        allowFailedResponse: (failure, path) =>
          allowed.push(
            new RegExp(`^error: Failed to load resource: .*${literally(String(failure))}.* \\(https?://[^/]+${literally(path)}`),
          ),
      });
      expect(
        logged.filter((text) => !allowed.some((pattern) => pattern.test(text))),
        'errors and warnings in the browser console',
      ).toEqual([]);
    },
    { auto: true },
  ],
  offLocalhost: [
    async ({ context }, use) => {
      const off: string[] = [];
      // Read as each response arrives (not awaited at the end: a page closed by then cannot answer).
      context.on('response', (response) => {
        if (!isLocal(new URL(response.url())) && !response.fromServiceWorker()) off.push(response.url());
      });
      context.on('requestfailed', (request) => {
        // A request the page cancelled (a query aborted by navigation or by the test ending)
        // is reported as ERR_ABORTED; any attempt to reach the network fails otherwise.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        if (!isLocal(new URL(request.url()))) off.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
      });
      await use(off);
      expect(off, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  policiesPage: async ({ page }, use) => use(new PoliciesPage(page)),
  policyPage: async ({ page }, use) => use(new PolicyPage(page)),
});

export { expect };
