// The lint catalogue runs in one Web Worker the page keeps while lints come: the tenant's lint (each time a
// source changes) and the editor's (at each pause in typing). A worker per run loaded and evaluated the
// catalogue (~100 kB) again each time, and a run stopped while its worker was still loading left the script's
// request cut off. Now a stopped run only stops being waited on: its answer is dropped (a tenant lint at 195
// policies holds the worker ~0.1 s, ~0.4 s while it is new; a draft's, milliseconds). The worker ends after a minute
// with nothing to lint.
import type { LintFinding, LintInput } from '../domain/lint/types';

export type LintRequest = { id: number; input: LintInput };
export type LintAnswer = { id: number } & ({ ok: true; findings: LintFinding[] } | { ok: false; message: string });

/** How long the worker is kept with no lint waiting on it. */
export const LINT_WORKER_IDLE_MS = 60_000;

interface Waiter {
  resolve(findings: LintFinding[]): void;
  reject(error: Error): void;
}

interface LintWorker {
  worker: Worker;
  waiting: Map<number, Waiter>;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

let current: LintWorker | null = null;
let lastId = 0;

function lintWorker(): LintWorker {
  if (current) {
    clearTimeout(current.idleTimer);
    return current;
  }
  const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
  const lint: LintWorker = { worker, waiting: new Map(), idleTimer: undefined };
  worker.onmessage = (event: MessageEvent<LintAnswer>) => {
    const answer = event.data;
    const waiter = lint.waiting.get(answer.id);
    lint.waiting.delete(answer.id);
    if (waiter) {
      if (answer.ok) waiter.resolve(answer.findings);
      else waiter.reject(new Error(`The lint stopped: ${answer.message}`));
    }
    idleWhenNothingWaits(lint);
  };
  // The script failed to load (or the worker broke): the runs waiting fail, and the next run starts a new worker.
  worker.onerror = (event) => {
    event.preventDefault?.();
    end(lint, new Error(`The lint stopped: ${event.message || 'its worker failed to start.'}`));
  };
  return (current = lint);
}

function idleWhenNothingWaits(lint: LintWorker) {
  if (lint.waiting.size > 0 || current !== lint) return;
  clearTimeout(lint.idleTimer);
  lint.idleTimer = setTimeout(() => end(lint, new Error('The lint stopped: its worker was ended.')), LINT_WORKER_IDLE_MS);
}

/** Ends the worker; a run still waiting on it fails (none does when it ends idle), so none waits for good. */
function end(lint: LintWorker, error: Error) {
  clearTimeout(lint.idleTimer);
  lint.worker.terminate();
  if (current === lint) current = null;
  const waiting = [...lint.waiting.values()];
  lint.waiting.clear();
  for (const waiter of waiting) waiter.reject(error);
}

/** The lint in the page's worker; where there is none (tests in Node, the command line), on this thread. */
export function lintOffThread(input: LintInput, signal: AbortSignal): Promise<LintFinding[]> {
  if (typeof Worker === 'undefined') return import('../domain/lint/catalogue').then(({ lintTenant }) => lintTenant(input));
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  const lint = lintWorker();
  const id = ++lastId;
  return new Promise<LintFinding[]>((resolve, reject) => {
    const stop = () => {
      lint.waiting.delete(id);
      idleWhenNothingWaits(lint);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', stop, { once: true });
    lint.waiting.set(id, {
      resolve: (findings) => {
        signal.removeEventListener('abort', stop);
        resolve(findings);
      },
      reject: (error) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    });
    try {
      lint.worker.postMessage({ id, input } satisfies LintRequest);
    } catch (error) {
      // An input the worker cannot be handed (not cloneable): this run fails, and leaves nothing waiting.
      lint.waiting.delete(id);
      signal.removeEventListener('abort', stop);
      idleWhenNothingWaits(lint);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
