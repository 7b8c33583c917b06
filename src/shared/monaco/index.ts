// Monaco views, loaded on demand: importing this module loads none of Monaco.
import { lazy } from 'react';

export const LazyJsonViewer = lazy(() => import('./json-viewer'));
export type { JsonViewerProps } from './json-viewer';
