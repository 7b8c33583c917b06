// A directory holding one agent identity and one agent user, as getByIds answers them (each with its own
// @odata.type), and a Graph whose $batch answers getByIds from it and every other list empty: what the
// agent tests of names and backups stand on.
import type { BatchRequest, BatchResponse, GraphClient } from './client';

export const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
export const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';

const DIRECTORY = [
  { '@odata.type': '#microsoft.graph.agentIdentity', id: HELPDESK_AGENT, displayName: 'Helpdesk agent', appId: 'a1' },
  { '@odata.type': '#microsoft.graph.agentUser', id: MAIL_AGENT_USER, displayName: 'Mail agent user', userPrincipalName: 'mail@x' },
];

const fake: Pick<GraphClient, 'batch'> = {
  async batch(_version: string, requests: readonly BatchRequest[]) {
    const answers = new Map<string, BatchResponse>();
    for (const request of requests) {
      const ids = (request.body as { ids?: string[] } | undefined)?.ids;
      const value = ids ? DIRECTORY.filter((o) => ids.includes(o.id)) : [];
      answers.set(request.id, { id: request.id, status: 200, headers: {}, body: { value } });
    }
    return answers;
  },
};
export const agentsGraph = fake as GraphClient;
