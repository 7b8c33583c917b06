// The two ways the console runs: the production build signing in with MSAL against the local
// identity provider, and the demo (the same kind of build without a client id: the in-browser
// emulator behind MSW). Opens a browser context with the probe, signs in, and gives the demo's
// in-browser tenant the size asked.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { urls } from '../support/ports';
import { createSizedSeedState } from '../../src/emulator/seed/large-seed';
import { installProbe, type Mark, type Milestone, type ProbeState } from './probe';

export type Flavour = 'production' | 'demo';
export const flavours: Flavour[] = ['production', 'demo'];

/** Where each flavour's Graph calls go: the emulator server, or Graph's URL answered in the page. */
export const graphBase = (flavour: Flavour) => (flavour === 'production' ? urls.emulator : 'https://graph.microsoft.com');

// The demo keeps its tenant in localStorage under this key (src/emulator/browser/start-demo.ts).
const DEMO_STORAGE_KEY = 'gatehouse.demo-tenant.v2';

// As source text: tsx (esbuild) wraps named functions in a __name() helper the page lacks.
export const probeScript = `(() => { const __name = (f) => f; (${installProbe.toString()})(); })();`;

export async function openContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: urls.app, viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: probeScript });
  return { context, page: await context.newPage() };
}

export const signInButton = (page: Page, flavour: Flavour) =>
  flavour === 'production'
    ? page.getByRole('button', { name: 'Sign in with Microsoft' })
    : page.getByRole('button', { name: /^Sign in as Ada Lindqvist \(administrator\) · Contoso$/ });

/** Puts a Contoso of `policies` policies in the demo's storage; the next page load uses it. */
export async function seedDemo(page: Page, policies: number) {
  const state = JSON.stringify(createSizedSeedState(policies));
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [DEMO_STORAGE_KEY, state]);
}

/** Signs in from the sign-in page to the policies list (the demo's tenant already seeded). */
export async function signIn(page: Page, flavour: Flavour, policies: number) {
  await page.goto('/');
  await signInButton(page, flavour).waitFor();
  if (flavour === 'demo') {
    await seedDemo(page, policies);
    await page.reload();
  }
  await signInButton(page, flavour).click();
  await page.getByRole('grid').waitFor({ timeout: 30_000 });
  await checkPolicyCount(page, policies);
}

/** Fails loudly when the tenant is not the size asked (e.g. the demo's storage key changed). */
export async function checkPolicyCount(page: Page, policies: number) {
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  const shown = /(\d+) of 195 policies/.exec(text)?.[1];
  if (shown === undefined) console.warn(`  (could not read the number of policies shown; expected ${policies})`);
  else if (Number(shown) !== policies) throw new Error(`The list shows ${shown} policies, not ${policies}`);
}

export const probe = (page: Page): Promise<ProbeState> => page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)) as ProbeState);

/** Waits until a milestone has been painted in the current document. */
export async function painted(page: Page, milestone: Milestone, timeout = 30_000): Promise<Mark> {
  const handle = await page.waitForFunction((m) => (window.__bench?.marks[m]?.paint ?? 0) > 0 && window.__bench.marks[m], milestone, {
    timeout,
  });
  return (await handle.jsonValue()) as Mark;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
