// What the benchmark runs on: the builds, `vite preview` serving one of them, Debian's Chromium,
// and for the production build the local identity provider and the Graph emulator server (the
// e2e tests' global setup) with a tenant of the size asked and a latency per Graph call.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import globalSetup from '../support/global-setup';
import { E2E_CLIENT_ID, ports, urls } from '../support/ports';

export const LATENCY_MS = 100;

export function build(outDir: string, mode: 'production' | 'e2e') {
  const result = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build --mode ${mode} failed`);
  // The production build signs in against the local identity provider. Its settings are written
  // into the build, not given by intercepting the request: Playwright intercepts every request of
  // a context once one route is set, which would add its own round trip to each Graph call timed.
  if (mode === 'e2e') writeFileSync(join(outDir, 'config.json'), JSON.stringify(productionConfig));
}

const productionConfig = {
  clientId: E2E_CLIENT_ID,
  authority: urls.idp,
  protocolMode: 'OIDC',
  graphBaseUrl: urls.emulator,
  loginHost: urls.idp,
};

/** Serves a build on the e2e port until stopped. */
export async function preview(outDir: string): Promise<() => void> {
  // Vite itself, not through npx, so that killing it stops the server.
  const server: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(ports.app), '--strictPort'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(urls.app).then(
        (r) => r.ok,
        () => false,
      )
    )
      return () => server.kill();
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview of ${outDir} did not start`);
}

/** The identity provider and the emulator server with Contoso at `policies` policies. */
export async function tenantServices(policies: number): Promise<() => Promise<void>> {
  process.env.EMULATOR_LATENCY_MS = String(LATENCY_MS);
  process.env.EMULATOR_POLICIES = String(policies);
  const teardown = await globalSetup();
  const tenants = (await (await fetch(`${urls.emulator}/_emulator/tenants`)).json()) as { policies: number }[];
  if (tenants[0]?.policies !== policies) throw new Error(`The emulator serves ${tenants[0]?.policies} policies, not ${policies}`);
  return teardown;
}

/** Debian's Chromium, as every browser of the benchmark runs it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--ignore-certificate-errors',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}
