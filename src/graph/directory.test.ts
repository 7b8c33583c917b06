// The application pickers' search with a Graph answering an agent identity among the service principals,
// as the emulator and Graph's beta do: its own @odata.type, no appId of its own.
import { describe, expect, it } from 'vitest';
import type { GraphClient } from './client';
import { searchDirectory } from './directory';

const PAYROLL = {
  '@odata.type': '#microsoft.graph.servicePrincipal',
  id: 'sp-payroll',
  appId: 'app-payroll',
  displayName: 'Contoso Payroll Sync',
};
const AGENT = { '@odata.type': '#microsoft.graph.agentIdentity', id: 'sp-agent', displayName: 'Contoso Helpdesk Agent' };
// An older service principal without an appId in the answer (and without a type: Graph names only derived types).
const NO_APP_ID = { id: 'sp-bare', displayName: 'Contoso Bare' };

const client = { get: async () => ({ value: [PAYROLL, AGENT, NO_APP_ID] }) } as unknown as GraphClient;

describe('searching applications and workload identities', () => {
  it('offers for applications only what has an appId, never an agent identity’s object id', async () => {
    expect(await searchDirectory(client, 'servicePrincipals', 'contoso')).toEqual([
      { id: 'app-payroll', displayName: 'Contoso Payroll Sync', detail: 'app-payroll' },
    ]);
  });

  it('offers no agent identity as a workload identity: policies name those in their own lists', async () => {
    expect((await searchDirectory(client, 'workloadIdentities', 'contoso')).map((e) => e.id)).toEqual(['sp-payroll', 'sp-bare']);
  });
});
