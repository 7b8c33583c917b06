// A job's pages reach the worker one a task, as copies: the page keeps its own, and stays responsive between them.
import { describe, expect, it, vi } from 'vitest';
import { postWithPages, receiveWithPages } from './worker-pages';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;
const text = (buffer: ArrayBuffer) => new TextDecoder().decode(buffer);

/** A worker whose messages are structured-cloned with their transfer list, as a real one's are. */
function fakeWorker(onMessage: (event: MessageEvent) => void) {
  const posted: unknown[] = [];
  return {
    posted,
    postMessage(message: unknown, transfer: Transferable[] = []) {
      const data = structuredClone(message, { transfer });
      posted.push(data);
      onMessage({ data } as MessageEvent);
    },
  };
}

describe('postWithPages and receiveWithPages', () => {
  it('gives the worker the job with every page, and leaves the page its own bytes', async () => {
    const runs: { job: string; pages: string[] }[] = [];
    const worker = fakeWorker(receiveWithPages<string>((job, pages) => runs.push({ job, pages: pages.map(text) })));
    const pages = [bytes('first'), bytes('second')];
    await postWithPages(worker, pages, 'evaluate', () => false);
    expect(runs).toEqual([{ job: 'evaluate', pages: ['first', 'second'] }]);
    expect(pages.map(text)).toEqual(['first', 'second']);
    // A second job is given its own pages, not the first's again.
    await postWithPages(worker, [bytes('third')], 'again', () => false);
    expect(runs[1]).toEqual({ job: 'again', pages: ['third'] });
  });

  it('posts one page a task: something queued meanwhile runs between them', async () => {
    const order: string[] = [];
    const worker = fakeWorker((event) => order.push('page' in event.data ? 'page' : 'job'));
    // Queued first, it waits behind the first page only (a click, a frame): not behind every page.
    setTimeout(() => order.push('other work'), 0);
    await postWithPages(worker, [bytes('a'), bytes('b')], 'job', () => false);
    expect(order).toEqual(['page', 'other work', 'page', 'job']);
  });

  it('in a hidden tab, whose timers are slowed, posts every page without waiting between them', async () => {
    vi.stubGlobal('document', { hidden: true });
    const order: string[] = [];
    const worker = fakeWorker((event) => order.push('page' in event.data ? 'page' : 'job'));
    setTimeout(() => order.push('other work'), 0);
    await postWithPages(worker, [bytes('a'), bytes('b')], 'job', () => false);
    expect(order).toEqual(['page', 'page', 'job']);
    vi.unstubAllGlobals();
  });

  it('stopped (the review closed, the draft changed), posts nothing more', async () => {
    let stopped = false;
    const worker = fakeWorker(() => (stopped = true));
    await postWithPages(worker, [bytes('a'), bytes('b')], 'job', () => stopped);
    expect(worker.posted).toHaveLength(1);
  });
});
