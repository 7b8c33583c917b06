// A save made in this console moves the watched mark to the version it wrote; a conflict (someone
// else's version handed back), another kind of write, or a failed save does not.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/policy-body';
import type { SaveOutcome } from '../../operations/save-policy';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { followOwnSaves } from './follow-own-saves';

const SAVE: QueryKey = ['tenant', 'a', 'write', 'save'];
const saved: ConditionalAccessPolicy = { id: 'p1', displayName: 'CA007', modifiedDateTime: '2026-12-03T08:00:00Z', state: 'disabled' };

function setUp() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const seen = vi.fn<(policies: JsonObject[]) => void>();
  const stop = followOwnSaves(queryClient, SAVE, seen);
  const run = (mutationKey: QueryKey, result: () => Promise<unknown>) =>
    queryClient
      .getMutationCache()
      .build(queryClient, { mutationKey, mutationFn: result })
      .execute(undefined)
      .catch(() => undefined);
  return { seen, stop, run };
}

describe('followOwnSaves', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks the version a save wrote as seen', async () => {
    const { seen, run } = setUp();
    await run(SAVE, async (): Promise<SaveOutcome> => ({ kind: 'saved', policy: saved }));
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith([saved]));
  });

  it('leaves the mark on a conflict, a failed save, an unchanged one and other writes', async () => {
    const { seen, run } = setUp();
    await run(SAVE, async (): Promise<SaveOutcome> => ({ kind: 'conflict', current: saved }));
    await run(SAVE, async (): Promise<SaveOutcome> => ({ kind: 'unchanged' }));
    await run(SAVE, () => Promise.reject(new Error('403')));
    await run(['tenant', 'a', 'write', 'setState'], async () => ({ kind: 'saved', policy: saved }));
    await run(['tenant', 'b', 'write', 'save'], async () => ({ kind: 'saved', policy: saved }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).not.toHaveBeenCalled();
  });

  it('stops when unsubscribed', async () => {
    const { seen, stop, run } = setUp();
    stop();
    await run(SAVE, async (): Promise<SaveOutcome> => ({ kind: 'saved', policy: saved }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).not.toHaveBeenCalled();
  });
});
