// @vitest-environment jsdom
// The suite needs the saved policies and the named locations: when one cannot be read, the section says
// which and offers Try again, instead of "Evaluating the scenarios…" for ever.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONDITIONS, type Scenario } from '../../domain/evaluation/scenario';
import type * as GraphWhatIf from '../../graph/what-if';
import type { TenantSession } from '../../session/tenant-session';
import { ScenarioSuitePanel } from './scenario-suite-panel';
import type { DraftChoice } from './use-what-if';

const reads = vi.hoisted(() => ({
  policies: vi.fn<() => Promise<unknown[]>>(),
  workload: vi.fn<() => Promise<{ servicePrincipalType?: 'application'; ownedByThisTenant?: boolean }>>(),
}));

vi.mock('../../graph/what-if', async (importOriginal) => ({
  ...(await importOriginal<typeof GraphWhatIf>()),
  readWorkload: reads.workload,
}));

vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: reads.policies }),
  namedLocationsQuery: () => ({ queryKey: ['locations'], queryFn: async () => [] }),
}));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));

const tenant = { account: { tenantId: 'tenant-1' }, scopeKey: ['tenant', 'test'], client: {} } as unknown as TenantSession;

const scenario: Scenario = {
  id: 's1',
  name: 'Robot reads mail',
  identity: { kind: 'servicePrincipal', id: 'sp1', name: 'Robot' },
  target: { kind: 'userAction', action: 'urn:user:registersecurityinfo' },
  conditions: DEFAULT_CONDITIONS,
};

afterEach(cleanup);

function renderPanel(scenarios: Scenario[] = [scenario], draft: DraftChoice | null = null) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ScenarioSuitePanel tenant={tenant} scenarios={scenarios} onChange={() => true} onOpen={() => {}} draft={draft} />
    </QueryClientProvider>,
  );
}

/**
 * The scenario expecting "Allowed" against a block on this tenant's service principals, run once the
 * policies are read: its expectation's cell.
 */
async function expectationCell() {
  reads.policies.mockResolvedValue([
    {
      id: 'ca1',
      displayName: 'CA001',
      state: 'enabled',
      conditions: {
        applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
        clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] },
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
  ]);
  renderPanel([{ ...scenario, expected: 'allow' }]);
  await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^With the saved policies: /));
  return within(screen.getByRole('row', { name: 'Robot reads mail' })).getAllByRole('cell')[3]!;
}

describe('the saved scenarios, when the policies cannot be read', () => {
  it('says what could not be read and offers Try again, which reads them again and runs the suite', async () => {
    reads.policies.mockReset();
    reads.policies.mockRejectedValueOnce(new Error('The network connection was lost.')).mockResolvedValue([]);
    renderPanel();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the policies could not be read');
    expect(alert.textContent).toContain('The network connection was lost.');
    expect(screen.queryByText('Evaluating the scenarios…')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^With the saved policies: /));
    expect(reads.policies).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the saved scenarios, when an outcome is not certain', () => {
  it('says its expectation cannot be told, not that it is met', async () => {
    // Whether the workload identity is this tenant's could not be read: a block on this tenant's service
    // principals may apply, so "Allowed" is expected but not certain.
    reads.workload.mockReset();
    reads.workload.mockRejectedValue(new Error('The network connection was lost.'));
    reads.policies.mockReset();
    const expected = await expectationCell();
    expect(expected.textContent).toBe('Allowed Cannot tell');
    expect(expected.textContent).not.toContain('Met');
  });
});

describe('the saved scenarios, a workload identity', () => {
  it('is told as the What if page tells it: its details read, another tenant’s app is not blocked by a block on this tenant’s', async () => {
    reads.workload.mockReset();
    reads.workload.mockResolvedValue({ servicePrincipalType: 'application', ownedByThisTenant: false });
    reads.policies.mockReset();
    const expected = await expectationCell();
    expect(expected.textContent).toBe('Allowed Met');
    expect(reads.workload).toHaveBeenCalled();
  });
});

describe('the saved scenarios, names', () => {
  it('isolates the scenario’s name and the names of the policies that newly block it, so U+202E cannot turn the words around', async () => {
    reads.policies.mockReset();
    reads.policies.mockResolvedValue([]);
    const policy = 'Block \u202Erobots';
    const draft = {
      policyId: null,
      label: 'the draft of “Block robots”',
      policy: {
        displayName: policy,
        state: 'enabled',
        conditions: {
          applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
          clientApplications: { includeServicePrincipals: ['sp1'] },
          clientAppTypes: ['all'],
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      },
    };
    const name = 'Robot \u202Ereads mail';
    // As shown: the override as an escape, in the order stored.
    const shown = 'Robot \\u202Ereads mail';
    renderPanel([{ ...scenario, name }], draft);
    const row = await screen.findByRole('row', { name: shown });
    expect(within(row).getByRole('button', { name: `Open ${shown}` })).toBeTruthy();
    const [scenarioCell, , changeCell] = within(row).getAllByRole('cell');
    expect(scenarioCell!.querySelector('bdi')?.textContent).toBe(shown);
    await vi.waitFor(() => expect(changeCell!.textContent).toBe('Newly blocked (Block \\u202Erobots)'));
    expect(changeCell!.querySelector('bdi')?.textContent).toBe('Block \\u202Erobots');
  });
});
