// Monaco views, loaded on demand: importing this module loads none of Monaco.
import { lazy, useEffect } from 'react';
import { whenIdle } from '../idle';

export const LazyJsonViewer = lazy(() => import('./json-viewer'));
export const LazyJsonEditor = lazy(() => import('./json-editor'));
export const LazyDiffViewer = lazy(() => import('./diff-viewer'));
export type { JsonViewerProps } from './json-viewer';
export type { EditorMarker, JsonEditorProps, JsonSchemaRegistration } from './json-editor';
export type { IdDescription } from './id-names';
export type { DiffReveal } from './diff-viewer';
/** Starts loading the diff view (Monaco included) before it is shown, e.g. when a compare page opens. */
export const preloadDiffViewer = () => void import('./diff-viewer');

let editorRequested = false;

/**
 * Loads the JSON editor (Monaco included) in the background once `ready` says the page's own data
 * is in, when the browser is next idle, so a later Edit (or the JSON tab) opens without waiting
 * for it. Once per session: the module stays loaded.
 */
export function usePreloadJsonEditor(ready: boolean) {
  useEffect(() => {
    if (!ready || editorRequested) return;
    const load = () => {
      editorRequested = true;
      // A failed load is tried again by the editor itself when it opens.
      import('./json-editor').catch(() => (editorRequested = false));
    };
    return whenIdle(load, { timeout: 2000, fallbackMs: 200 });
  }, [ready]);
}
