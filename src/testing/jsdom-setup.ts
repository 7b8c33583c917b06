// Set-up for every unit test file (vite.config.ts `setupFiles`).
import { isMainThread } from 'node:worker_threads';

// Date reads the time zone of the process: in a worker thread (the `unit` project's pool) setting
// process.env.TZ changes nothing, and a test that relies on it would pass testing nothing. Such a file
// belongs in vite.config.ts SETS_PROCESS_TIME_ZONE (a process of its own): said at the assignment.
if (!isMainThread) {
  process.env = new Proxy(process.env, {
    set(env, name, value) {
      if (name === 'TZ')
        throw new Error(
          'This test sets process.env.TZ in a worker thread, where Date ignores it: add its file to SETS_PROCESS_TIME_ZONE in vite.config.ts.',
        );
      return Reflect.set(env, name, value);
    },
  });
}

// In the files that ask for jsdom: Fluent's MessageBar measures itself with a ResizeObserver, which jsdom lacks: a stub that
// never reports is enough, as jsdom lays nothing out.
if (typeof window !== 'undefined' && typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export {};
