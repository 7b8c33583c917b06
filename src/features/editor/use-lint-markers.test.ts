// @vitest-environment jsdom
// The editor's lint waits for the editor: on a cold open its sources and its worker would otherwise
// compete with Monaco's own download and start. Once the editor has painted, the draft is linted
// and its findings become markers.
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LintFinding } from '../../domain/lint/types';
import type { DraftState } from './use-draft';

const calls = vi.hoisted(() => ({ sourcesReady: [] as boolean[], linted: 0, fail: false, hold: null as Promise<void> | null }));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { tenantId: 't1' } }) }));
vi.mock('../../session/lint-suppressions-store', () => ({ useLintSuppressions: () => [[]] }));
vi.mock('../../policy-ui/use-tenant-lint', () => ({
  useLintSources: ({ ready }: { ready: boolean }) => {
    calls.sourcesReady.push(ready);
    return { sources: ready ? {} : null, error: null, retry: () => {} };
  },
}));
vi.mock('../../policy-ui/lint-draft', () => ({
  draftLintInput: (_sources: unknown, policy: unknown) => ({ policies: [policy] }),
  lintDraft: async (): Promise<LintFinding[]> => {
    calls.linted++;
    if (calls.hold) await calls.hold;
    if (calls.fail) throw new Error('The lint worker stopped.');
    return [
      {
        ruleId: 'demo-rule',
        severity: 'warning',
        category: 'hygiene',
        policyId: 'p1',
        path: ['state'],
        message: 'Report-only since last year.',
        external: [],
      },
    ];
  },
}));

const { useLintMarkers } = await import('./use-lint-markers');

const text = '{\n  "id": "p1",\n  "state": "enabled"\n}';
const draft = { text, policy: { id: 'p1', state: 'enabled' }, findings: [] } as unknown as DraftState;

afterEach(() => {
  cleanup();
  calls.sourcesReady = [];
  calls.linted = 0;
  calls.fail = false;
  calls.hold = null;
});

describe('useLintMarkers', () => {
  it('reads no sources and starts no lint before the editor has painted', async () => {
    const { result } = renderHook(() => useLintMarkers(draft, false));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls.sourcesReady).not.toContain(true);
    expect(calls.linted).toBe(0);
    expect(result.current.markers).toEqual([]);
    // Not started is not an answer: nothing may be claimed of it yet.
    expect(result.current.progress).toBe('checking');
  });

  it('lints the draft once the editor has painted and marks what it found', async () => {
    const { result, rerender } = renderHook(({ shown }) => useLintMarkers(draft, shown), { initialProps: { shown: false } });
    rerender({ shown: true });
    await waitFor(() =>
      expect(result.current.markers.map((m) => m.message)).toEqual([expect.stringContaining('Report-only since last year.')]),
    );
    expect(result.current.progress).toBe('done');
    expect(calls.linted).toBe(1);
    expect(calls.sourcesReady).toContain(true);
  });

  it('says the newest run failed, without the marks of the earlier text, until a later run answers', async () => {
    const edited = (state: string) =>
      ({ text: `{\n  "id": "p1",\n  "state": "${state}"\n}`, policy: { id: 'p1', state }, findings: [] }) as unknown as DraftState;
    const { result, rerender } = renderHook(({ draft }) => useLintMarkers(draft, true), { initialProps: { draft } });
    await waitFor(() => expect(result.current.markers).toHaveLength(1));

    // Typed on; the lint's run over the new text fails.
    calls.fail = true;
    rerender({ draft: edited('disabled') });
    await waitFor(() => expect(result.current.progress).toBe('failed'));
    expect(result.current.markers).toEqual([]);
    expect(calls.linted).toBe(2);

    // Typed on again; this run answers.
    calls.fail = false;
    rerender({ draft: edited('enabledForReportingButNotEnforced') });
    await waitFor(() => expect(result.current.progress).toBe('done'));
    expect(result.current.markers.map((m) => m.message)).toEqual([expect.stringContaining('Report-only since last year.')]);
  });

  it('after a failed run, says the next one is checking while it runs, not that the lint could not run', async () => {
    const edited = (state: string) =>
      ({ text: `{\n  "id": "p1",\n  "state": "${state}"\n}`, policy: { id: 'p1', state }, findings: [] }) as unknown as DraftState;
    calls.fail = true;
    const { result, rerender } = renderHook(({ draft }) => useLintMarkers(draft, true), { initialProps: { draft } });
    await waitFor(() => expect(result.current.progress).toBe('failed'));

    // Typed on; this run takes its time, then answers.
    calls.fail = false;
    let release = () => {};
    calls.hold = new Promise((resolve) => (release = resolve));
    rerender({ draft: edited('disabled') });
    await waitFor(() => expect(calls.linted).toBe(2));
    await waitFor(() => expect(result.current.progress).toBe('checking'));
    release();
    await waitFor(() => expect(result.current.progress).toBe('done'));
  });
});
