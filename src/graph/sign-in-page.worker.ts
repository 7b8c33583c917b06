// Reads a page of the sign-in log for what the paging needs (next link, count, users) off the page's
// thread, and gives the bytes back: a page is megabytes, every policy's result in each sign-in.
import { summarizePage } from './sign-ins';

self.onmessage = (event: MessageEvent<{ id: number; bytes: ArrayBuffer; limit: number }>) => {
  const { id, bytes, limit } = event.data;
  let summary;
  try {
    summary = summarizePage(bytes, limit);
  } catch {
    summary = null;
  }
  self.postMessage({ id, bytes, summary }, { transfer: [bytes] });
};
