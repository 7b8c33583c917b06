// Build, dev server and unit-test configuration. The production build gets a strict
// Content-Security-Policy that allows only the identity provider and Graph hosts.
import { defineConfig, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { graphHosts, loginHosts } from './src/shared/cloud-hosts';

// Graph and login hosts of every national cloud are allowed because the cloud is chosen at run
// time (public/config.json); config.json is checked against the same lists.
/** Unit test files that set process.env.TZ to test a day's bounds where the admin is. */
const SETS_PROCESS_TIME_ZONE = ['src/features/history/change-history-page.test.tsx'];

// Exported for the test that keeps public/staticwebapp.config.json's header in step with it.
export function contentSecurityPolicy({ allowLocalhost }: { allowLocalhost: boolean }): string {
  // End-to-end builds talk to the local identity provider and the emulator server.
  const local = allowLocalhost ? ['http://localhost:*', 'https://localhost:*'] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Griffel (Fluent) and Monaco insert style elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...graphHosts, ...loginHosts, ...local],
    'frame-src': ["'self'", ...loginHosts, ...local],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...loginHosts, ...local],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function cspPlugin(mode: string): Plugin {
  return {
    name: 'gatehouse-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const csp = contentSecurityPolicy({ allowLocalhost: mode === 'e2e' });
      return html.replace('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
    },
  };
}

// Monaco's language workers start through internal/common/workers.js, which also imports every editor
// feature: src/shared/monaco/language-worker.ts is the same function without them, so only the
// features that src/shared/monaco/setup.ts registers are bundled. In the build and in the dev
// server's pre-bundled dependencies alike: features registered after the editor's services start
// fail ("depends on UNKNOWN service").
function monacoLanguageWorkerPlugin() {
  const replacement = `${import.meta.dirname}/src/shared/monaco/language-worker.ts`;
  return {
    name: 'gatehouse-monaco-language-worker',
    resolveId(source: string, importer: string | undefined) {
      if (importer?.includes('/node_modules/monaco-editor/') && source.endsWith('/internal/common/workers.js')) return replacement;
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), cspPlugin(mode), { ...monacoLanguageWorkerPlugin(), enforce: 'pre' }],
  optimizeDeps: { rolldownOptions: { plugins: [monacoLanguageWorkerPlugin()] } },
  resolve: {
    // The demo's MSW needs no cookie jar: Graph sets no cookies (see the stub's comment).
    alias: { 'tough-cookie': fileURLToPath(new URL('./src/emulator/browser/no-cookie-jar.ts', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { main: 'index.html', redirect: 'redirect.html' },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    environment: 'node',
    setupFiles: ['src/testing/jsdom-setup.ts'],
    restoreMocks: true,
    // Threads start and import faster than forks, and two (Vitest's default is one on a 2-core
    // machine) cut the suite's time by about a third there: most of a file's time is importing.
    maxWorkers: 2,
    projects: [
      // Each project names its own files: a list given here would be added to one given above.
      {
        extends: true,
        test: {
          name: 'unit',
          pool: 'threads',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...SETS_PROCESS_TIME_ZONE],
        },
      },
      // A worker thread cannot change the time zone (process.env.TZ is its own copy): these run in forks.
      { extends: true, test: { name: 'time-zone', pool: 'forks', include: SETS_PROCESS_TIME_ZONE } },
    ],
  },
}));
