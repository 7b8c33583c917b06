/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration. The production build gets a strict
// Content-Security-Policy that allows only the identity provider and Graph hosts.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/csp.ts';

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

export default defineConfig(({ mode }) => ({
  plugins: [react(), cspPlugin(mode)],
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
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
}));
