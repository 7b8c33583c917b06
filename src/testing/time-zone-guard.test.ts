// A test file that sets the process's time zone must run in a process of its own (vite.config.ts
// SETS_PROCESS_TIME_ZONE): in the unit project's worker threads the assignment is refused, loudly.
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

describe('setting process.env.TZ', () => {
  it.runIf(!isMainThread)('in a worker thread, says where the file belongs instead of testing nothing', () => {
    expect(() => {
      process.env.TZ = 'Pacific/Auckland';
    }).toThrow(/SETS_PROCESS_TIME_ZONE/);
  });
});
