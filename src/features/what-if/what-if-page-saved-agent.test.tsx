// @vitest-environment jsdom
// A saved What if scenario of an agent identity reopens as one: kept on the device (read back after a
// reload), opened from the suite, it says 'An agent identity' and is evaluated as the agent identity it is,
// not as 'A workload identity'. One of an agent user saved before Gatehouse marked agent users is marked
// once the directory says what the user is.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirementsOf } from '../../domain/evaluation/evaluate-policies';
import { DEFAULT_CONDITIONS, evaluateVersion, SCENARIO_FILE_FORMAT, type Scenario } from '../../domain/evaluation/scenario';
import type { DirectoryKind } from '../../graph/directory';
import type * as WhatIfModule from './use-what-if';
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
// What the directory says of a user (Evaluate's read of groups, roles and type).
const directory = vi.hoisted(() => ({ agentUsers: new Set<string>() }));
vi.mock('../../graph/what-if', async (actual) => ({
  ...(await actual<object>()),
  readSignInSubject: (_client: unknown, userId: string) =>
    Promise.resolve({ groupIds: [], roleTemplateIds: [], guest: null, agentUser: directory.agentUsers.has(userId) }),
}));
vi.mock('./use-what-if', async (actual) => ({
  ...(await actual<typeof WhatIfModule>()),
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
  directory.agentUsers.clear();
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
const page = (key: string): ReactNode => (
  <QueryClientProvider client={queries}>
    <WhatIfPage key={key} />
  </QueryClientProvider>
);
const who = () => screen.getByRole('combobox', { name: 'Who signs in' }) as HTMLSelectElement;

describe('a saved scenario of an agent identity', () => {
  it('reopens after a reload as an agent identity, and is evaluated as one', () => {
    signedIn.tenantId = 'tenant-saved';
    const view = render(page('saved'));
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
    view.rerender(page('reloaded'));
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

  it('of an agent user saved before agent users were marked: is marked when opened, asked its agent risk and evaluated as one', async () => {
    signedIn.tenantId = 'tenant-older';
    directory.agentUsers.add('agent-user-1');
    // As Save wrote it before the mark: the user with no agentUser, the conditions with an agent risk asked of no one.
    const older = {
      id: 'older-1',
      name: 'Helpdesk Agent on Mail',
      identity: { kind: 'user', id: 'agent-user-1', name: 'Helpdesk Agent' },
      target: { kind: 'application', appId: 'app-mail', name: 'Mail' },
      conditions: { ...DEFAULT_CONDITIONS, agentIdRiskLevel: 'high' },
    };
    localStorage.setItem(
      'gatehouse.what-if.tenant-older',
      JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1, scenarios: [older] }),
    );
    render(page('older'));
    fireEvent.click(screen.getByRole('button', { name: 'Open Helpdesk Agent on Mail' }));

    const agentRisk = await screen.findByRole('combobox', { name: 'Agent risk' });
    expect((agentRisk as HTMLSelectElement).value).toBe('high');
    // The run is of the scenario as saved (its evaluation reads the directory for itself: use-what-if-agent-user.test),
    // and nothing the admin changed: its answers are not said to be for another sign-in.
    expect(evaluated.scenario?.identity).toEqual({ kind: 'user', id: 'agent-user-1', name: 'Helpdesk Agent' });
    expect(screen.queryByText(/^These answers are for the sign-in as it was/)).toBeNull();
    // Saved again, it keeps the mark.
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    const kept = JSON.parse(localStorage.getItem('gatehouse.what-if.tenant-older')!) as { scenarios: Scenario[] };
    expect(kept.scenarios[0]!.identity).toEqual({ kind: 'user', id: 'agent-user-1', name: 'Helpdesk Agent', agentUser: true });
  }, 30_000);

  it('of a person: stays unmarked, with no agent risk asked', async () => {
    signedIn.tenantId = 'tenant-person';
    const person = {
      id: 'person-1',
      name: 'Ada on Mail',
      identity: { kind: 'user', id: 'ada', name: 'Ada' },
      target: { kind: 'application', appId: 'app-mail', name: 'Mail' },
      conditions: DEFAULT_CONDITIONS,
    };
    localStorage.setItem(
      'gatehouse.what-if.tenant-person',
      JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1, scenarios: [person] }),
    );
    render(page('person'));
    fireEvent.click(screen.getByRole('button', { name: 'Open Ada on Mail' }));
    await screen.findByRole('button', { name: 'Choose another user than Ada' });
    await new Promise((settle) => setTimeout(settle, 50));
    expect(screen.queryByRole('combobox', { name: 'Agent risk' })).toBeNull();
    expect(evaluated.scenario?.identity).toEqual({ kind: 'user', id: 'ada', name: 'Ada' });
    expect(evaluateVersion(evaluated.scenario!)).toBe('v1.0');
  }, 30_000);
});
