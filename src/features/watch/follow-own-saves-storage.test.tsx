// @vitest-environment jsdom
// A browser whose storage is full or blocked never turns a save Graph made into a failed one: the mark
// is simply not kept on this device, and the save resolves as saved.
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { SaveOutcome } from '../../operations/save-policy';
import { FollowOwnSaves } from './follow-own-saves';

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct-quota', tenantId: 'tenant-1', name: 'Ada Lindqvist' }, scopeKey: ['acct-quota'] }),
}));

const SAVE: QueryKey = ['acct-quota', 'write', 'save'];
const saved: ConditionalAccessPolicy = { id: 'p1', displayName: 'CA007', modifiedDateTime: '2026-12-03T08:00:00Z', state: 'disabled' };

function save(queryClient: QueryClient) {
  return queryClient
    .getMutationCache()
    .build(queryClient, { mutationKey: SAVE, mutationFn: async (): Promise<SaveOutcome> => ({ kind: 'saved', policy: saved }) })
    .execute(undefined);
}

function mount() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <FollowOwnSaves />
    </QueryClientProvider>,
  );
  return queryClient;
}

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

it('a save resolves as saved when the storage is full and nothing is watched', async () => {
  const queryClient = mount();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
  await expect(save(queryClient)).resolves.toEqual({ kind: 'saved', policy: saved });
});

it('a save of a watched policy resolves as saved when the storage is full', async () => {
  const watched = { p1: { name: 'CA007', seenModified: '2026-12-01T08:00:00Z', seenAt: '2026-12-01T08:00:00Z', snapshot: { id: 'p1' } } };
  localStorage.setItem('gatehouse.watch.acct-quota', JSON.stringify(watched));
  const queryClient = mount();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
  await expect(save(queryClient)).resolves.toEqual({ kind: 'saved', policy: saved });
});

it('a save resolves when the storage is blocked altogether', async () => {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
  const queryClient = mount();
  await expect(save(queryClient)).resolves.toEqual({ kind: 'saved', policy: saved });
});
