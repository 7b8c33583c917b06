// @vitest-environment jsdom
// A quick fix's draft is the policy as the editor shows it, with the fix on top: Graph's answer about itself
// (@odata.context) is not part of the policy, so neither the draft nor its base carries it into the editor and
// the review's diff; the read-only fields stay, as in any draft.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LintFinding } from '../domain/lint/types';
import { draftStore } from './draft-store';

const AS_READ = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies/$entity',
  id: 'p1',
  displayName: 'Block legacy authentication',
  state: 'enabledForReportingButNotEnforced',
  createdDateTime: '2026-01-05T09:00:00Z',
  modifiedDateTime: '2026-11-30T16:00:00Z',
  conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
};

// Where each read of the policy queued in the tenant's pacer: the admin waits on the quick fix's read.
const queued = vi.hoisted(() => [] as string[]);
vi.mock('../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: 't1' },
    scopeKey: ['acct'],
    client: { queue: 'background', userStarted: () => ({ queue: 'user-started' }) },
  }),
}));
vi.mock('./queries', () => ({
  policyQuery: (tenant: { client: { queue: string } }, id: string) =>
    queryOptions({
      queryKey: ['policy', id],
      queryFn: async () => {
        queued.push(tenant.client.queue);
        return structuredClone(AS_READ);
      },
    }),
}));

const { useOpenLintFix } = await import('./lint-fix');

const finding: LintFinding = {
  ruleId: 'report-only-for-long',
  severity: 'warning',
  category: 'hygiene',
  message: 'Report-only since last year.',
  policyId: 'p1',
  policyName: 'Block legacy authentication',
  fix: { description: 'Turn it on.', patch: { state: 'enabled' } },
  external: [],
};

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('useOpenLintFix', () => {
  it('opens the editor on the fixed policy without Graph’s @odata.context, in the draft and in its base', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useOpenLintFix(), { wrapper });
    await act(() => result.current(finding));

    const draft = draftStore.load('acct', 'p1');
    const { '@odata.context': _context, ...policy } = AS_READ;
    expect(JSON.parse(draft!.text)).toEqual({ ...policy, state: 'enabled' });
    expect(JSON.parse(draft!.baseText)).toEqual(policy);
    expect(draft!.baseModified).toBe('2026-11-30T16:00:00Z');
    expect(draft!.origin).toBe('Quick fix (report-only-for-long): Turn it on');
    // Read ahead of the screens' queued reads: the admin pressed the fix and waits for the editor.
    expect(queued).toEqual(['user-started']);
  });
});
