// Documentation of a tenant's Conditional Access from a backup bundle, as a file to save: printable
// HTML, Markdown or the policy grid as CSV, optionally with names masked. Pure: a bundle is enough,
// no tenant is signed in or asked anything.
import type { Bundle } from '../bundle/bundle';
import { safeFileName } from '../bundle/folder';
import { buildDocument, type DocumentOptions } from './document-model';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

export type DocumentationFormat = 'html' | 'markdown' | 'csv';

export interface DocumentationFile {
  fileName: string;
  content: string;
  type: string;
}

const FORMATS: Record<DocumentationFormat, { extension: string; type: string; render: typeof renderHtml }> = {
  html: { extension: 'html', type: 'text/html;charset=utf-8', render: renderHtml },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8', render: renderMarkdown },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8', render: renderCsv },
};

/** "conditional-access-contoso-2026-11-30.html"; a masked document's name does not name the tenant. */
export function documentationFileName(bundle: Bundle, format: DocumentationFormat, masked: boolean): string {
  const tenant = masked
    ? 'masked'
    : safeFileName(bundle.manifest.tenant.name ?? bundle.manifest.tenant.id, bundle.manifest.tenant.id).toLowerCase();
  const date = /^\d{4}-\d\d-\d\d/.exec(bundle.manifest.capturedAt)?.[0];
  return `conditional-access-${tenant}${date ? `-${date}` : ''}.${FORMATS[format].extension}`;
}

export function documentationFile(bundle: Bundle, format: DocumentationFormat, options: DocumentOptions = {}): DocumentationFile {
  const { render, type } = FORMATS[format];
  return { fileName: documentationFileName(bundle, format, !!options.mask), content: render(buildDocument(bundle, options)), type };
}
