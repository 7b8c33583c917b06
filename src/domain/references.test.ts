// What the console looks up to name what policies refer to: agent identities and agent users
// (Graph beta) are named like workload identities and users, or the History tab, the save review
// and plans show their bare ids.
import { describe, expect, it } from 'vitest';
import { collectReferences } from './references';
import type { ConditionalAccessPolicy } from './types';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const TRIAGE_AGENT = '45454545-4545-4545-4545-454545454545';
const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';
const PILOT_AGENT_USER = '67676767-6767-6767-6767-676767676767';

// The generated types lag Graph beta: the agent places are not in them yet.
const policy = (conditions: object) => ({ id: 'p1', displayName: 'Agents', conditions }) as ConditionalAccessPolicy;

describe('collectReferences: agents', () => {
  it('looks up the agent identities a policy includes or excludes, as directory objects', () => {
    const refs = collectReferences([
      policy({
        clientApplications: { includeAgentIdServicePrincipals: [TRIAGE_AGENT], excludeAgentIdServicePrincipals: [HELPDESK_AGENT] },
      }),
    ]);
    expect([...refs.directoryObjects].sort()).toEqual([HELPDESK_AGENT, TRIAGE_AGENT]);
  });

  it('looks up the agent users a policy includes or excludes, as directory objects', () => {
    const refs = collectReferences([policy({ agents: { includeAgentUsers: [PILOT_AGENT_USER], excludeAgentUsers: [MAIL_AGENT_USER] } })]);
    expect([...refs.directoryObjects].sort()).toEqual([MAIL_AGENT_USER, PILOT_AGENT_USER]);
  });

  it('never looks up All or the other special values of these places', () => {
    const refs = collectReferences([
      policy({
        users: { includeUsers: ['AllAgentIdUsers'] },
        clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [] },
        agents: { includeAgentUsers: ['All'], excludeAgentUsers: null },
      }),
    ]);
    expect([...refs.directoryObjects]).toEqual([]);
  });
});
