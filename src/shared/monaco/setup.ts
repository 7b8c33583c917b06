// Monaco, bundled locally (no CDN): the slim editor API, its features, the JSON language, and the
// two workers it needs. Imported only from lazily loaded modules, so none of it is in the entry chunk.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, schemas: [] });

// Monaco's own themes, with lighter diff backgrounds: the defaults stack two tints under changed
// text, which drops the contrast of red strings on red below WCAG's 4.5:1.
monaco.editor.defineTheme('gatehouse-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'diffEditor.removedTextBackground': '#ff000024',
    'diffEditor.removedLineBackground': '#ff000012',
    'diffEditor.insertedTextBackground': '#9ccc2c30',
    'diffEditor.insertedLineBackground': '#9bb9551c',
  },
});
monaco.editor.defineTheme('gatehouse-dark', { base: 'vs-dark', inherit: true, rules: [], colors: {} });

/** The Monaco theme that matches the console's. */
export const themeName = (dark: boolean) => (dark ? 'gatehouse-dark' : 'gatehouse-light');

export { monaco, jsonDefaults };
