// readWorkload's agent identity flag comes from the answer's @odata.type alone: an answer without it
// says nothing, so a scenario's identity picked among agent identities stays one for the engine.
import { describe, expect, it } from 'vitest';
import { scenarioFacts, DEFAULT_CONDITIONS, type Scenario } from '../domain/evaluation/scenario';
import { clientWith, json } from './client-fake';
import { readWorkload } from './what-if';

const TENANT = '11111111-1111-1111-1111-111111111111';
const answering = (type: string | undefined) =>
  clientWith(() =>
    json(200, {
      ...(type !== undefined && { '@odata.type': type }),
      id: 'sp-1',
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: TENANT,
    }),
  ).client;

const marked: Scenario = {
  id: 's',
  name: 'Helpdesk agent',
  identity: { kind: 'servicePrincipal', id: 'sp-1', name: 'Helpdesk agent', agentIdentity: true },
  target: { kind: 'application', appId: 'app-1', name: 'App' },
  conditions: DEFAULT_CONDITIONS,
};

describe('readWorkload', () => {
  it('says agent identity or not only when Graph names the type', async () => {
    expect(await readWorkload(answering('#microsoft.graph.agentIdentity'), 'sp-1', TENANT)).toMatchObject({ agentIdentity: true });
    expect(await readWorkload(answering('#microsoft.graph.servicePrincipal'), 'sp-1', TENANT)).toMatchObject({ agentIdentity: false });
    const untyped = await readWorkload(answering(undefined), 'sp-1', TENANT);
    expect(untyped).toEqual({ servicePrincipalType: 'application', ownedByThisTenant: true });
  });

  it('leaves a scenario’s agent identity one when the answer has no @odata.type', async () => {
    const workload = await readWorkload(answering(undefined), 'sp-1', TENANT);
    expect(scenarioFacts(marked, { workload }).identity).toMatchObject({ kind: 'workloadIdentity', agentIdentity: true });
    // The directory, when it does say, is heard over the mark.
    const plain = await readWorkload(answering('#microsoft.graph.servicePrincipal'), 'sp-1', TENANT);
    expect(scenarioFacts(marked, { workload: plain }).identity).toMatchObject({ agentIdentity: false });
  });
});
