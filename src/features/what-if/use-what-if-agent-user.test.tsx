// @vitest-environment jsdom
// A scenario of an agent user saved before agent users were marked is evaluated as the agent user the directory
// says it is: Graph is asked once, on beta with the agent's risk, after the directory answered (not first on v1.0
// without it), and the engine is given that risk too.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONDITIONS, type Scenario } from '../../domain/evaluation/scenario';
import type { JsonObject } from '../../domain/json';
import type { TenantSession } from '../../session/tenant-session';
import { useWhatIf, type WhatIfAnswers } from './use-what-if';

const reads = vi.hoisted(() => ({
  subject: null as null | ((facts: unknown) => void),
  asked: [] as { body: JsonObject; version: string }[],
}));
vi.mock('../../graph/what-if', () => ({
  readWorkload: async () => ({}),
  readSignInSubject: () => new Promise((resolve) => (reads.subject = resolve)),
  readApplicationOwner: async () => null,
  evaluateWhatIf: async (_client: unknown, body: JsonObject, version: string) => {
    reads.asked.push({ body, version });
    return [];
  },
}));
// CA023's kind: every agent user blocked, at high agent risk.
const AGENT_RISK_BLOCK = {
  id: 'ca-agents',
  displayName: 'Block risky agent users',
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['AllAgentIdUsers'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    agentIdRiskLevels: ['high'],
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
};
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: async () => [AGENT_RISK_BLOCK] }),
  namedLocationsQuery: () => ({ queryKey: ['locations'], queryFn: async () => [] }),
  useNames: () => ({ data: undefined }),
}));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));

const tenant = { account: { tenantId: 'tenant-1' }, scopeKey: ['tenant', 'test'], client: {} } as unknown as TenantSession;

// As Save wrote it before the mark: the agent user with no agentUser, its agent risk set.
const older: Scenario = {
  id: 's1',
  name: 'Helpdesk Agent on Mail',
  identity: { kind: 'user', id: 'agent-user-1', name: 'Helpdesk Agent' },
  target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  conditions: { ...DEFAULT_CONDITIONS, agentIdRiskLevel: 'high' },
};

const seen: { latest: WhatIfAnswers | null } = { latest: null };
function Answers() {
  const answers = useWhatIf(tenant, older, null);
  useEffect(() => {
    seen.latest = answers;
  });
  return null;
}

afterEach(() => {
  cleanup();
  reads.asked = [];
  seen.latest = null;
});

describe('What if for an agent user saved unmarked', () => {
  it('asks Graph once, on beta with the agent’s risk, once the directory says it is an agent user', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Answers />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(reads.subject).not.toBeNull());
    await new Promise((settle) => setTimeout(settle, 50));
    // Not asked on v1.0 first, while what the user is was not known.
    expect(reads.asked).toEqual([]);

    reads.subject!({ groupIds: [], roleTemplateIds: [], guest: null, agentUser: true });
    await waitFor(() => expect(reads.asked).toHaveLength(1));
    expect(reads.asked[0]!.version).toBe('beta');
    expect(reads.asked[0]!.body.signInConditions).toMatchObject({ agentIdRiskLevel: 'high' });
    // The engine is given the risk: the block of risky agent users applies.
    await waitFor(() => expect(seen.latest?.saved?.results[0]).toMatchObject({ result: 'applies' }));
    await new Promise((settle) => setTimeout(settle, 50));
    expect(reads.asked).toHaveLength(1);
  });
});
