// The editor's agent identity picker over the emulator: Graph beta lists agent identities alone through
// GET /servicePrincipals/microsoft.graph.agentIdentity ($search with $count and ConsistencyLevel), so the
// demo's agent identity is found by a word of its name or its id, and no other service principal is.
import { describe, expect, it } from 'vitest';
import { graphOverEmulator } from '../graph-over-emulator';
import { searchDirectory } from '../../graph/directory';
import { contosoDirectory } from '../../emulator/seed/contoso';

const HELPDESK_AGENT = contosoDirectory.agentIdentity('Contoso Helpdesk Agent');

describe('searching agent identities', () => {
  it('finds the demo’s agent identity by a word of its name or its id pasted whole, answering its object id', async () => {
    const { client } = graphOverEmulator();
    const found = [{ id: HELPDESK_AGENT, displayName: 'Contoso Helpdesk Agent' }];
    expect(await searchDirectory(client, 'agentIdentities', 'helpdesk')).toEqual(found);
    expect(await searchDirectory(client, 'agentIdentities', ` ${HELPDESK_AGENT.toUpperCase()} `)).toEqual(found);
  });

  it('offers no other service principal, whatever the word', async () => {
    const { client } = graphOverEmulator();
    expect(await searchDirectory(client, 'agentIdentities', 'contoso')).toEqual([
      { id: HELPDESK_AGENT, displayName: 'Contoso Helpdesk Agent' },
    ]);
    expect(await searchDirectory(client, 'agentIdentities', 'payroll')).toEqual([]);
  });
});
