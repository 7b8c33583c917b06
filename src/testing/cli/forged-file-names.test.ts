// A file's name is as free as a policy's: one holding a line break and a GitHub workflow command
// ("x\n::error::…"), or an override (U+202E), must not forge a line of the pipeline's log when plan reads
// policy files, diff --baseline reads the desired state, or apply names where its plan came from. Each prints
// the name on one line, its line break as "\n" and its override as "\u202E", with the message naming it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliRun } from './cli-world';
import { cliWorldForFile, deviceCodeBlock, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const template = deviceCodeBlock('Block device code flow (forged names)');

/** A line of its own, started by the file's name (the runner's net escapes its "::" as "\u003A:"), or text turned around. */
function expectNoForgedLine(run: CliRun) {
  const output = `${run.stdout}\n${run.stderr}`;
  for (const line of output.split('\n')) expect(line).not.toMatch(/^\s*(::|\\u003A:)/);
  expect(output).not.toContain('\u202E');
}

function folder(name: string, files: Record<string, string>) {
  mkdirSync(join(world.dir, name), { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(world.dir, name, file), content);
}

describe('a file name that would forge a log line', () => {
  it('is printed on one line, as stored, by plan from policy files and diff --baseline', async () => {
    folder('unread', { 'ok.json': JSON.stringify(template), 'x\n::error::forged \u202Ekcolb.json': '' });
    const plan = await world.gatehouse(['plan', 'unread', '--out', 'unread-plan.json'], secret);
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stderr).toContain('unread: x\\n::error::forged \\u202Ekcolb.json is empty.');
    expectNoForgedLine(plan);

    const diff = await world.gatehouse(['diff', 'unread', '--baseline'], secret);
    expect(diff.code, diff.stderr).toBe(2);
    expect(diff.stderr).toContain('unread: x\\n::error::forged \\u202Ekcolb.json is empty.');
    expectNoForgedLine(diff);

    folder('ignored', { 'ok.json': JSON.stringify(template), 'y\n::warning::notes.md': '# notes' });
    const planned = await world.gatehouse(['plan', 'ignored', '--out', 'ignored-plan.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stderr).toContain('ignored: y\\n::warning::notes.md: Not a policy file');
    expectNoForgedLine(planned);
  }, 180_000);

  it('is printed on one line by apply, naming the policy files and the mapping its plan came from', async () => {
    folder('tpl\n::error::forged', { 'device-code.json': JSON.stringify(template) });
    writeFileSync(
      join(world.dir, 'map\n::warning::x.json'),
      JSON.stringify({
        format: 'gatehouse.mapping',
        version: 1,
        savedAt: '2026-12-01T00:00:00Z',
        source: { tenantId: null, tenantName: null },
        target: { tenantId: world.tenantId, tenantName: 'Contoso' },
        domains: [],
        choices: [],
      }),
    );
    const planned = await world.gatehouse(
      ['plan', 'tpl\n::error::forged', '--out', 'tpl.json', '--mapping', 'map\n::warning::x.json'],
      secret,
    );
    expect(planned.code, planned.stderr).toBe(0);
    expectNoForgedLine(planned);

    await granted(world, async () => {
      const applied = await world.gatehouse(['apply', '--plan', 'tpl.json', '--sha256', hashOf(planned.stdout)], secret);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stderr).toContain('The plan was made from tpl\\n::error::forged, mapped by map\\n::warning::x.json, sha256 ');
      expectNoForgedLine(applied);
    });
  }, 180_000);
});
