// readUserDirectory: each user's groups and roles from transitiveMemberOf, and whether an agent user from
// the user's own @odata.type, in one $batch; a user whose own read fails is not known to be either.
import { describe, expect, it } from 'vitest';
import { clientWith, json } from './client-fake';
import { readUserDirectory } from './sign-in-directory';

interface Item {
  id: string;
  url: string;
}

const PERSON = 'aaaaaaaa-0000-0000-0000-000000000001';
const AGENT_USER = 'aaaaaaaa-0000-0000-0000-000000000002';
const UNREAD = 'aaaaaaaa-0000-0000-0000-000000000003';

function graph(asked: string[] = []) {
  return clientWith(async (_url, init) => {
    const { requests } = JSON.parse(String(init.body)) as { requests: Item[] };
    asked.push(...requests.map((r) => r.url));
    const responses = requests.map((r) => {
      if (r.url.includes('/transitiveMemberOf'))
        return {
          id: r.id,
          status: 200,
          body: { value: [{ '@odata.type': '#microsoft.graph.group', id: 'g-1' }] },
        };
      if (r.url.includes(UNREAD)) return { id: r.id, status: 403, body: { error: { code: 'Authorization_RequestDenied' } } };
      // A person's answer names no derived type; an agent user's does.
      return {
        id: r.id,
        status: 200,
        body: r.url.includes(AGENT_USER) ? { '@odata.type': '#microsoft.graph.agentUser', id: AGENT_USER } : { id: PERSON },
      };
    });
    return json(200, { responses });
  });
}

describe('readUserDirectory', () => {
  it('says whether each user is an agent user, from the user’s @odata.type', async () => {
    const { client, calls } = graph();
    const directory = await readUserDirectory(client, [PERSON, AGENT_USER, UNREAD, ''], { agentUsers: true });
    expect(directory[PERSON]).toEqual({ agentUser: false, groupIds: ['g-1'], roleTemplateIds: [] });
    expect(directory[AGENT_USER]).toEqual({ agentUser: true, groupIds: ['g-1'], roleTemplateIds: [] });
    // Its groups were read; whether an agent user was not.
    expect(directory[UNREAD]).toEqual({ groupIds: ['g-1'], roleTemplateIds: [] });
    expect(calls).toHaveLength(1);
  });

  it('reads users themselves only when asked (a policy names AllAgentIdUsers): otherwise not known, and no extra requests', async () => {
    const asked: string[] = [];
    const { client } = graph(asked);
    const directory = await readUserDirectory(client, [PERSON, AGENT_USER]);
    expect(asked).toHaveLength(2);
    expect(asked.every((url) => url.includes('/transitiveMemberOf'))).toBe(true);
    expect(directory[PERSON]).toEqual({ groupIds: ['g-1'], roleTemplateIds: [] });
    expect(directory[AGENT_USER]).toEqual({ groupIds: ['g-1'], roleTemplateIds: [] });
  });

  it('does not read the type of users whose sign-ins say it: the log’s word is their answer, for all their sign-ins', async () => {
    const asked: string[] = [];
    const { client } = graph(asked);
    const directory = await readUserDirectory(client, [PERSON, AGENT_USER], { agentUsers: true, typeLogged: { [AGENT_USER]: true } });
    expect(asked.filter((url) => !url.includes('/transitiveMemberOf'))).toEqual([`/users/${PERSON}?$select=id`]);
    expect(directory[PERSON]).toEqual({ agentUser: false, groupIds: ['g-1'], roleTemplateIds: [] });
    expect(directory[AGENT_USER]).toEqual({ agentUser: true, groupIds: ['g-1'], roleTemplateIds: [] });
    // Not asked (no policy names agent users): neither read nor said.
    expect((await readUserDirectory(client, [AGENT_USER], { typeLogged: { [AGENT_USER]: true } }))[AGENT_USER]).not.toHaveProperty(
      'agentUser',
    );
  });
});
