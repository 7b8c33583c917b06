// Agents' sign-ins in the log, read as the console reads them (beta auditLogs/signIns with report-only
// results named) and replayed through the engine against the emulator's own decisions: who is an agent
// comes from the log's `agent`, not from a lookup of each user's type. CA023 blocks agent users and
// every agent identity but the approved Helpdesk Agent.
import { describe, expect, it } from 'vitest';
import { readMembership } from '../../graph/directory';
import { readSignIns } from '../../graph/sign-ins';
import { measureAgreement } from '../../domain/evaluation/bulk/agreement';
import type { DirectoryUser } from '../../domain/evaluation/bulk/from-sign-in-log';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { microsoftApps } from '../../emulator/seed/apps';
import { graphOverEmulator } from '../graph-over-emulator';

describe('the engine against the emulator’s decisions for agents’ sign-ins', () => {
  it('decides CA023 for an agent user, an agent identity and a person from the log alone, as the service did', async () => {
    const { client, emulator, clock } = graphOverEmulator();
    const since = clock.now;
    const made = emulator.recordSignIns(CONTOSO_TENANT_ID, [
      { userId: d.user('Helpdesk Agent'), appId: microsoftApps.exchangeOnline.appId, ipAddress: '20.40.1.2', country: 'NL' },
      {
        servicePrincipalId: d.agentIdentity('Contoso Helpdesk Agent'),
        appId: microsoftApps.microsoftGraph.appId,
        ipAddress: '20.40.1.1',
        country: 'NL',
      },
      { userId: d.user('Ada Lindqvist'), appId: microsoftApps.exchangeOnline.appId, ipAddress: '20.40.1.3', country: 'NL' },
    ]);
    const ids = new Set(made.map((signIn) => signIn.id));
    const read = await readSignIns(client, {
      since: new Date(since.getTime() - 60_000),
      cap: 1000,
      eventTypes: ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal'],
    });
    const signIns = read.signIns.filter((signIn) => ids.has(signIn.id as string));
    expect(signIns).toHaveLength(3);
    // The users' groups and roles, as the console reads them; not their type (agent user or person).
    const users = new Map<string, DirectoryUser>();
    for (const id of [d.user('Helpdesk Agent'), d.user('Ada Lindqvist')]) {
      const membership = await readMembership(client, 'users', id);
      users.set(id, { groupIds: membership.groups.map((g) => g.id), roleTemplateIds: membership.roles.map((r) => r.id) });
    }
    const policies = (await client.get<{ value: { displayName: string }[] }>('/beta/identity/conditionalAccess/policies')).value;
    const ca023 = policies.filter((p) => p.displayName.startsWith('CA023'));
    const report = measureAgreement(signIns, ca023, {
      directory: { user: (id) => users.get(id), servicePrincipal: () => ({ ownedByThisTenant: false }) },
      tenantId: CONTOSO_TENANT_ID,
    });
    const [policy] = report.policies;
    expect(policy).toMatchObject({ undecided: 0, compared: 3, agreed: 3 });
  });
});
