// @vitest-environment jsdom
// The Checks beside the JSON name who the change could lock out, in the review's words, instead of
// "No problems found."; broken JSON says why the state switch and the lists are not there to use.
// While no emergency-access accounts are named, they say the guard checked only the admin, and warn
// when the draft stops excluding what most policies for all users exclude.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameKey } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { EditorSidePanel } from './editor-side-panel';

const world = vi.hoisted(() => ({ policies: [] as unknown[], tenantId: 't1' }));
const GROUP = '0e5d1a9c-0000-4000-8000-00000000e5a0';
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acc', tenantId: world.tenantId } }) }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: async () => world.policies }),
  useNames: (_tenant: unknown, policies: unknown) => ({
    data: policies
      ? { names: new Map([[nameKey('group', GROUP), { displayName: 'CA - Emergency access accounts' }]]), failures: [] }
      : undefined,
  }),
}));

afterEach(() => {
  cleanup();
  localStorage.clear();
  world.tenantId = 't1';
});

const blocksEveryone = {
  displayName: 'Block everyone',
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
} as ConditionalAccessPolicy;

const panel = (props: Partial<Parameters<typeof EditorSidePanel>[0]>) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <EditorSidePanel
          policy={blocksEveryone}
          parseError={null}
          findings={[]}
          names={undefined}
          onStateChange={() => {}}
          pickers={<p>the pickers</p>}
          {...props}
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );

// CA006 as the tenant holds it, excluding the group most of its policies for all users exclude.
const ca006 = {
  ...blocksEveryone,
  id: 'ca006',
  conditions: { ...blocksEveryone.conditions, users: { includeUsers: ['All'], excludeGroups: [GROUP] } },
};
const tenantPolicies = [ca006, { ...ca006, id: 'ca001' }, { ...blocksEveryone, id: 'ca002' }];

describe('EditorSidePanel', () => {
  it('lists the lock-out risks among the checks', () => {
    panel({ risks: [{ who: 'Ada Lindqvist (you)', why: 'It applies to all users and blocks access.' }] });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('This could lock people out — Ada Lindqvist (you): It applies to all users and blocks access.');
    expect(checks.textContent).not.toContain('No problems found.');
  });

  it('says what Graph refuses in words first, its error number after them', () => {
    panel({ findings: [{ path: ['state'], severity: 'error', code: '1007', message: 'State must be one of On, Off, Report-only.' }] });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('State must be one of On, Off, Report-only. (Graph error 1007)');
    expect(checks.textContent).not.toContain('1007:');
  });

  it('says the JSON must be fixed before the state and the lists can be used', () => {
    panel({ policy: null, parseError: 'The text is not valid JSON: an unexpected character at line 1, column 1.' });
    expect(screen.getByRole('radiogroup').getAttribute('aria-describedby')).toBe('state-unavailable');
    expect(document.getElementById('state-unavailable')?.textContent).toBe('Fix the JSON to use these.');
    expect(screen.getByText('Fix the JSON to use the include and exclude lists.')).toBeTruthy();
    expect(screen.queryByText('the pickers')).toBeNull();
  });

  it('says no emergency-access accounts are named, with the way to Settings, and that the guard checked only the admin', async () => {
    world.policies = tenantPolicies;
    panel({ policy: ca006 as ConditionalAccessPolicy });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('No emergency-access accounts are named for this tenant: the lock-out guard checked only you.');
    expect(screen.getByRole('link', { name: 'Name them in Settings' }).getAttribute('href')).toBe('/settings');
    // Nothing is left out: the draft keeps the exclusion.
    await waitFor(() => expect(checks.textContent).toContain('No problems found.'));
  });

  it('warns when the draft stops excluding the group most policies for all users exclude, by its name', async () => {
    world.policies = tenantPolicies;
    const dropped = { ...ca006, conditions: { ...ca006.conditions, users: { includeUsers: ['All'] } } } as ConditionalAccessPolicy;
    panel({ policy: dropped });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await waitFor(() =>
      expect(checks.textContent).toContain(
        "This change stops excluding the group 'CA - Emergency access accounts', which 2 of 3 policies for all users exclude: if it holds your emergency-access accounts, keep it excluded.",
      ),
    );
    expect(checks.textContent).not.toContain('No problems found.');
  });

  it('says neither once emergency-access accounts are named (the guard then checks them)', async () => {
    // Another tenant: the setting read for t1 is kept in memory.
    world.tenantId = 't2';
    localStorage.setItem('gatehouse.emergency-access.t2', JSON.stringify({ users: [{ id: 'bg1', name: 'Break Glass' }], groups: [] }));
    world.policies = tenantPolicies;
    const dropped = { ...ca006, conditions: { ...ca006.conditions, users: { includeUsers: ['All'] } } } as ConditionalAccessPolicy;
    panel({ policy: dropped });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks.textContent).toContain('No problems found.');
    expect(checks.textContent).not.toContain('No emergency-access accounts are named');
  });
});
