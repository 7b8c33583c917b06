// `gatehouse diff <desired> --baseline` as a pipeline runs it: the tenant held to a template with a
// placeholder for the emergency group. Without a mapping the comparison is incomplete (exit 2, the
// placeholder named); with the console's mapping file nothing differs (exit 0); a policy the
// tenant lacks, or the placeholder mapped to another group, is drift (exit 1) in words.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingKey } from '../../domain/plan/mapping';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

type Policy = { id: string; displayName: string; conditions: { users: { excludeGroups: string[] } } } & Record<string, unknown>;

function mapping(groupId: string, groupName: string) {
  return {
    format: 'gatehouse.mapping',
    version: 1,
    savedAt: '2026-12-01T00:00:00Z',
    source: { tenantId: null, tenantName: null },
    target: { tenantId: world.tenantId, tenantName: 'Contoso' },
    domains: [],
    choices: [
      {
        key: mappingKey('group', '{{BreakGlassGroup}}'),
        sourceName: 'BreakGlassGroup',
        choice: { action: 'use', targetId: groupId, targetName: groupName },
      },
    ],
  };
}

describe('gatehouse diff --baseline', () => {
  it('holds the tenant to a template with a placeholder, through a mapping', async () => {
    const headers = { authorization: `Bearer ${await world.adminToken()}` };
    const answer = await fetch(`${world.graphUrl}/beta/identity/conditionalAccess/policies`, { headers });
    const policies = ((await answer.json()) as { value: Policy[] }).value;
    const ca001 = policies.find((p) => p.displayName.startsWith('CA001'))!;
    const emergencyGroup = ca001.conditions.users.excludeGroups[0]!;
    const { id: _id, createdDateTime: _c, modifiedDateTime: _m, templateId: _t, ...body } = ca001;
    const template = {
      ...body,
      conditions: { ...ca001.conditions, users: { ...ca001.conditions.users, excludeGroups: ['{{BreakGlassGroup}}'] } },
    };
    const desired = join(world.dir, 'desired');
    mkdirSync(desired, { recursive: true });
    writeFileSync(join(desired, 'ca001.json'), JSON.stringify(template, null, 2));

    const unmapped = await world.gatehouse(['diff', 'desired', '--baseline'], secret);
    expect(unmapped.code, unmapped.stderr).toBe(2);
    expect(unmapped.stdout).toContain('Not compared: 1 reference(s) could not be placed in the tenant');
    expect(unmapped.stdout).toContain('placeholder BreakGlassGroup (in CA001: Require MFA for all users)');

    writeFileSync(join(world.dir, 'mapping.json'), JSON.stringify(mapping(emergencyGroup, 'CA - Emergency access accounts')));
    const same = await world.gatehouse(['diff', 'desired', '--baseline', '--mapping', 'mapping.json'], secret);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toContain('Nothing differs from the baseline in desired.');

    // A policy of the baseline the tenant does not have.
    writeFileSync(
      join(desired, 'device-code.json'),
      JSON.stringify({
        displayName: 'Block device code flow',
        state: 'enabled',
        conditions: {
          users: { includeUsers: ['All'], excludeGroups: ['{{BreakGlassGroup}}'] },
          applications: { includeApplications: ['All'] },
          clientAppTypes: ['all'],
          authenticationFlows: { transferMethods: 'deviceCodeFlow' },
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    );
    const missing = await world.gatehouse(['diff', 'desired', '--baseline', '--mapping', 'mapping.json'], secret);
    expect(missing.code, missing.stdout + missing.stderr).toBe(1);
    expect(missing.stdout).toContain("Policy 'Block device code flow' is missing from the tenant");
    expect(missing.stdout).not.toContain('CA001');

    // The placeholder stands for another group: CA001 differs, said in words.
    const finance = policies.flatMap((p) => p.conditions.users.excludeGroups).find((g) => g !== emergencyGroup);
    expect(finance).toBeDefined();
    writeFileSync(join(world.dir, 'other.json'), JSON.stringify(mapping(finance!, 'Another group')));
    const differs = await world.gatehouse(['diff', 'desired', '--baseline', '--mapping', 'other.json', '--format', 'markdown'], secret);
    expect(differs.code, differs.stdout + differs.stderr).toBe(1);
    expect(differs.stdout).toContain("Policy 'CA001: Require MFA for all users' differs");
    expect(differs.stdout).toMatch(/Excluded group '[^']+' added; 'CA - Emergency access accounts' removed/);
  }, 180_000);
});
