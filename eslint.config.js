// Lint: TypeScript rules, React hooks, and the one-way import rules of the architecture:
// shared <- graph, auth <- session <- features <- app; the emulator stands apart, reached only from main.tsx.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const layers = {
  shared: ['graph', 'auth', 'session', 'features', 'app', 'emulator'],
  graph: ['auth', 'session', 'features', 'app', 'emulator'],
  auth: ['graph', 'session', 'features', 'app', 'emulator'],
  session: ['features', 'app', 'emulator'],
  features: ['app', 'emulator'],
  emulator: ['shared', 'graph', 'auth', 'features', 'app', 'testing'],
};
const features = ['policies'];

const zones = [
  ...Object.entries(layers).map(([target, from]) => ({
    target: `./src/${target}`,
    from: from.map((f) => `./src/${f}`),
    message: `Imports flow one way: shared <- graph, auth <- session <- features <- app; the emulator stands alone.`,
  })),
  ...features.map((feature) => ({
    target: `./src/features/!(${feature})/**/*`,
    from: `./src/features/${feature}`,
    message: 'A feature never imports another feature: move what they share to graph/ or shared/.',
  })),
];

export default tseslint.config(
  {
    ignores: ['dist', 'dist-e2e', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'bench-results', '.e2e-tmp'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 8 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Playwright fixtures call their argument `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Only auth/ talks to MSAL and only shared/monaco/ talks to Monaco.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/auth/**', 'src/shared/monaco/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@azure/msal-*'], message: 'Only src/auth imports MSAL.' },
            { group: ['monaco-editor', 'monaco-editor/*'], message: 'Only src/shared/monaco imports monaco-editor.' },
          ],
        },
      ],
    },
  },
);
