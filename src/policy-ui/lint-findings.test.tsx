// @vitest-environment jsdom
// Undo of a suppression takes its message bar away: the undo is said (from a status that was in the
// page before) and the focus goes to the finding's own button, not to the page's start. A policy's
// name in a button's name is isolated, so a direction control in it cannot turn the words around.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySuppressions } from '../domain/lint/suppressions';
import type { LintFinding } from '../domain/lint/types';
import { useLintSuppressions } from '../session/lint-suppressions-store';

vi.mock('../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-lint-findings', name: 'Ada Lindqvist' } }),
}));
vi.mock('../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: unknown }) => children,
}));
vi.mock('./lint-fix', () => ({ useOpenLintFix: () => async () => {} }));

// Fluent's dialog renders slowly on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const { LintFindingsList } = await import('./lint-findings');

const finding = (policyName: string): LintFinding => ({
  ruleId: 'stale-report-only-or-off',
  severity: 'warning',
  category: 'hygiene',
  message: `'${policyName}' has been report-only for 40 days.`,
  policyId: 'policy-31',
  policyName,
  external: [],
});

function Findings({ findings }: { findings: LintFinding[] }) {
  const [suppressions] = useLintSuppressions('tenant-lint-findings');
  return <LintFindingsList findings={applySuppressions(findings, suppressions)} label="Hygiene findings" />;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function suppress(name: RegExp | string) {
  fireEvent.click(screen.getByRole('button', { name }));
  fireEvent.change(await screen.findByRole('textbox', { name: /Reason/ }), { target: { value: 'Piloting until January' } });
  await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Suppress' })));
}

describe('LintFindingsList', () => {
  it('says an undone suppression and puts the focus on the finding’s button', async () => {
    render(
      <MemoryRouter>
        <Findings findings={[finding('CA031: Pilot')]} />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');
    await suppress('Suppress stale-report-only-or-off for “CA031: Pilot”…');
    expect(screen.getByText('Suppressed stale-report-only-or-off for “CA031: Pilot”. It is no longer counted.')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    await act(async () => void fireEvent.click(undo));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Undone: stale-report-only-or-off for “CA031: Pilot” is counted again.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Suppress stale-report-only-or-off for “CA031: Pilot”…' }));
  });

  it('isolates a policy’s name holding a direction control in the names of its buttons', () => {
    render(
      <MemoryRouter>
        <Findings findings={[finding('CA031: \u202EtoliP')]} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('button', { name: 'Suppress stale-report-only-or-off for “CA031: \\u202EtoliP”…' })).toBeTruthy();
  });
});
