// Monaco views, loaded on demand: importing this module loads none of Monaco.
import { lazy } from 'react';

export const LazyJsonViewer = lazy(() => import('./json-viewer'));
export const LazyJsonEditor = lazy(() => import('./json-editor'));
export const LazyDiffViewer = lazy(() => import('./diff-viewer'));
export type { JsonViewerProps } from './json-viewer';
export type { EditorMarker, JsonEditorProps, JsonSchemaRegistration } from './json-editor';
export type { IdDescription } from './id-names';
export type { DiffReveal } from './diff-viewer';
/** Starts loading the diff view (Monaco included) before it is shown, e.g. when a compare page opens. */
export const preloadDiffViewer = () => void import('./diff-viewer');
