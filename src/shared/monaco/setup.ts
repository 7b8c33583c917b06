// Monaco, bundled locally (no CDN): the slim editor API, the features the JSON editor, the JSON
// view and the diff use, the JSON language, and the two workers it needs. Imported only from lazily
// loaded modules, so none of it is in the entry chunk.
import * as monaco from 'monaco-editor/editor';
// Only these contributions, not features/register.all (inline completions, sticky scroll, code
// lenses, links, rename, peek views…): the editor API alone is most of the chunk, and the rest is
// what an admin uses on policy JSON. Editing: completion from the schema (the suggest widget, with
// snippets; Monaco's own features/suggest registers only inline suggestions), hover (schema help,
// names of ids, the checks), bracket matching, folding, find and replace, format, smart select, word
// and line commands, cursor undo, clipboard and the context menu. Keyboard and screen readers:
// F8 to the next check, Ctrl+G to a line, F1 for every command, Ctrl+M so Tab leaves the editor,
// read-only notices, and the diff's next-change and accessible diff viewer (F7).
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
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
// No colour swatches or outline in policy JSON: without them the JSON worker is not asked for either
// on every change.
jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, colors: false, documentSymbols: false });

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
