// @vitest-environment jsdom
// Restore suppressions from a backup while this tenant's policy list is still on its way, or could
// not be read: no suppression is said to be of a policy "not in this tenant" (nobody knows yet), the
// admin is told why those of single policies were not restored, and those of whole rules still are.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LintSuppression } from '../../domain/lint/types';

const answers = vi.hoisted(() => ({
  policies: (): Promise<object[]> => new Promise<object[]>(() => {}),
  kept: [] as unknown[],
}));

const AT = '2026-11-30T12:00:00Z';
const SUPPRESSIONS: LintSuppression[] = [
  { ruleId: 'hygiene-report-only', reason: 'Piloting', at: AT, policyId: 'policy-1' },
  { ruleId: 'coverage-guests-mfa', reason: 'No guests', at: AT },
];

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada' }, scopeKey: ['acct'], client: {} }),
}));
vi.mock('../../policy-ui/queries', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  policiesQuery: () => queryOptions({ queryKey: ['policies'], queryFn: () => answers.policies() }),
}));
vi.mock('../../policy-ui/use-tenant-lint', () => ({
  useTenantLint: () => ({ findings: undefined, error: null, retry: () => {} }),
  useLintSources: () => ({ sources: null, error: null, retry: () => {} }),
}));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../session/lint-suppressions-store', () => ({
  useLintSuppressions: () => [
    [],
    (change: (current: readonly LintSuppression[]) => readonly LintSuppression[]) => (answers.kept.push(change([])), true),
  ],
}));
vi.mock('../../shared/files/read-backup-file', () => ({
  BackupFileError: class extends Error {},
  readBackupFile: async () => ({
    bundle: { policies: [{ id: 'policy-1', displayName: 'CA001: Require MFA' }], lintSuppressions: SUPPRESSIONS },
    problems: [],
  }),
}));

const { LintPage } = await import('./lint-page');

afterEach(() => {
  cleanup();
  answers.kept = [];
});

async function restoreFromBackup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <LintPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  // The policy list's answer (or its never coming) arrives before the file is chosen.
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const file = new File(['{}'], 'backup.json');
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new ArrayBuffer(2) });
  await act(async () => void fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } }));
}

describe('LintPage › Restore suppressions from a backup', () => {
  it('while the policies are still being read, says so and never that a policy is not in this tenant', async () => {
    answers.policies = () => new Promise<object[]>(() => {});
    await restoreFromBackup();
    expect(document.body.textContent).not.toContain('is not in this tenant');
    expect(document.body.textContent).toContain(
      'This tenant’s policies are still being read, so the suppression of a single policy was not restored: restore again once they are read.',
    );
    expect(answers.kept).toEqual([[SUPPRESSIONS[1]]]);
  });

  it('when the policies could not be read, says so and never that a policy is not in this tenant', async () => {
    answers.policies = () => Promise.reject(new Error('Graph said no'));
    await restoreFromBackup();
    expect(document.body.textContent).not.toContain('is not in this tenant');
    expect(document.body.textContent).toContain(
      'This tenant’s policies could not be read, so the suppression of a single policy was not restored: restore again once they can be read.',
    );
  });

  it('once the policies are read, places the suppression on its policy', async () => {
    answers.policies = () => Promise.resolve([{ id: 'policy-1', displayName: 'CA001: Require MFA' }]);
    await restoreFromBackup();
    expect(screen.getByText(/2 suppressions restored from backup\.json/)).toBeTruthy();
    expect(answers.kept).toEqual([[SUPPRESSIONS[0], SUPPRESSIONS[1]]]);
  });
});
