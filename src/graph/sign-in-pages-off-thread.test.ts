// The console's page reader: pages parsed in a worker and handed back; a worker that cannot start
// fails the read in words, and the next read (Read again) parses in the page's thread instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summarizePage } from './sign-ins';

const bytes = (value: object) => new TextEncoder().encode(JSON.stringify(value)).buffer;
const PAGE = { value: [{ id: 's1', userId: 'u1' }], '@odata.nextLink': 'https://graph.microsoft.com/beta/next' };

/** As the browser's worker does: the page's bytes cloned over with their transfer list, summarised, handed back. */
class PageWorker {
  static created = 0;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor() {
    PageWorker.created += 1;
  }
  postMessage(message: { id: number; bytes: ArrayBuffer; limit: number }, transfer: Transferable[]) {
    const { id, bytes: page, limit } = structuredClone(message, { transfer });
    queueMicrotask(() => {
      let summary = null;
      try {
        summary = summarizePage(page, limit);
      } catch {
        // As sign-in-page.worker.ts answers a page it cannot read.
      }
      this.onmessage?.({ data: { id, bytes: page, summary } });
    });
  }
  terminate() {}
}

/** A worker whose script cannot be loaded: the browser says so at once, posted to or not. */
class UnloadableWorker extends PageWorker {
  constructor() {
    super();
    setTimeout(() => this.onerror?.({ message: 'Failed to fetch a worker script' }), 0);
  }
  override postMessage() {}
}

/** A worker that stops while it holds a page. */
class MissingWorker extends PageWorker {
  override postMessage() {
    queueMicrotask(() => this.onerror?.({ message: 'Failed to fetch a worker script' }));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  PageWorker.created = 0;
});

describe('pageReaderOffThread', () => {
  it('gives back the page and what the paging needs of it', async () => {
    vi.stubGlobal('Worker', PageWorker);
    const { pageReaderOffThread } = await import('./sign-in-pages-off-thread');
    const reader = pageReaderOffThread();
    const { bytes: back, summary } = await reader.read(bytes(PAGE), 5);
    reader.close();
    expect(summary).toEqual({ signIns: 1, nextLink: PAGE['@odata.nextLink'], userIds: ['u1'], typeLogged: {} });
    expect(JSON.parse(new TextDecoder().decode(back))).toEqual(PAGE);
  });

  it('a page that is not JSON fails as not JSON', async () => {
    vi.stubGlobal('Worker', PageWorker);
    const { pageReaderOffThread } = await import('./sign-in-pages-off-thread');
    const reader = pageReaderOffThread();
    await expect(reader.read(new TextEncoder().encode('<html>').buffer, 5)).rejects.toMatchObject({ code: 'InvalidResponse' });
  });

  it('a worker whose script cannot load: the pages are read in the page instead, this read and the next', async () => {
    vi.stubGlobal('Worker', UnloadableWorker);
    const { pageReaderOffThread } = await import('./sign-in-pages-off-thread');
    const reader = pageReaderOffThread();
    // The browser reports it before any page is posted.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await reader.read(bytes(PAGE), 5)).summary.userIds).toEqual(['u1']);
    expect((await pageReaderOffThread().read(bytes(PAGE), 5)).summary.userIds).toEqual(['u1']);
    expect(UnloadableWorker.created).toBe(1);
  });

  it('a worker that stops with a page in hand fails that read in words, and the next read is made in the page', async () => {
    vi.stubGlobal('Worker', MissingWorker);
    const { pageReaderOffThread } = await import('./sign-in-pages-off-thread');
    await expect(pageReaderOffThread().read(bytes(PAGE), 5)).rejects.toThrow(
      /could not be read in a worker .*the next read reads them without one/,
    );
    const again = pageReaderOffThread();
    expect((await again.read(bytes(PAGE), 5)).summary.userIds).toEqual(['u1']);
    expect(MissingWorker.created).toBe(1);
  });
});
