// `gatehouse plan` from policy files that are no backup, as the console's Import takes them: a real IntuneManagement
// export of ../shared/corpus is planned by the same planner, into the same plan file; a template folder's plan,
// approved by its hash, is applied as any plan, and the tenant then holds the policy.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT } from '../../domain/plan/plan-file-format';
import { corpusDir, corpusPresent } from '../corpus';
import { cliWorldForFile, deviceCodeBlock, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const planFile = (name: string) =>
  JSON.parse(readFileSync(join(world.dir, name), 'utf8')) as {
    format: string;
    source: { path: string; tenantId: string | null };
    plan: { rows: { kind: string; action: string; displayName: string }[] };
  };

describe('gatehouse plan from policy files that are no backup', () => {
  it.skipIf(!corpusPresent)(
    'plans an IntuneManagement export (../shared/corpus) as the console’s Import does',
    async () => {
      cpSync(join(corpusDir, 'j0eyv-baseline/Config'), join(world.dir, 'Config'), { recursive: true });
      const planned = await world.gatehouse(['plan', 'Config', '--out', 'intune.json', '--states', 'reportOnly'], secret);
      expect([0, 1], planned.stderr).toContain(planned.code);
      expect(planned.stderr).toContain(
        "Config is not a Gatehouse backup (it has no manifest): read as the console's Import reads policy files, 36 Conditional Access policies in it",
      );
      expect(planned.stdout).toContain(`Plan for ${world.tenantId} from the policy files in Config, written to intune.json`);
      const file = planFile('intune.json');
      expect(file.format).toBe(PLAN_FORMAT);
      expect(file.source.path).toBe('Config');
      expect(file.plan.rows.filter((r) => r.kind === 'policy')).toHaveLength(36);
      expect(readFileSync(join(world.dir, 'intune.sha256'), 'utf8')).toBe(`${hashOf(planned.stdout)}\n`);
    },
    180_000,
  );

  it('applies the plan of a template folder, approved by its hash, as any plan', async () => {
    mkdirSync(join(world.dir, 'templates'), { recursive: true });
    const template = deviceCodeBlock('Block device code flow (template)');
    writeFileSync(join(world.dir, 'templates', 'device-code.json'), JSON.stringify(template, null, 2));
    const planned = await world.gatehouse(['plan', 'templates', '--out', 'template.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(/^1 to create, 0 to update; 0 already as the policy files have them\.$/m);
    expect(planned.stdout).toContain("- create policy 'Block device code flow (template)'");
    expect(planFile('template.json').source.tenantId).toBeNull();

    await granted(world, async () => {
      const applied = await world.gatehouse(['apply', '--plan', 'template.json', '--sha256', hashOf(planned.stdout)], secret);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout.split('\n')[0]).toContain(`Plan applied to tenant ${world.tenantId}`);
    });
    const answer = await fetch(`${world.graphUrl}/beta/identity/conditionalAccess/policies`, {
      headers: { authorization: `Bearer ${await world.adminToken()}` },
    });
    const names = ((await answer.json()) as { value: { displayName: string }[] }).value.map((p) => p.displayName);
    expect(names).toContain('Block device code flow (template)');
  }, 180_000);
});
