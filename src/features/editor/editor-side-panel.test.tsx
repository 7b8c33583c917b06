// @vitest-environment jsdom
// The Checks beside the JSON name who the change could lock out, in the review's words, instead of
// "No problems found."; broken JSON says why the state switch and the lists are not there to use.
// While no emergency-access accounts are named, they say the guard checked only the admin, and warn
// when the draft stops excluding what most policies for all users exclude; a draft Off or report-only
// gets a quiet note, and is warned of as it would be once turned on (the switch can turn it on unchecked).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Lockout from '../../domain/lockout';
import { assessLockoutChange } from '../../domain/lockout';
import { nameKey } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { EditorSidePanel } from './editor-side-panel';

const world = vi.hoisted(() => ({
  policies: [] as unknown[],
  tenantId: 't1',
  // The tenant's list arrives when this settles; the names are read once namesPending is false.
  listed: Promise.resolve(),
  namesPending: false,
  names: new Map<string, string>(),
}));
const GROUP = '0e5d1a9c-0000-4000-8000-00000000e5a0';
const OTHER = '0e5d1a9c-0000-4000-8000-00000000e5a1';
// Counted, to see that a render with the same draft does not judge it again against the candidates.
vi.mock('../../domain/lockout', async (original) => {
  const actual = await original<typeof Lockout>();
  return { ...actual, assessLockoutChange: vi.fn(actual.assessLockoutChange) };
});
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acc', tenantId: world.tenantId } }) }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: () => world.listed.then(() => world.policies) }),
  useNames: (_tenant: unknown, policies: unknown) =>
    policies && !world.namesPending
      ? {
          isPending: false,
          data: { names: new Map([...world.names].map(([id, displayName]) => [nameKey('group', id), { displayName }])), failures: [] },
        }
      : { isPending: true, data: undefined },
}));

beforeEach(() => {
  world.tenantId = 't1';
  world.listed = Promise.resolve();
  world.namesPending = false;
  world.names = new Map([[GROUP, 'CA - Emergency access accounts']]);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const blocksEveryone = {
  displayName: 'Block everyone',
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
} as ConditionalAccessPolicy;

/** The panel; `again` renders it once more with other props, in the same page (and query client). */
const panel = (props: Partial<Parameters<typeof EditorSidePanel>[0]>) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = (more: Partial<Parameters<typeof EditorSidePanel>[0]>) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <EditorSidePanel
          policy={blocksEveryone}
          parseError={null}
          findings={[]}
          names={undefined}
          onStateChange={() => {}}
          pickers={<p>the pickers</p>}
          {...more}
        />
      </MemoryRouter>
    </QueryClientProvider>
  );
  const view = render(ui(props));
  return { again: (more: Partial<Parameters<typeof EditorSidePanel>[0]>) => view.rerender(ui({ ...props, ...more })) };
};

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
    let release = () => {};
    world.listed = new Promise<void>((resolve) => (release = resolve));
    panel({ policy: ca006 as ConditionalAccessPolicy });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('No emergency-access accounts are named for this tenant: the lock-out guard checked only you.');
    expect(screen.getByRole('link', { name: 'Name them in Settings' }).getAttribute('href')).toBe('/settings');
    // Until the tenant's policies are read, nothing is claimed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks.textContent).toContain("Checking what most of this tenant's policies for all users exclude…");
    expect(checks.textContent).not.toContain('No problems found.');
    release();
    // Nothing is left out: the draft keeps the exclusion.
    await waitFor(() => expect(checks.textContent).toContain('No problems found.'));
    expect(checks.textContent).not.toContain('Checking what most');
  });

  it('waits for the name of what the draft leaves out rather than say its id', async () => {
    world.policies = tenantPolicies;
    world.namesPending = true;
    const dropped = { ...ca006, conditions: { ...ca006.conditions, users: { includeUsers: ['All'] } } } as ConditionalAccessPolicy;
    panel({ policy: dropped });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await waitFor(() => expect(checks.textContent).toContain("Checking what most of this tenant's policies for all users exclude…"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks.textContent).not.toContain(GROUP);
    expect(checks.textContent).not.toContain('No problems found.');
  });

  it('tells apart two groups of one name that the draft stops excluding', async () => {
    world.names = new Map([
      [GROUP, 'Break glass'],
      [OTHER, 'Break glass'],
    ]);
    const both = { ...ca006, conditions: { ...ca006.conditions, users: { includeUsers: ['All'], excludeGroups: [GROUP, OTHER] } } };
    world.policies = [both, { ...both, id: 'ca001' }, { ...blocksEveryone, id: 'ca002' }];
    const duplicateKeys = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dropped = { ...ca006, conditions: { ...ca006.conditions, users: { includeUsers: ['All'] } } } as ConditionalAccessPolicy;
    panel({ policy: dropped });
    const problems = await screen.findByRole('list', { name: 'Problems found' });
    const lines = [...problems.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual([
      `This change stops excluding the group 'Break glass' (${GROUP}), which 2 of 3 policies for all users exclude: if it holds your emergency-access accounts, keep it excluded.`,
      `This change stops excluding the group 'Break glass' (${OTHER}), which 2 of 3 policies for all users exclude: if it holds your emergency-access accounts, keep it excluded.`,
    ]);
    expect(duplicateKeys.mock.calls.flat().join(' ')).not.toContain('same key');
    duplicateKeys.mockRestore();
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

  it('judges the draft against the candidates again only when the draft changes', async () => {
    world.policies = tenantPolicies;
    const view = panel({ policy: ca006 as ConditionalAccessPolicy });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await waitFor(() => expect(checks.textContent).toContain('No problems found.'));
    const judged = vi.mocked(assessLockoutChange).mock.calls.length;
    expect(judged).toBeGreaterThan(0);
    // The page renders the panel again as the lint answers, with the same draft.
    view.again({ lintNote: 'The lint marks 1 more line.' });
    expect(checks.textContent).toContain('The lint marks 1 more line.');
    expect(checks.textContent).toContain('The checks found no problems.');
    expect(vi.mocked(assessLockoutChange).mock.calls.length).toBe(judged);
    // A changed draft is judged again.
    view.again({ policy: { ...ca006, displayName: 'CA006 renamed' } as ConditionalAccessPolicy });
    expect(vi.mocked(assessLockoutChange).mock.calls.length).toBeGreaterThan(judged);
  });

  it('warns of a policy deployed report-only from a template as it would be once turned on, and again when it is turned On', async () => {
    // As a template is deployed: report-only, for all users, excluding only the admin who deployed it.
    const deployed = {
      ...blocksEveryone,
      id: 'ca100',
      state: 'enabledForReportingButNotEnforced',
      conditions: { ...blocksEveryone.conditions, users: { includeUsers: ['All'], excludeUsers: ['admin-id'] } },
    } as ConditionalAccessPolicy;
    // The tenant holds it as deployed: turning it On is judged against that.
    world.policies = [...tenantPolicies, deployed];
    function Editing() {
      const [policy, setPolicy] = useState(deployed);
      return (
        <EditorSidePanel
          policy={policy}
          parseError={null}
          findings={[]}
          names={undefined}
          onStateChange={(state) => setPolicy({ ...policy, state: state as ConditionalAccessPolicy['state'] })}
          pickers={null}
        />
      );
    }
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <Editing />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const checks = screen.getByRole('region', { name: /^Checks/ });
    const quiet =
      'While this policy is Off or report-only it cannot lock anyone out: the lock-out guard checks it when it is turned On here.';
    const onceOn =
      "When this policy is turned on, it would not exclude the group 'CA - Emergency access accounts', which 2 of 4 policies for all users exclude: if it holds your emergency-access accounts, exclude it.";
    await waitFor(() => expect(checks.textContent).toContain(onceOn));
    expect(checks.textContent).not.toContain('No problems found.');
    expect(checks.textContent).toContain(quiet);
    expect(checks.textContent).not.toContain('the lock-out guard checked only you.');
    expect(screen.getByRole('link', { name: 'Name them in Settings' }).getAttribute('href')).toBe('/settings');
    fireEvent.click(screen.getByRole('radio', { name: 'On' }));
    await waitFor(() =>
      expect(checks.textContent).toContain(
        "This policy does not exclude the group 'CA - Emergency access accounts', which 2 of 4 policies for all users exclude: if it holds your emergency-access accounts, exclude it.",
      ),
    );
    expect(checks.textContent).toContain('No emergency-access accounts are named for this tenant: the lock-out guard checked only you.');
    expect(checks.textContent).not.toContain(quiet);
    expect(checks.textContent).not.toContain(onceOn);
    // Off again: the quiet note, still warned of for when it is turned on.
    fireEvent.click(screen.getByRole('radio', { name: 'Off' }));
    await waitFor(() => expect(checks.textContent).toContain(onceOn));
    expect(checks.textContent).toContain(quiet);
  });

  it('claims no "No problems found." while the lint marks something in the JSON', async () => {
    world.tenantId = 't2';
    localStorage.setItem('gatehouse.emergency-access.t2', JSON.stringify({ users: [{ id: 'bg1', name: 'Break Glass' }], groups: [] }));
    world.policies = tenantPolicies;
    const lintNote = 'The lint also marks 1 warning in the JSON (hover the underlined text); the Lint page lists the whole tenant’s.';
    const { again } = panel({ policy: ca006, lintNote });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    await waitFor(() => expect(checks.textContent).toContain('The checks found no problems.'));
    expect(checks.textContent).not.toContain('No problems found.');
    expect(checks.textContent).toContain('The lint also marks 1 warning');
    again({ lintNote: null });
    expect(checks.textContent).toContain('No problems found.');
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
