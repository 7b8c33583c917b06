// The console's page reader for one read of the sign-in log: each page's bytes go to a worker (transferred,
// no copy), which parses them for the next link and the users and hands them back. Parsed here, a page of
// 1,000 sign-ins pauses the page for tens of milliseconds, hundreds at 195 policies. Where there are no
// workers (tests), pages are read in the page's thread.
import { notJson, readPageHere, type PageReader, type PageSummary } from './sign-ins';

/** A worker that failed to start (its script gone after a new version was deployed, say): later reads stay here. */
let workerFailed = false;

type Waiting = { resolve(read: { bytes: ArrayBuffer; summary: PageSummary }): void; reject(error: Error): void };

export function pageReaderOffThread(): { read: PageReader; close(): void } {
  if (typeof Worker === 'undefined' || workerFailed) return { read: readPageHere, close() {} };
  const worker = new Worker(new URL('./sign-in-page.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const one of waiting.values()) one.reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<{ id: number; bytes: ArrayBuffer; summary: PageSummary | null }>) => {
    const { id, bytes, summary } = event.data;
    const one = waiting.get(id);
    waiting.delete(id);
    if (summary) one?.resolve({ bytes, summary });
    else one?.reject(notJson());
  };
  // A script that cannot load fails at once, before any page is posted: later pages are then read here (their
  // bytes are still the page's); a page already handed to the failed worker is lost, and its read fails.
  worker.onerror = (event) => {
    workerFailed = true;
    failAll(
      new Error(
        `the sign-in log's pages could not be read in a worker (${event.message || 'it stopped'}); the next read reads them without one.`,
      ),
    );
  };
  return {
    read: (bytes, limit) =>
      workerFailed
        ? readPageHere(bytes, limit)
        : new Promise((resolve, reject) => {
            const id = nextId++;
            waiting.set(id, { resolve, reject });
            worker.postMessage({ id, bytes, limit }, [bytes]);
          }),
    close() {
      worker.terminate();
      failAll(new Error('The sign-in log’s read was stopped.'));
    },
  };
}
