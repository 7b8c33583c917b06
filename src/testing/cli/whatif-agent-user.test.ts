// `gatehouse whatif` for the demo's agent user ("Helpdesk Agent", a user of type agentUser): the user is read as
// an agent user, so a draft blocking all agent users blocks it, and a person stays out of that draft.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { GOOD_SECRET } from './cli-world';
import { cliWorldForFile } from './cli-world-for-file';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';

const world = cliWorldForFile();

const write = (name: string, value: unknown) => writeFileSync(join(world.dir, name), `${JSON.stringify(value, null, 2)}\n`);

const BLOCK_AGENT_USERS = {
  displayName: 'Block agent users',
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['AllAgentIdUsers'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
};

const onExchange = (id: string, name: string, expected: string) => ({
  id: `s-${id}`,
  name: `${name} reads mail`,
  identity: { kind: 'user', id, name },
  target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
  conditions: { devicePlatform: 'windows', clientAppType: 'browser', ipAddress: '198.51.100.7', country: 'NL' },
  expected,
});

describe('gatehouse whatif, an agent user', () => {
  it('blocks the agent user by a draft on all agent users, and not a person', async () => {
    const agent = d.users.find((u) => u['@odata.type'] === '#microsoft.graph.agentUser')!;
    write('agents.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [onExchange(agent.id, agent.displayName, 'block'), onExchange(d.user('Kofi Mensah'), 'Kofi Mensah', 'controls')],
    });
    write('block-agent-users.json', BLOCK_AGENT_USERS);

    const run = await world.gatehouse(['whatif', '--suite', 'agents.json', '--draft', 'block-agent-users.json'], {
      AZURE_CLIENT_SECRET: GOOD_SECRET,
    });

    expect(run.stdout).toMatch(/^ok {3}Helpdesk Agent reads mail: .*Newly blocked \(Block agent users\)\. Expected blocked: met\.$/m);
    expect(run.stdout).toMatch(/^ok {3}Kofi Mensah reads mail: /m);
    expect(run.stdout).not.toMatch(/Kofi Mensah reads mail: .*Block agent users/);
  }, 120_000);
});
