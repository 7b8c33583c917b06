// @vitest-environment jsdom
// A workload identity's scenario needs what the directory says of it (managed identity or not, owned by
// this tenant or not): no answer is shown before it arrives (it would say it cannot tell what is only not
// read yet), and a failed read is said, with Try again, instead of leaving that first answer in place.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONDITIONS, type Scenario } from '../../domain/evaluation/scenario';
import { nameKey } from '../../domain/references';
import type { TenantSession } from '../../session/tenant-session';
import { useWhatIf } from './use-what-if';
import { WhatIfResults } from './what-if-results';

const reads = vi.hoisted(() => ({
  workload: vi.fn<() => Promise<unknown>>(),
  policies: [] as unknown[],
  names: undefined as { names: Map<string, { displayName: string }> } | undefined,
}));

vi.mock('../../graph/what-if', () => ({
  readWorkload: reads.workload,
  readSignInSubject: async () => ({}),
  readApplicationOwner: async () => null,
  evaluateWhatIf: async () => [],
}));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: async () => reads.policies }),
  namedLocationsQuery: () => ({ queryKey: ['locations'], queryFn: async () => [] }),
  useNames: () => ({ data: reads.names }),
}));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));

const tenant = { account: { tenantId: 'tenant-1' }, scopeKey: ['tenant', 'test'], client: {} } as unknown as TenantSession;

const scenario: Scenario = {
  id: 's1',
  name: 'Robot registers',
  identity: { kind: 'servicePrincipal', id: 'sp1', name: 'Robot' },
  target: { kind: 'userAction', action: 'urn:user:registersecurityinfo' },
  conditions: DEFAULT_CONDITIONS,
};

function Answers() {
  const answers = useWhatIf(tenant, scenario, null);
  return <WhatIfResults answers={answers} draftLabel={null} run={1} onAskAgain={answers.askAgainWhatFailed} />;
}

function renderAnswers() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Answers />
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('What if for a workload identity', () => {
  it('shows no answer until the workload identity’s details are read', async () => {
    reads.workload.mockReset();
    let arrive: (facts: unknown) => void = () => {};
    reads.workload.mockReturnValue(new Promise((resolve) => (arrive = resolve)));
    renderAnswers();
    // The policies and locations are read (immediately here): the answers still wait for the workload.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Reading what Gatehouse needs to evaluate the sign-in…')).toBeTruthy();

    arrive({ servicePrincipalType: 'application', ownedByThisTenant: true });
    expect(await screen.findByRole('table', { name: 'Each policy for this scenario' })).toBeTruthy();
  });

  it('says when they could not be read, and Try again reads them again', async () => {
    reads.workload.mockReset();
    reads.workload.mockRejectedValueOnce(new Error('The service is unavailable.')).mockResolvedValue({ ownedByThisTenant: true });
    renderAnswers();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The workload identity’s details could not be read: The service is unavailable.');
    expect(screen.queryByRole('table')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Each policy for this scenario' })).toBeTruthy();
    expect(reads.workload).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('What if, a name in a policy’s reason', () => {
  it('is isolated, so U+202E in it cannot turn the reason’s words around', async () => {
    const name = 'Robot \u202Eevil';
    reads.workload.mockReset();
    reads.workload.mockResolvedValue({ servicePrincipalType: 'application', ownedByThisTenant: true });
    reads.policies = [
      {
        id: 'ca1',
        displayName: 'CA001',
        state: 'enabled',
        conditions: {
          applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
          clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: ['sp1'] },
          clientAppTypes: ['all'],
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      },
    ];
    reads.names = { names: new Map([[nameKey('servicePrincipal', 'sp1'), { displayName: name }]]) };
    renderAnswers();
    const row = await screen.findByRole('row', { name: 'CA001' });
    expect(row.textContent).toContain('Robot \\u202Eevil is excluded by name.');
    reads.policies = [];
    reads.names = undefined;
  });
});
