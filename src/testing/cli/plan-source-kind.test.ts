// What apply calls the source of the plan it applies: a plan made from policy files (a template folder) records
// that kind, and apply's advice on content Graph refuses says to correct the policy files, not a backup there is
// none of; a plan file written before the kind was recorded still applies, its source named neutrally.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import { sha256OfText } from '../../cli/commands/plan-file';
import { cliWorldForFile, deviceCodeBlock, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();
const NAME = 'Block device code flow (template, kind)';

async function refuseNextCreate() {
  const rules = [{ match: 'POST /beta/identity/conditionalAccess/policies', fault: 400, times: 1 }];
  await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PUT', body: JSON.stringify({ rules }) });
}

const apply = (plan: string, hash: string) => granted(world, () => world.gatehouse(['apply', '--plan', plan, '--sha256', hash], secret));

describe('the kind of source a plan file records, as apply names it', () => {
  let hash = '';
  beforeAll(async () => {
    mkdirSync(join(world.dir, 'templates'), { recursive: true });
    const template = deviceCodeBlock(NAME);
    writeFileSync(join(world.dir, 'templates', 'device-code.json'), JSON.stringify(template, null, 2));
    const planned = await world.gatehouse(['plan', 'templates', '--out', 'template.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    hash = hashOf(planned.stdout);
  }, 120_000);

  it('a plan from policy files: recorded as such, and content Graph refuses is to be corrected in the policy files', async () => {
    const file = JSON.parse(readFileSync(join(world.dir, 'template.json'), 'utf8')) as { source: { path: string; kind?: string } };
    expect(file.source).toMatchObject({ path: 'templates', kind: 'policyFiles' });
    await refuseNextCreate();
    const run = await apply('template.json', hash);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`'${NAME}': Graph refused its content (400)`);
    expect(run.stderr).toContain('Correct it in the policy files (templates), plan again, review the new plan and apply it.');
    expect(run.stderr).not.toContain('backup');
  }, 180_000);

  it('a plan file written before the kind was recorded still applies; its source is named neutrally', async () => {
    const file = JSON.parse(readFileSync(join(world.dir, 'template.json'), 'utf8')) as { source: Record<string, unknown> };
    delete file.source.kind;
    const old = canonicalJson(file);
    writeFileSync(join(world.dir, 'old.json'), old);
    await refuseNextCreate();
    const refused = await apply('old.json', sha256OfText(old));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Correct it in the plan's source (templates), plan again");
    expect(refused.stderr).not.toMatch(/backup|the policy files/);

    const applied = await apply('old.json', sha256OfText(old));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout.split('\n')[0]).toContain(`Plan applied to tenant ${world.tenantId}`);
  }, 180_000);
});
