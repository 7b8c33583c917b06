// @vitest-environment jsdom
// A saved What if scenario of an agent identity reopens as one: kept on the device (read back after a
// reload), opened from the suite, it says 'An agent identity' and is evaluated as the agent identity it is,
// not as 'A workload identity'.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirementsOf } from '../../domain/evaluation/evaluate-policies';
import type { Scenario } from '../../domain/evaluation/scenario';
import type { DirectoryKind } from '../../graph/directory';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfPage } from './what-if-page';

const signedIn = vi.hoisted(() => ({ tenantId: '' }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { tenantId: signedIn.tenantId, key: `key-${signedIn.tenantId}` }, scopeKey: [], client: {} }),
}));
const ENTRIES: Partial<Record<DirectoryKind, { id: string; displayName: string }>> = {
  agentIdentities: { id: 'agent-1', displayName: 'Contoso Helpdesk Agent' },
  servicePrincipals: { id: 'app-mail', displayName: 'Mail' },
};
vi.mock('../../session/directory-picker', () => ({
  DirectoryPicker: ({ kind, label, onPick }: { kind: DirectoryKind; label: string; onPick(entry: object): void }) => (
    <button onClick={() => ENTRIES[kind] && onPick(ENTRIES[kind])}>{label}</button>
  ),
}));
vi.mock('react-router', () => ({ useSearchParams: () => [new URLSearchParams()] }));
vi.mock('../../policy-ui/draft-store', () => ({ draftStore: { list: () => [] } }));
// The suite's own reads aside: a stand-in lists the saved scenarios, each with its Open button.
vi.mock('./scenario-suite-panel', () => ({
  ScenarioSuitePanel: ({ scenarios, onOpen }: { scenarios: Scenario[]; onOpen(scenario: Scenario): void }) => (
    <>
      {scenarios.map((s) => (
        <button key={s.id} onClick={() => onOpen(s)}>{`Open ${s.name}`}</button>
      ))}
    </>
  ),
}));
vi.mock('./engine-agreement', () => ({ EngineAgreement: () => null }));
const evaluated = vi.hoisted(() => ({ scenario: null as Scenario | null }));
vi.mock('./use-what-if', () => ({
  useWhatIf: (_tenant: unknown, scenario: Scenario | null): WhatIfAnswers => {
    evaluated.scenario = scenario;
    return {
      graph: { data: [], error: null, isFetching: false } as unknown as WhatIfAnswers['graph'],
      graphUnavailable: null,
      saved: { results: [], enforced: requirementsOf([]), reportOnly: requirementsOf([]) },
      draft: null,
      preparing: false,
      engineError: null,
      askAgainWhatFailed: () => {},
    };
  },
}));

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

const who = () => screen.getByRole('combobox', { name: 'Who signs in' }) as HTMLSelectElement;

describe('a saved scenario of an agent identity', () => {
  it('reopens after a reload as an agent identity, and is evaluated as one', () => {
    signedIn.tenantId = 'tenant-saved';
    const view = render(<WhatIfPage key="saved" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Scenario name' }), { target: { value: 'Helpdesk agent on Mail' } });
    fireEvent.change(who(), { target: { value: 'agentIdentity' } });
    fireEvent.click(screen.getByRole('button', { name: 'Agent identity signing in: search agent identities' }));
    fireEvent.click(screen.getByRole('button', { name: 'Application: search applications' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    fireEvent.click(screen.getByRole('button', { name: 'New scenario' }));
    expect(who().value).toBe('user');

    // A reload: what the device kept is read afresh (here as another tenant's, which nothing has read yet).
    localStorage.setItem('gatehouse.what-if.tenant-reloaded', localStorage.getItem('gatehouse.what-if.tenant-saved')!);
    signedIn.tenantId = 'tenant-reloaded';
    view.rerender(<WhatIfPage key="reloaded" />);
    fireEvent.click(screen.getByRole('button', { name: 'Open Helpdesk agent on Mail' }));
    expect(who().value).toBe('agentIdentity');
    expect(screen.getByRole('button', { name: 'Choose another agent identity than Contoso Helpdesk Agent' })).toBeTruthy();
    expect(evaluated.scenario?.identity).toEqual({
      kind: 'servicePrincipal',
      id: 'agent-1',
      name: 'Contoso Helpdesk Agent',
      agentIdentity: true,
    });
  }, 30_000);
});
