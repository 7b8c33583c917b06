// @vitest-environment jsdom
// The review of a new policy for all users, while no emergency-access accounts are named: it says the
// guard checked only the admin, and warns that the policy does not exclude the group most policies for
// all users exclude (a template's policy excludes only the admin who creates it). A policy saved Off or
// report-only is warned of as it would be once turned on, when the save changes what it excludes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameKey } from '../../domain/references';
import { UnnamedEmergencyNotice } from './unnamed-emergency';

const world = vi.hoisted(() => ({ policies: [] as unknown[], tenantId: 't1', listed: Promise.resolve() }));
const GROUP = '0e5d1a9c-0000-4000-8000-00000000e5a0';
const ADMIN = '0e5d1a9c-0000-4000-8000-0000000000ad';
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acc', tenantId: world.tenantId } }) }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: () => world.listed.then(() => world.policies) }),
  useNames: (_tenant: unknown, policies: unknown) =>
    policies
      ? {
          isPending: false,
          data: { names: new Map([[nameKey('group', GROUP), { displayName: 'CA - Emergency access accounts' }]]), failures: [] },
        }
      : { isPending: true, data: undefined },
}));

afterEach(() => {
  cleanup();
  localStorage.clear();
  world.tenantId = 't1';
  world.listed = Promise.resolve();
});

const blocks = (id: string, users: object, state = 'enabled') => ({
  id,
  state,
  conditions: { users, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
const tenantPolicies = [
  blocks('ca001', { includeUsers: ['All'], excludeGroups: [GROUP] }),
  blocks('ca006', { includeUsers: ['All'], excludeGroups: [GROUP] }),
  blocks('ca007', { includeUsers: ['All'] }),
];
const fromTemplate = (state: string) => JSON.stringify(blocks('', { includeUsers: ['All'], excludeUsers: [ADMIN] }, state));

const notice = (modified: string, original = '') =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <UnnamedEmergencyNotice original={original} modified={modified} />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('UnnamedEmergencyNotice', () => {
  it('warns that a new policy for all users, on, does not exclude the group most of them exclude, and says who was checked', async () => {
    world.policies = tenantPolicies;
    notice(fromTemplate('enabled'));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Not excluded' }).textContent).toBe(
        "This policy does not exclude the group 'CA - Emergency access accounts', which 2 of 3 policies for all users exclude: if it holds your emergency-access accounts, exclude it.",
      ),
    );
    expect(document.body.textContent).toContain(
      'No emergency-access accounts are named for this tenant: the lock-out guard checked only you.',
    );
    expect(screen.getByRole('link', { name: 'Name them in Settings' }).getAttribute('href')).toBe('/settings');
  });

  it("says it is still checking until the tenant's policies are read, then warns", async () => {
    world.policies = tenantPolicies;
    let release = () => {};
    world.listed = new Promise<void>((resolve) => (release = resolve));
    notice(fromTemplate('enabled'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.body.textContent).toContain("Checking what most of this tenant's policies for all users exclude…");
    release();
    await screen.findByRole('list', { name: 'Not excluded' });
    expect(document.body.textContent).not.toContain('Checking what most');
  });

  it("says the tenant's policies could not be read rather than stay checking", async () => {
    world.policies = tenantPolicies;
    world.listed = Promise.reject(new Error('403'));
    world.listed.catch(() => {});
    notice(fromTemplate('enabled'));
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        "The tenant's policies could not be read: what most of its policies for all users exclude was not checked.",
      ),
    );
    expect(document.body.textContent).not.toContain('Checking what most');
  });

  it('warns when a policy deployed report-only from a template is turned On', async () => {
    world.policies = tenantPolicies;
    const deployed = JSON.stringify(blocks('ca100', { includeUsers: ['All'], excludeUsers: [ADMIN] }, 'enabledForReportingButNotEnforced'));
    notice(JSON.stringify({ ...JSON.parse(deployed), state: 'enabled' }), deployed);
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Not excluded' }).textContent).toContain(
        "This policy does not exclude the group 'CA - Emergency access accounts'",
      ),
    );
  });

  it('says the change stops excluding it when the policy as the tenant holds it excluded it', async () => {
    world.policies = tenantPolicies;
    notice(JSON.stringify(blocks('ca006', { includeUsers: ['All'] })), JSON.stringify(tenantPolicies[1]));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Not excluded' }).textContent).toContain('This change stops excluding the group'),
    );
  });

  it('warns of a new policy saved Off or report-only as it would be once turned on, with the quiet note', async () => {
    world.policies = tenantPolicies;
    for (const state of ['enabledForReportingButNotEnforced', 'disabled']) {
      notice(fromTemplate(state));
      await waitFor(() =>
        expect(screen.getByRole('list', { name: 'Not excluded' }).textContent).toBe(
          "When this policy is turned on, it would not exclude the group 'CA - Emergency access accounts', which 2 of 3 policies for all users exclude: if it holds your emergency-access accounts, exclude it.",
        ),
      );
      expect(document.body.textContent).toContain('While this policy is Off or report-only it cannot lock anyone out');
      expect(document.body.textContent).not.toContain('the lock-out guard checked only you.');
      cleanup();
    }
  });

  it('warns when a report-only policy stops excluding the group (the contingency switch turns it on unchecked)', async () => {
    const emergencyBlock = blocks('ca200', { includeUsers: ['All'], excludeGroups: [GROUP] }, 'enabledForReportingButNotEnforced');
    world.policies = [...tenantPolicies, emergencyBlock];
    notice(
      JSON.stringify({ ...emergencyBlock, conditions: { ...emergencyBlock.conditions, users: { includeUsers: ['All'] } } }),
      JSON.stringify(emergencyBlock),
    );
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Not excluded' }).textContent).toBe(
        "When this policy is turned on, it would stop excluding the group 'CA - Emergency access accounts', which 3 of 4 policies for all users exclude: if it holds your emergency-access accounts, keep it excluded.",
      ),
    );
  });

  it('says nothing when a save leaves what a report-only or Off policy excludes as it was, nor once accounts are named', async () => {
    world.policies = tenantPolicies;
    const lacking = blocks('ca300', { includeUsers: ['All'] }, 'enabledForReportingButNotEnforced');
    for (const state of ['enabledForReportingButNotEnforced', 'disabled']) {
      notice(JSON.stringify({ ...lacking, state, displayName: 'renamed' }), JSON.stringify(lacking));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(document.body.textContent).toBe('');
      cleanup();
    }
    world.tenantId = 't2';
    localStorage.setItem(
      'gatehouse.emergency-access.t2',
      JSON.stringify({ users: [], groups: [{ id: GROUP, name: 'CA - Emergency access accounts' }] }),
    );
    notice(fromTemplate('enabled'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.body.textContent).toBe('');
  });
});
