// @vitest-environment jsdom
// Back on the Lint page from a quick fix (the editor it opened, then Back), the keyboard is at the next finding's
// Fix… button, or at the count of findings when no finding after it has a fix: not on the page's heading, many Tabs
// before where the admin was.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LintFinding } from '../../domain/lint/types';

const finding = (ruleId: string, policyId: string, fix: boolean): LintFinding => ({
  ruleId,
  severity: 'warning',
  category: 'hygiene',
  message: `${ruleId} message`,
  policyId,
  policyName: `Policy ${policyId}`,
  ...(fix && { fix: { description: 'Fix it', patch: [] } as unknown as NonNullable<LintFinding['fix']> }),
  external: [],
});
const FINDINGS = [finding('rule-a', 'p1', true), finding('rule-b', 'p2', false), finding('rule-c', 'p3', true)];

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada' }, scopeKey: ['acct'], client: {} }),
}));
vi.mock('../../policy-ui/queries', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  policiesQuery: () => queryOptions({ queryKey: ['policies'], queryFn: () => new Promise<object[]>(() => {}) }),
}));
vi.mock('../../policy-ui/use-tenant-lint', () => ({
  useTenantLint: () => ({ findings: FINDINGS, error: null, retry: () => {} }),
  useLintSources: () => ({ sources: null, error: null, retry: () => {} }),
}));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../session/lint-suppressions-store', () => ({ useLintSuppressions: () => [[], () => true] }));
// The fix opens the editor: here a screen with a heading and a way back.
vi.mock('../../policy-ui/lint-fix', async () => {
  const { useNavigate: navigateHook } = await import('react-router');
  return {
    useOpenLintFix: () => {
      const navigate = navigateHook();
      return async () => navigate('/edit');
    },
  };
});

const { LintPage } = await import('./lint-page');

function Editor() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Edit</h1>
      <button onClick={() => navigate(-1)}>Back</button>
      <button onClick={() => navigate('/lint')}>Open Lint</button>
    </>
  );
}

afterEach(cleanup);

async function fixAndComeBack(ruleId: string, how: 'Back' | 'Open Lint' = 'Back') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={['/lint']}>
        <Routes>
          <Route path="/lint" element={<LintPage />} />
          <Route path="/edit" element={<Editor />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Fix ${ruleId} `) })));
  const back = await screen.findByRole('button', { name: how });
  back.focus();
  await act(async () => void fireEvent.click(back));
  await screen.findByRole('heading', { level: 1, name: 'Lint' });
}

describe('LintPage, back from a quick fix', { timeout: 20_000 }, () => {
  it('puts the focus on the next finding’s Fix… button (one without a fix is passed over)', async () => {
    await fixAndComeBack('rule-a');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Fix rule-c / }));
  });

  it('puts the focus on the count of findings when no finding after it has a fix', async () => {
    await fixAndComeBack('rule-c');
    expect(document.activeElement?.getAttribute('role')).toBe('status');
    expect(document.activeElement?.textContent).toBe('0 errors, 3 warnings and 0 suggestions.');
  });

  it('leaves the focus alone when Lint is opened anew from the editor rather than come back to', async () => {
    await fixAndComeBack('rule-a', 'Open Lint');
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: /^Fix rule-c / }));
  });
});
