// The page's lint worker: one for every run (the tenant's lint and the editor's at each pause in typing), each
// answer to the run that asked; a run stopped is no longer waited on but leaves the worker be (ended while its
// script still loaded, the script's request was left cut off); a worker that cannot start fails the runs waiting
// and the next run gets a new one; with nothing to lint for a minute, the worker ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LintInput } from '../domain/lint/types';
import type { LintAnswer, LintRequest } from './lint-off-thread';

/** Workers as the page made them; each holds the requests posted to it until the test answers them. */
const made: FakeWorker[] = [];
class FakeWorker {
  onmessage: ((event: { data: LintAnswer }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  readonly posted: LintRequest[] = [];
  ended = false;
  constructor() {
    made.push(this);
  }
  postMessage(request: LintRequest) {
    if (request.input === UNCLONEABLE) throw new DOMException('function could not be cloned', 'DataCloneError');
    this.posted.push(request);
  }
  terminate() {
    this.ended = true;
  }
  answer(request: LintRequest, policyId: string) {
    this.onmessage?.({ data: { id: request.id, ok: true, findings: [{ policyId } as never] } });
  }
}

const UNCLONEABLE = { policies: [], now: () => {} } as unknown as LintInput;
const input = (name: string) => ({ policies: [{ id: name }] }) as unknown as LintInput;

async function freshModule() {
  vi.resetModules();
  return import('./lint-off-thread');
}

beforeEach(() => {
  made.length = 0;
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the lint worker the page keeps', () => {
  it('answers each run from one worker, whatever order the answers come in', async () => {
    const { lintOffThread } = await freshModule();
    const tenant = lintOffThread(input('tenant'), new AbortController().signal);
    const draft = lintOffThread(input('draft'), new AbortController().signal);
    expect(made).toHaveLength(1);
    const [first, second] = made[0]!.posted;
    made[0]!.answer(second!, 'p-draft');
    made[0]!.answer(first!, 'p-tenant');
    expect(await tenant).toEqual([{ policyId: 'p-tenant' }]);
    expect(await draft).toEqual([{ policyId: 'p-draft' }]);
    expect(first!.input).toEqual(input('tenant'));
  });

  it('stops waiting on a run that is stopped, and keeps the worker for the next run', async () => {
    const { lintOffThread } = await freshModule();
    const stopped = new AbortController();
    const run = lintOffThread(input('typed'), stopped.signal);
    stopped.abort(new DOMException('The draft changed', 'AbortError'));
    await expect(run).rejects.toThrow('The draft changed');
    expect(made[0]!.ended).toBe(false);

    const next = lintOffThread(input('typed more'), new AbortController().signal);
    expect(made).toHaveLength(1);
    // The stopped run's answer comes late: it goes to nobody, and the next run still gets its own.
    made[0]!.answer(made[0]!.posted[0]!, 'late');
    made[0]!.answer(made[0]!.posted[1]!, 'p-next');
    expect(await next).toEqual([{ policyId: 'p-next' }]);
  });

  it('fails the runs waiting when the worker cannot start, and starts a new worker for the next run', async () => {
    const { lintOffThread } = await freshModule();
    const first = lintOffThread(input('a'), new AbortController().signal);
    const second = lintOffThread(input('b'), new AbortController().signal);
    made[0]!.onerror?.({ message: '', preventDefault() {} });
    await expect(first).rejects.toThrow('The lint stopped: its worker failed to start.');
    await expect(second).rejects.toThrow('The lint stopped');
    expect(made[0]!.ended).toBe(true);

    const again = lintOffThread(input('c'), new AbortController().signal);
    expect(made).toHaveLength(2);
    made[1]!.answer(made[1]!.posted[0]!, 'p-c');
    expect(await again).toEqual([{ policyId: 'p-c' }]);
  });

  it('says what stopped a run the catalogue failed on', async () => {
    const { lintOffThread } = await freshModule();
    const run = lintOffThread(input('a'), new AbortController().signal);
    made[0]!.onmessage?.({ data: { id: made[0]!.posted[0]!.id, ok: false, message: 'policies is not iterable' } });
    await expect(run).rejects.toThrow('The lint stopped: policies is not iterable');
  });

  it('ends the worker after a minute with nothing to lint, not while a run waits', async () => {
    vi.useFakeTimers();
    const { lintOffThread, LINT_WORKER_IDLE_MS } = await freshModule();
    const run = lintOffThread(input('a'), new AbortController().signal);
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS * 2);
    expect(made[0]!.ended).toBe(false);
    made[0]!.answer(made[0]!.posted[0]!, 'p-a');
    await run;
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS - 1);
    // A run within the minute keeps the same worker, and the minute starts again after it.
    const another = lintOffThread(input('b'), new AbortController().signal);
    made[0]!.answer(made[0]!.posted[1]!, 'p-b');
    await another;
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS - 1);
    expect(made[0]!.ended).toBe(false);
    vi.advanceTimersByTime(1);
    expect(made[0]!.ended).toBe(true);
    void lintOffThread(input('c'), new AbortController().signal);
    expect(made).toHaveLength(2);
  });

  it('keeps the worker for a run started just before the idle minute ends', async () => {
    vi.useFakeTimers();
    const { lintOffThread, LINT_WORKER_IDLE_MS } = await freshModule();
    const first = lintOffThread(input('a'), new AbortController().signal);
    made[0]!.answer(made[0]!.posted[0]!, 'p-a');
    await first;
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS - 1);
    const late = lintOffThread(input('b'), new AbortController().signal);
    vi.advanceTimersByTime(2);
    expect(made[0]!.ended).toBe(false);
    made[0]!.answer(made[0]!.posted[1]!, 'p-b');
    expect(await late).toEqual([{ policyId: 'p-b' }]);
  });

  it('ends the worker a minute after a run was stopped, though its answer never comes', async () => {
    vi.useFakeTimers();
    const { lintOffThread, LINT_WORKER_IDLE_MS } = await freshModule();
    const stopped = new AbortController();
    const run = lintOffThread(input('a'), stopped.signal);
    stopped.abort(new Error('left'));
    await expect(run).rejects.toThrow('left');
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS);
    expect(made[0]!.ended).toBe(true);
  });

  it('lets go of the run’s signal once answered: a signal that outlives the run holds nothing of it', async () => {
    const { lintOffThread } = await freshModule();
    const outliving = new AbortController();
    const added = vi.spyOn(outliving.signal, 'addEventListener');
    const removed = vi.spyOn(outliving.signal, 'removeEventListener');
    const run = lintOffThread(input('a'), outliving.signal);
    made[0]!.answer(made[0]!.posted[0]!, 'p-a');
    await run;
    expect(removed.mock.calls.map(([type, listener]) => [type, listener])).toEqual(
      added.mock.calls.map(([type, listener]) => [type, listener]),
    );
  });

  it('fails a run whose input cannot be handed to the worker, and leaves nothing waiting', async () => {
    vi.useFakeTimers();
    const { lintOffThread, LINT_WORKER_IDLE_MS } = await freshModule();
    await expect(lintOffThread(UNCLONEABLE, new AbortController().signal)).rejects.toThrow('could not be cloned');
    vi.advanceTimersByTime(LINT_WORKER_IDLE_MS);
    expect(made[0]!.ended).toBe(true);
  });
});
