// Agent identities and agent users (Graph beta) in a plan into another tenant: their ids are the
// source tenant's, so the plan maps them as it maps workload identities and users, or says it
// cannot, rather than writing the source's ids silently.
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { mappingKey } from './mapping';
import { importOf, mfaPolicyFor, targetTenant } from './test-fixtures';
import { defaultChoices, type PlanTarget } from './types';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';
const TARGET_HELPDESK_AGENT = '77777777-7777-7777-7777-777777777777';
const CRM = 'dddddddd-0000-0000-0000-000000000001';

const agentsPolicy = mfaPolicyFor('cccccccc-0000-0000-0000-000000000001', 'CA200 Agents', CRM, {
  users: { includeUsers: ['AllAgentIdUsers'] },
  clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [HELPDESK_AGENT] },
  agents: { includeAgentUsers: ['All'], excludeAgentUsers: [MAIL_AGENT_USER] },
});
const source = importOf([agentsPolicy]);
const target = (found: PlanTarget['directory'] = new Map()): PlanTarget =>
  targetTenant({ directory: new Map([[HELPDESK_AGENT, []], [MAIL_AGENT_USER, []], [CRM, []], ...found]) });

describe('a plan of a policy naming agents', () => {
  it('writes the agent identity the tenant has for the source one', () => {
    const plan = buildPlan(
      source,
      target(
        new Map([
          [HELPDESK_AGENT, [{ id: TARGET_HELPDESK_AGENT, kind: 'servicePrincipal', displayName: 'Helpdesk agent', by: 'displayName' }]],
        ]),
      ),
      defaultChoices(),
    );
    const row = plan.mapping.find((r) => r.sourceValue === HELPDESK_AGENT)!;
    expect(row.uses.map((u) => u.place)).toEqual(['excluded agent identities']);
    expect(row.choice).toMatchObject({ action: 'use', targetId: TARGET_HELPDESK_AGENT, targetName: 'Helpdesk agent' });
    const policyRow = plan.rows.find((r) => r.displayName === 'CA200 Agents')!;
    expect(JSON.stringify(policyRow.body)).toContain(TARGET_HELPDESK_AGENT);
    expect(JSON.stringify(policyRow.body)).not.toContain(HELPDESK_AGENT);
  });

  it('blocks until the admin says what an agent identity or agent user the tenant lacks becomes', () => {
    const plan = buildPlan(source, target(), defaultChoices());
    const blockers = plan.blockers.map((p) => p.text);
    // Named as what they are: "the workload identity" or "the user" sent the admin looking in the wrong list.
    expect(blockers).toContain(`Choose what the agent identity ${HELPDESK_AGENT} becomes in this tenant.`);
    expect(blockers).toContain(`Choose what the agent user ${MAIL_AGENT_USER} becomes in this tenant.`);
    expect(plan.mapping.find((r) => r.sourceValue === MAIL_AGENT_USER)!.uses.map((u) => u.place)).toEqual(['excluded agent users']);
  });

  it('never maps All or the other special values of these places', () => {
    const plan = buildPlan(source, target(), defaultChoices());
    expect(plan.mapping.map((r) => r.sourceValue).sort()).toEqual([HELPDESK_AGENT, MAIL_AGENT_USER, CRM].sort());
  });

  it('says that leaving out an included agent identity no longer covers that agent identity', () => {
    const including = mfaPolicyFor('cccccccc-0000-0000-0000-000000000002', 'CA201 Helpdesk agent', CRM, {
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: [HELPDESK_AGENT] },
    });
    const choices = { ...defaultChoices(), mapping: { [mappingKey('servicePrincipal', HELPDESK_AGENT)]: { action: 'drop' as const } } };
    const plan = buildPlan(importOf([including]), target(), choices);
    const row = plan.mapping.find((r) => r.sourceValue === HELPDESK_AGENT)!;
    expect(row.agent).toBe('agentIdentity');
    expect(row.problems.map((p) => p.text)).toContain(
      `Leaving out the agent identity ${HELPDESK_AGENT} narrows 'CA201 Helpdesk agent': it is in the included agent identities, so the policy no longer applies to this agent identity.`,
    );
  });
});
