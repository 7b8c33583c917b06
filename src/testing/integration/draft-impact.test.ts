// A draft's impact as the save review computes it, over the emulator: the week's sign-ins read
// through Graph, the users' groups and roles through $batch, then the saved policy against the draft.
import { describe, expect, it } from 'vitest';
import { impactOfDraft } from '../../domain/evaluation/impact-of-draft';
import { policyJson } from '../../domain/json';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { listPolicies } from '../../graph/policies';
import { readUserDirectory } from '../../graph/sign-in-directory';
import { readSignIns, readSignInPages } from '../../graph/sign-ins';
import { postImpactJob, requestOfJob, type PostedJob } from '../../features/editor/impact-job';
import { receiveWithPages } from '../../shared/worker-pages';
import { listNamedLocations } from '../../graph/what-if';
import { graphOverEmulator } from '../graph-over-emulator';

async function setup(
  before: (emulator: ReturnType<typeof graphOverEmulator>['emulator'], user: (name: string) => string) => void = () => {},
  { agentUsers = false } = {},
) {
  const { client, emulator } = graphOverEmulator();
  const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  before(emulator, (name) => tenant.users.find((u) => u.displayName === name)!.id);
  const { signIns, capped } = await readSignIns(client, { since: new Date(0), cap: 100_000 });
  const userIds = signIns.flatMap((s) => (typeof s.userId === 'string' ? [s.userId] : []));
  const users = await readUserDirectory(client, userIds, { agentUsers });
  const policies = (await listPolicies(client)).map(policyJson);
  const namedLocations = await listNamedLocations(client);
  const ca001 = policies.find((p) => String(p.displayName).startsWith('CA001'))!;
  const user = (name: string) => tenant.users.find((u) => u.displayName === name)!.id;
  return { signIns, capped, users, policies, namedLocations, ca001, user };
}

// A week of the tenant's sign-ins is generated and paged: seconds when the machine is busy, past the default 5 s.
describe('the impact of a draft over the tenant’s sign-ins', { timeout: 30_000 }, () => {
  it('finds the people a block would newly stop, and nothing for an unchanged draft', async () => {
    const { signIns, capped, users, policies, namedLocations, ca001, user } = await setup();
    expect(capped).toBe(false);
    expect(Object.values(users).every((u) => u !== null)).toBe(true);
    const base = {
      tenantId: CONTOSO_TENANT_ID,
      signIns,
      users,
      policies,
      policyId: String(ca001.id),
      namedLocations,
      emergencyAccountIds: [],
    };

    const same = impactOfDraft({ ...base, draft: ca001 });
    expect(same.impact.classes.newlyBlocked.signIns).toBe(0);
    expect(same.impact.classes.unchanged.signIns).toBeGreaterThan(0);
    expect(same.agreement.trusted).toBe(true);
    // The counts the review says in its own words are those of the engine's sentence.
    const m = same.agreement.measured!;
    expect(same.agreement.sentence).toContain(`Over ${m.signIns.toLocaleString('en-US')} sign-ins and ${m.policies} policies`);
    expect(same.agreement.sentence).toContain(`of ${m.compared.toLocaleString('en-US')} decisions`);
    expect(m.agreed / m.compared).toBe(same.agreement.percent);
    if (m.undecided > 0)
      expect(same.agreement.sentence).toContain(`${m.undecided.toLocaleString('en-US')} more the engine could not decide`);
    for (const where of m.differIn) expect(same.agreement.sentence).toContain(where);

    const block = { ...ca001, grantControls: { operator: 'OR', builtInControls: ['block'] } };
    const blocked = impactOfDraft({ ...base, draft: block, signedInUserId: user('Ada Lindqvist') });
    expect(blocked.impact.classes.newlyBlocked.identityIds).toContain(user('Grace Kim'));
    expect(blocked.names[user('Grace Kim')]).toBe('Grace Kim');
    // CA001 leaves out the emergency group: its accounts are never among the newly blocked.
    expect(blocked.impact.classes.newlyBlocked.identityIds).not.toContain(user('Break Glass 01'));
    expect(blocked.impact.alerts.some((a) => a.who === 'signedInAdmin' && a.class === 'newlyBlocked')).toBe(
      blocked.impact.classes.newlyBlocked.identityIds.includes(user('Ada Lindqvist')),
    );
  });

  it('reads who is an agent user, so "all users but agent users" is decided for a person', async () => {
    // The demo's agent user signed in this week too.
    // As the callers ask it: the draft names AllAgentIdUsers (namesAgentUsers).
    const { signIns, users, policies, namedLocations, ca001, user } = await setup(
      (emulator, user) =>
        emulator.recordSignIns(CONTOSO_TENANT_ID, [
          { userId: user('Helpdesk Agent'), appId: '00000003-0000-0000-c000-000000000000', ipAddress: '203.0.113.9' },
        ]),
      { agentUsers: true },
    );
    expect(users[user('Grace Kim')]).toMatchObject({ agentUser: false });
    expect(users[user('Helpdesk Agent')]).toMatchObject({ agentUser: true });
    const peopleOnly = {
      ...ca001,
      conditions: { ...(ca001.conditions as object), users: { includeUsers: ['All'], excludeUsers: ['AllAgentIdUsers'] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const answer = impactOfDraft({
      tenantId: CONTOSO_TENANT_ID,
      signIns,
      users,
      policies,
      policyId: String(ca001.id),
      draft: peopleOnly,
      namedLocations,
      emergencyAccountIds: [],
    });
    expect(answer.impact.classes.newlyBlocked.identityIds).toContain(user('Grace Kim'));
    expect(answer.impact.classes.indeterminate.identityIds).not.toContain(user('Grace Kim'));
    expect(answer.impact.classes.newlyBlocked.identityIds).not.toContain(user('Helpdesk Agent'));
  });

  it('puts an emergency account first when the draft would block it', async () => {
    // A break-glass account signed in this week (its monthly check).
    const { signIns, users, policies, namedLocations, ca001, user } = await setup((emulator, user) =>
      emulator.recordSignIns(CONTOSO_TENANT_ID, [
        { userId: user('Break Glass 01'), appId: '00000003-0000-0000-c000-000000000000', ipAddress: '203.0.113.9' },
      ]),
    );
    const everyone = {
      ...ca001,
      conditions: { ...(ca001.conditions as object), users: { includeUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const answer = impactOfDraft({
      tenantId: CONTOSO_TENANT_ID,
      signIns,
      users,
      policies,
      policyId: String(ca001.id),
      draft: everyone,
      namedLocations,
      emergencyAccountIds: [user('Break Glass 01'), user('Break Glass 02')],
    });
    expect(answer.impact.alerts[0]).toMatchObject({ who: 'emergencyAccount', identityId: user('Break Glass 01'), class: 'newlyBlocked' });
  });

  it('answers the same from the log read as pages and handed over as the review hands its worker', async () => {
    const { signIns, users, policies, namedLocations, ca001, user } = await setup();
    const { client } = graphOverEmulator();
    const log = await readSignInPages(client, { since: new Date(0), cap: 100_000 });
    expect(log.count).toBe(signIns.length);
    expect(log.pages.length).toBeGreaterThan(1);
    const base = { tenantId: CONTOSO_TENANT_ID, users, policies, policyId: String(ca001.id), namedLocations, emergencyAccountIds: [] };
    const block = { ...ca001, grantControls: { operator: 'OR', builtInControls: ['block'] } };
    // The worker's side as impact.worker.ts has it, each message cloned with its transfer list as postMessage does.
    const answers: unknown[] = [];
    const receive = receiveWithPages<PostedJob>((job, pages) => answers.push(impactOfDraft(requestOfJob(job, pages))));
    const worker = {
      postMessage: (message: unknown, transfer: Transferable[]) =>
        receive({ data: structuredClone(message, { transfer }) } as MessageEvent),
    };
    const job = { ...base, draft: block, signedInUserId: user('Ada Lindqvist'), signInLog: { pages: log.pages, count: log.count } };
    await postImpactJob(worker, job, () => false);
    expect(answers).toEqual([impactOfDraft({ ...base, draft: block, signedInUserId: user('Ada Lindqvist'), signIns })]);
    // The log read is whole after it was handed over: a second evaluation gets every sign-in again.
    await postImpactJob(worker, job, () => false);
    expect(answers[1]).toEqual(answers[0]);
  });
});
