// End-to-end tests in Debian's Chromium against the built console (vite preview), a local
// OIDC provider and the Graph emulator server. Nothing leaves localhost.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { ports, urls } from './e2e/support/ports';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: urls.app,
    ignoreHTTPSErrors: true,
    // Recording a trace of every test took about 40% of the suite's time on the 2-core machine;
    // CI retries a failure once, and the retry is traced.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--ignore-certificate-errors',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir dist-e2e --port ${ports.app} --strictPort`,
    url: urls.app,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
