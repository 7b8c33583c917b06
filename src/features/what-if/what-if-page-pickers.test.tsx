// @vitest-environment jsdom
// Who signs in, as the What if page's pickers ask it: an agent identity is offered apart from workload
// identities (their search leaves agents out) and is evaluated as the service principal it is; New scenario
// empties every search box, not only what was picked.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirementsOf } from '../../domain/evaluation/evaluate-policies';
import type { Scenario } from '../../domain/evaluation/scenario';
import type { DirectoryKind } from '../../graph/directory';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfPage } from './what-if-page';

// An account of its own per test: the page keeps the form in memory too, which outlives a test.
const signedIn = vi.hoisted(() => ({ key: '' }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { tenantId: 'tenant-1', key: signedIn.key }, scopeKey: [], client: {} }),
}));
// A search box that keeps what is typed in it, as the real one does; Enter picks the entry of its kind.
const ENTRIES: Partial<Record<DirectoryKind, { id: string; displayName: string; agent?: 'agentUser' }>> = {
  users: { id: 'u1', displayName: 'Ada' },
  workloadIdentities: { id: 'sp1', displayName: 'Payroll Sync' },
  agentIdentities: { id: 'agent-1', displayName: 'Contoso Helpdesk Agent' },
  servicePrincipals: { id: 'app-mail', displayName: 'Mail' },
};
vi.mock('../../session/directory-picker', () => ({
  DirectoryPicker: function Picker({ kind, label, onPick }: { kind: DirectoryKind; label: string; onPick(entry: object): void }) {
    const [text, setText] = useState('');
    return (
      <input
        aria-label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && ENTRIES[kind] && onPick(ENTRIES[kind])}
      />
    );
  },
}));
vi.mock('react-router', () => ({ useSearchParams: () => [new URLSearchParams()] }));
vi.mock('../../policy-ui/draft-store', () => ({ draftStore: { list: () => [] } }));
vi.mock('./scenario-store', () => ({ useScenarios: () => [[], () => true] }));
vi.mock('./scenario-suite-panel', () => ({ ScenarioSuitePanel: () => null }));
vi.mock('./engine-agreement', () => ({ EngineAgreement: () => null }));
const evaluated = vi.hoisted(() => ({ scenario: null as Scenario | null }));
// The directory's word on an agent user is what-if-page-saved-agent.test's.
vi.mock('./agent-user-mark', () => ({ useAgentUserMark: () => {} }));
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
});

const who = () => screen.getByRole('combobox', { name: 'Who signs in' }) as HTMLSelectElement;
const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const pick = (name: string) => fireEvent.keyDown(box(name), { key: 'Enter' });

describe('who signs in', () => {
  it('offers an agent identity, searched among agent identities, and evaluates it as a service principal', () => {
    signedIn.key = 'account-agent';
    render(<WhatIfPage />);
    fireEvent.change(who(), { target: { value: 'agentIdentity' } });
    pick('Agent identity signing in: search agent identities');
    pick('Application: search applications');
    expect(screen.getByRole('button', { name: 'Choose another agent identity than Contoso Helpdesk Agent' })).toBeTruthy();
    expect(who().value).toBe('agentIdentity');
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(evaluated.scenario?.identity).toEqual({
      kind: 'servicePrincipal',
      id: 'agent-1',
      name: 'Contoso Helpdesk Agent',
      agentIdentity: true,
    });
  }, 30_000);
});

describe('an agent user', () => {
  afterEach(() => {
    ENTRIES.users = { id: 'u1', displayName: 'Ada' };
  });

  it('is marked as one when the directory says so, and its agent risk is asked and evaluated', () => {
    signedIn.key = 'account-agent-user';
    ENTRIES.users = { id: 'au1', displayName: 'Helpdesk Agent', agent: 'agentUser' };
    render(<WhatIfPage />);
    pick('User signing in: search users');
    pick('Application: search applications');
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent risk' }), { target: { value: 'high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(evaluated.scenario?.identity).toEqual({ kind: 'user', id: 'au1', name: 'Helpdesk Agent', agentUser: true });
    expect(evaluated.scenario?.conditions.agentIdRiskLevel).toBe('high');
  }, 30_000);

  it('is not asked of a person', () => {
    signedIn.key = 'account-person';
    render(<WhatIfPage />);
    pick('User signing in: search users');
    expect(screen.queryByRole('combobox', { name: 'Agent risk' })).toBeNull();
  }, 30_000);
});

describe('New scenario', () => {
  it('empties every search box: what was typed for a workload identity is not left in the user search', () => {
    signedIn.key = 'account-new';
    render(<WhatIfPage />);
    fireEvent.change(box('User signing in: search users'), { target: { value: 'Ada' } });
    fireEvent.change(box('Application: search applications'), { target: { value: 'Mail' } });
    fireEvent.change(who(), { target: { value: 'servicePrincipal' } });
    fireEvent.change(box('Workload identity signing in: search workload identities'), { target: { value: 'Helpdesk' } });
    fireEvent.click(screen.getByRole('button', { name: 'New scenario' }));
    expect(box('User signing in: search users').value).toBe('');
    expect(box('Application: search applications').value).toBe('');
    fireEvent.change(who(), { target: { value: 'servicePrincipal' } });
    expect(box('Workload identity signing in: search workload identities').value).toBe('');
  }, 30_000);
});
