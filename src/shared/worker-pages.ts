// Handing a worker megabytes (the sign-in log's pages) without pausing the page. A transferred buffer
// costs the page nothing but is gone from it; the log read is kept for the next evaluation, so each
// page is copied, and a copy of megabytes is itself tens of milliseconds: one page a task, so the
// page stays responsive between them, then the job that the pages belong to.

type PagedMessage<T> = { page: ArrayBuffer } | { job: T };

/** What the pages are posted to: a Worker. */
export interface PageSink {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** A hidden tab's timers wake about once a second (once a minute after a while): with nothing on screen to pause, no yield. */
const hidden = () => typeof document !== 'undefined' && document.hidden;

/** Posts a copy of each page, one a task, then `job`. Stops, posting nothing more, once `stopped()` says so. */
export async function postWithPages<T>(worker: PageSink, pages: readonly ArrayBuffer[], job: T, stopped: () => boolean): Promise<void> {
  for (const page of pages) {
    if (stopped()) return;
    const copy = page.slice(0);
    worker.postMessage({ page: copy } satisfies PagedMessage<T>, [copy]);
    if (!hidden()) await nextTask();
  }
  if (!stopped()) worker.postMessage({ job } satisfies PagedMessage<T>, []);
}

/** The worker's side: the pages as they come, then `run` with the job and its pages. */
export function receiveWithPages<T>(run: (job: T, pages: ArrayBuffer[]) => void): (event: MessageEvent<PagedMessage<T>>) => void {
  let pages: ArrayBuffer[] = [];
  return (event) => {
    if ('page' in event.data) {
      pages.push(event.data.page);
      return;
    }
    const received = pages;
    pages = [];
    run(event.data.job, received);
  };
}
