// @vitest-environment jsdom
// A scenario typed and picked on the What if page is not lost when the admin switches account (the page is
// mounted afresh for the other account): coming back to the account brings it back, without the answers; the
// other tenant never gets it (the user and app picked are the first tenant's), nor another account of the same
// tenant signed in to this tab; New scenario forgets it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirementsOf } from '../../domain/evaluation/evaluate-policies';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfPage } from './what-if-page';

// `ada@tenant-contoso` is Ada's account in Contoso.
const signedIn = vi.hoisted(() => ({ account: 'ada@tenant-contoso' }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { tenantId: signedIn.account.split('@')[1], key: `key-${signedIn.account}` },
    scopeKey: [],
    client: {},
  }),
}));
// The pickers search the directory: a stand-in picks one entry of it.
vi.mock('../../session/directory-picker', () => ({
  DirectoryPicker: ({ label, onPick }: { label: string; onPick(entry: { id: string; displayName: string }): void }) => (
    <button
      onClick={() => onPick(label.startsWith('Application') ? { id: 'app-mail', displayName: 'Mail' } : { id: 'u1', displayName: 'Ada' })}
    >
      {label}
    </button>
  ),
}));
vi.mock('react-router', () => ({ useSearchParams: () => [new URLSearchParams()] }));
vi.mock('../../policy-ui/draft-store', () => ({ draftStore: { list: () => [] } }));
vi.mock('./scenario-store', () => ({ useScenarios: () => [[], () => true] }));
vi.mock('./scenario-suite-panel', () => ({ ScenarioSuitePanel: () => null }));
vi.mock('./engine-agreement', () => ({ EngineAgreement: () => null }));
// The directory's word on an agent user is what-if-page-saved-agent.test's.
vi.mock('./agent-user-mark', () => ({ useAgentUserMark: () => {} }));
vi.mock('./use-what-if', () => ({
  useWhatIf: (): WhatIfAnswers => ({
    graph: { data: [], error: null, isFetching: false } as unknown as WhatIfAnswers['graph'],
    graphUnavailable: null,
    saved: { results: [], enforced: requirementsOf([]), reportOnly: requirementsOf([]) },
    draft: null,
    preparing: false,
    engineError: null,
    askAgainWhatFailed: () => {},
  }),
}));

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

/** The page as the signed-in account shows it: a switch of account mounts it afresh for the other account. */
function whatIf(account: string) {
  signedIn.account = account;
  const view = render(<WhatIfPage key={account} />);
  return {
    switchTo(next: string) {
      signedIn.account = next;
      view.rerender(<WhatIfPage key={next} />);
    },
  };
}

const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const who = () => screen.getByRole('combobox', { name: 'Who signs in' }) as HTMLSelectElement;
const results = () => screen.queryByRole('table', { name: 'Each policy for this scenario' });

describe('the scenario being written, and a switch of account', () => {
  it('comes back with the tenant it was written in, without the answers; the other tenant does not get it', () => {
    const page = whatIf('ada@tenant-contoso');
    fireEvent.change(textbox('Scenario name'), { target: { value: 'Travel from NL' } });
    fireEvent.change(textbox('Country (two letters)'), { target: { value: 'nl' } });
    fireEvent.click(screen.getByRole('button', { name: 'User signing in: search users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Application: search applications' }));
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(results()).toBeTruthy();

    page.switchTo('ada@tenant-fabrikam');
    expect(textbox('Scenario name').value).toBe('New scenario');
    expect(textbox('Country (two letters)').value).toBe('');
    expect(screen.queryByRole('button', { name: 'Choose another user than Ada' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Choose another application than Mail' })).toBeNull();
    // Only a choice of who signs in, nobody picked yet: that is kept for this tenant too.
    fireEvent.change(who(), { target: { value: 'servicePrincipal' } });

    page.switchTo('ada@tenant-contoso');
    expect(textbox('Scenario name').value).toBe('Travel from NL');
    expect(textbox('Country (two letters)').value).toBe('NL');
    expect(screen.getByRole('button', { name: 'Choose another user than Ada' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose another application than Mail' })).toBeTruthy();
    expect(results()).toBeNull();

    page.switchTo('ada@tenant-fabrikam');
    expect(who().value).toBe('servicePrincipal');
    expect(screen.getByRole('button', { name: 'Workload identity signing in: search workload identities' })).toBeTruthy();
    // Three pages of Fluent fields drawn afresh: slow on a busy machine.
  }, 30_000);

  it('is not shown to another account of the same tenant signed in to this tab', () => {
    const page = whatIf('ada@tenant-litware');
    fireEvent.change(textbox('Scenario name'), { target: { value: 'Ada travels' } });
    fireEvent.click(screen.getByRole('button', { name: 'User signing in: search users' }));

    page.switchTo('bo@tenant-litware');
    expect(textbox('Scenario name').value).toBe('New scenario');
    expect(screen.queryByRole('button', { name: 'Choose another user than Ada' })).toBeNull();

    page.switchTo('ada@tenant-litware');
    expect(textbox('Scenario name').value).toBe('Ada travels');
  }, 30_000);

  it('is forgotten when the admin starts a new scenario', () => {
    // Tenants of their own: the page keeps a copy in memory too, which outlives the test above.
    const page = whatIf('ada@tenant-woodgrove');
    fireEvent.change(textbox('Scenario name'), { target: { value: 'Risky sign-in' } });
    fireEvent.change(who(), { target: { value: 'servicePrincipal' } });
    fireEvent.click(screen.getByRole('button', { name: 'New scenario' }));
    expect(textbox('Scenario name').value).toBe('New scenario');
    expect(who().value).toBe('user');

    page.switchTo('ada@tenant-northwind');
    page.switchTo('ada@tenant-woodgrove');
    expect(textbox('Scenario name').value).toBe('New scenario');
    expect(who().value).toBe('user');
    expect(sessionStorage.length).toBe(0);
  }, 30_000);
});
