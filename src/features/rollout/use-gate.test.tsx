// @vitest-environment jsdom
// A gate reading left behind: the admin began a step (reset) or left the page while the sign-ins were
// still being read. Its answer, about the ring set before the step, never reaches the rollout.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noEmergency, runningPlan } from './test-support';
import { useGate } from './use-gate';

const signIns = vi.hoisted(() => ({ answer: null as null | ((log: { signIns: unknown[]; capped: boolean }) => void) }));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ client: {} }) }));
vi.mock('../../graph/directory', () => ({ readGroupUsers: async () => [] }));
vi.mock('../../graph/sign-ins', () => ({
  signInsUnavailable: () => null,
  // Answers when the test says so.
  readSignIns: (_client: unknown, options: { signal: AbortSignal }) =>
    new Promise((resolve, reject) => {
      signIns.answer = resolve;
      options.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    }),
}));

beforeEach(() => {
  signIns.answer = null;
});
afterEach(cleanup);

const gate = () => {
  const onResult = vi.fn();
  const onUnavailable = vi.fn();
  const hook = renderHook(() => useGate({ onResult, onUnavailable }));
  return { hook, onResult, onUnavailable };
};

/** The reading started, up to the sign-ins (which wait for the test). */
async function reading(hook: ReturnType<typeof gate>['hook']) {
  let done!: Promise<void>;
  act(() => {
    done = hook.result.current.check(runningPlan(), undefined, noEmergency);
  });
  await vi.waitFor(() => expect(signIns.answer).not.toBeNull());
  // Wrapped: an async function returning the promise itself would wait for it.
  return { done };
}

describe('useGate, a reading left behind', () => {
  it('an answer arriving after the step began (reset) is dropped: no gate result, the reading stays idle', async () => {
    const { hook, onResult, onUnavailable } = gate();
    const { done } = await reading(hook);
    act(() => hook.result.current.reset());
    await act(async () => {
      signIns.answer!({ signIns: [], capped: false });
      await done;
    });
    expect(onResult).not.toHaveBeenCalled();
    expect(onUnavailable).not.toHaveBeenCalled();
    expect(hook.result.current.read).toEqual({ kind: 'idle' });
  });

  it('an answer arriving after the page was left is dropped', async () => {
    const { hook, onResult } = gate();
    const { done } = await reading(hook);
    hook.unmount();
    await act(async () => {
      signIns.answer!({ signIns: [], capped: false });
      await done;
    });
    expect(onResult).not.toHaveBeenCalled();
  });

  it('an answer to a reading still wanted reaches the rollout', async () => {
    const { hook, onResult } = gate();
    const { done } = await reading(hook);
    await act(async () => {
      signIns.answer!({ signIns: [], capped: false });
      await done;
    });
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(hook.result.current.read.kind).toBe('done');
  });
});
