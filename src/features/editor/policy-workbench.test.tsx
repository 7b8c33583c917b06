// @vitest-environment jsdom
// The Checks beside the JSON claim "No problems found." only once the lint has answered: it starts
// after the editor has painted, and until its first answer the panel says it is still checking (it
// said "No problems found." and then, the lint marking something, "The checks found no problems.").
// A lint that cannot run says so instead of checking forever.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LintFinding } from '../../domain/lint/types';
import type * as UnnamedEmergency from './unnamed-emergency';
import type { DraftState } from './use-draft';
import { PolicyWorkbench } from './policy-workbench';

const world = vi.hoisted(() => ({
  // The lint's answer arrives when the test settles it.
  lint: { resolve: (_: LintFinding[]) => {}, reject: (_: Error) => {} },
  // How many runs the lint has started: a test settles a run only once it has started.
  runs: 0,
  sourcesError: null as Error | null,
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acc', tenantId: 't1' } }) }));
vi.mock('../../session/lint-suppressions-store', () => ({ useLintSuppressions: () => [[]] }));
vi.mock('../../shared/theme', () => ({ useTheme: () => ({ dark: false }) }));
// The editor paints at once.
vi.mock('../../shared/monaco', () => ({
  LazyJsonEditor: ({ onShown }: { onShown?: () => void }) => {
    useEffect(() => onShown?.(), [onShown]);
    return <p>The JSON editor</p>;
  },
}));
vi.mock('./assignment-pickers', () => ({ AssignmentPickers: () => null }));
// Emergency-access accounts are named: that check has nothing to wait for.
vi.mock('./unnamed-emergency', async (original) => ({
  ...(await original<typeof UnnamedEmergency>()),
  useUnnamedEmergency: () => ({ unnamed: false, dormant: false, checking: false, failed: false, warnings: [] }),
}));
vi.mock('../../policy-ui/use-tenant-lint', () => ({
  useLintSources: ({ ready }: { ready: boolean }) => ({
    sources: ready && !world.sourcesError ? {} : null,
    error: ready ? world.sourcesError : null,
    retry: () => {},
  }),
}));
vi.mock('../../policy-ui/lint-draft', () => ({
  draftLintInput: (_sources: unknown, policy: unknown) => ({ policies: [policy] }),
  lintDraft: () =>
    new Promise<LintFinding[]>((resolve, reject) => {
      world.lint = { resolve, reject };
      world.runs++;
    }),
}));

const policy = { id: 'p1', displayName: 'Block legacy sign-in', state: 'enabled' };
const draftOf = (more: Partial<DraftState> = {}) =>
  ({ text: JSON.stringify(policy, null, 2), policy, parseError: null, findings: [], setText: () => {}, ...more }) as unknown as DraftState;

const workbench = (draft = draftOf()) => {
  render(<PolicyWorkbench draft={draft} modelName="p1" label="Policy JSON" names={undefined} onReview={() => {}} />);
  return screen.getByRole('region', { name: /^Checks/ });
};

beforeEach(() => {
  world.sourcesError = null;
  world.runs = 0;
});

const runStarted = (n: number) => waitFor(() => expect(world.runs).toBe(n));
afterEach(cleanup);

describe('PolicyWorkbench checks', () => {
  it('says the lint is still checking, not "No problems found.", until it answers', async () => {
    const checks = workbench();
    // The lint runs, and has not answered.
    await runStarted(1);
    expect(checks.textContent).toContain('Checking the JSON with the lint…');
    expect(checks.textContent).not.toContain('No problems found.');
    world.lint.resolve([]);
    await waitFor(() => expect(checks.textContent).toContain('No problems found.'));
    expect(checks.textContent).not.toContain('Checking');
  });

  it('says the lint could not run when it fails, rather than checking forever', async () => {
    const checks = workbench();
    await waitFor(() => expect(checks.textContent).toContain('Checking the JSON with the lint…'));
    await runStarted(1);
    world.lint.reject(new Error('The lint worker stopped.'));
    await waitFor(() => expect(checks.textContent).toContain('The lint could not run: the JSON was not checked against its rules.'));
    expect(checks.textContent).not.toContain('Checking');
    expect(checks.textContent).not.toContain('No problems found.');
  });

  it('says the lint could not run when a later run fails, and no longer speaks of the earlier run’s marks', async () => {
    const view = render(<PolicyWorkbench draft={draftOf()} modelName="p1" label="Policy JSON" names={undefined} onReview={() => {}} />);
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await runStarted(1);
    world.lint.resolve([
      { ruleId: 'demo-rule', severity: 'warning', category: 'hygiene', policyId: 'p1', path: ['state'], message: 'Stale.', external: [] },
    ]);
    await waitFor(() => expect(checks.textContent).toContain('The lint also marks 1 warning in the JSON'));

    // Typed on: the next run fails.
    const edited = { ...policy, state: 'disabled' };
    view.rerender(
      <PolicyWorkbench
        draft={draftOf({ text: JSON.stringify(edited, null, 2), policy: edited })}
        modelName="p1"
        label="Policy JSON"
        names={undefined}
        onReview={() => {}}
      />,
    );
    await runStarted(2);
    world.lint.reject(new Error('The lint worker stopped.'));
    await waitFor(() => expect(checks.textContent).toContain('The lint could not run: the JSON was not checked against its rules.'));
    expect(checks.textContent).not.toContain('The lint also marks');
    expect(checks.textContent).not.toContain('found no problems');
  });

  it('says the lint could not run when the tenant’s policies it needs could not be read', async () => {
    world.sourcesError = new Error('Failed to fetch');
    const checks = workbench();
    await waitFor(() => expect(checks.textContent).toContain('The lint could not run: the JSON was not checked against its rules.'));
    expect(checks.textContent).not.toContain('Checking');
  });

  it('says only the parse error while the JSON does not parse: there is nothing to lint', async () => {
    const checks = workbench(draftOf({ text: '{', policy: null, parseError: 'The text is not valid JSON.' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(checks.textContent).toContain('The text is not valid JSON.');
    expect(checks.textContent).not.toContain('lint');
  });
});
