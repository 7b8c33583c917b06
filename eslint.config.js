// Lint: TypeScript rules, React hooks, and the one-way import rules of the architecture:
// domain <- shared <- graph, auth <- operations <- session <- policy-ui <- features <- app; the emulator stands apart, reached only from
// main.tsx; cli (the Node command line) sits on domain, graph and operations, and nothing imports it. Import cycles are checked by
// src/testing/architecture.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const top = ['domain', 'shared', 'graph', 'auth', 'operations', 'session', 'policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'];
/** What each top folder of src/ may not import. */
const forbidden = {
  // Pure Conditional Access knowledge: it runs in the browser and in Node, so it imports nothing of the console.
  domain: top.filter((t) => t !== 'domain'),
  shared: ['graph', 'auth', 'operations', 'session', 'policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'],
  graph: ['auth', 'operations', 'session', 'policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'],
  auth: ['graph', 'operations', 'session', 'policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'],
  operations: ['session', 'policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'],
  session: ['policy-ui', 'features', 'app', 'emulator', 'testing', 'cli'],
  // What several features show of a policy (queries, badge, summary, diff, open in the editor).
  'policy-ui': ['features', 'app', 'emulator', 'testing', 'cli'],
  features: ['app', 'emulator', 'testing', 'cli'],
  app: ['emulator', 'testing', 'cli'],
  emulator: top.filter((t) => t !== 'emulator'),
  // The Node command line: the console's core without its browser layers (auth/ is the browser's MSAL).
  cli: ['shared', 'auth', 'session', 'policy-ui', 'features', 'app', 'emulator', 'testing'],
};
// Every folder under src/features is a feature, present and future: none may import another.
const features = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Relative imports climb with ../ and then name a top folder of src/.
const toTop = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const vendorRules = (folder) => [
  ...(folder === 'auth'
    ? []
    : folder === 'cli'
      ? [{ group: ['@azure/msal-*', '!@azure/msal-node'], message: 'The command line signs in with MSAL for Node only.' }]
      : [{ group: ['@azure/msal-*'], message: 'Only src/auth (the browser) and src/cli (MSAL for Node) import MSAL.' }]),
  { group: ['monaco-editor', 'monaco-editor/*'], message: 'Only src/shared/monaco imports monaco-editor.' },
];

const layerConfigs = Object.entries(forbidden).map(([folder, banned]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  ignores: folder === 'shared' ? ['src/shared/monaco/**'] : [],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: toTop(banned),
            message: `Imports flow one way: domain <- shared <- graph, auth <- operations <- session <- policy-ui <- features <- app; src/${folder} may not import ${banned.join(', ')}.`,
          },
          ...vendorRules(folder),
        ],
      },
    ],
  },
}));

const featureConfigs = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: toTop(forbidden.features), message: 'Features are composed by app/; they never import it.' },
          ...(features.length > 1
            ? [
                {
                  regex: `^(\\.\\./)+(features/)?(${features.filter((f) => f !== feature).join('|')})(/|$)`,
                  message:
                    'A feature never imports another feature: compose them in app/, or move what they share to policy-ui/, domain/ or shared/.',
                },
              ]
            : []),
          ...vendorRules('features'),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'bench-results',
      '.e2e-tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerConfigs,
  ...featureConfigs,
  {
    // Playwright fixtures call their argument `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
