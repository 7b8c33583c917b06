// A policy's name is a free string in Graph: one holding a line break, a direction override and a
// GitHub workflow command ("\n::warning ...") must not forge a line of the pipeline's log, nor a plan
// or drift line, nor a link in the job summary. lint, diff, plan and apply print it on one line, its
// line break as "\n" and its override as "\u202E"; no line they print starts a workflow command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliRun } from './cli-world';
import { adminRequests, cliWorldForFile, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const FORGED = 'CA099 \u202Ekcolb\n::warning title=Gatehouse::All policies OK [see](https://example.com) <img src=x>';
// The override and the line break as escapes: on one line, in the order stored, nothing left to turn or isolate.
const FORGED_SHOWN = 'CA099 \\u202Ekcolb\\n::warning title=Gatehouse::All policies OK [see](https://example.com) <img src=x>';
const DRIFTED = 'CA001\n- update policy: fake line ##vso[task.complete result=Succeeded]';

const asAdmin = adminRequests(world);

async function rename(id: string, displayName: string) {
  expect((await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/policies/${id}`, { displayName })).status).toBe(204);
}

/** What a runner would read as a command or as a line of its own. */
function expectNoForgedLine(run: CliRun) {
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
    expect(line).not.toMatch(/^\s*::/);
    expect(line).not.toMatch(/##(vso)?\[/i);
    expect(line).not.toMatch(/^- update policy: fake line/);
  }
}

describe('a name that would forge a log line', () => {
  it('is printed on one line, as stored, by lint, diff, plan and apply, and escaped in the job summary', async () => {
    const listed = (await (await asAdmin('GET', '/v1.0/identity/conditionalAccess/policies')).json()) as {
      value: { id: string; displayName: string }[];
    };
    const ca001 = listed.value.find((p) => p.displayName.startsWith('CA001'))!;
    await rename(ca001.id, FORGED);

    const lint = await world.gatehouse(['lint'], secret);
    expect(lint.stdout, lint.stderr).toContain(`'${FORGED_SHOWN}'`);
    expect(lint.stdout).toContain('U+000A (line feed)');
    expectNoForgedLine(lint);

    expect((await world.gatehouse(['backup', '--out', 'forged'], secret)).code).toBe(0);
    await rename(ca001.id, DRIFTED);

    const diff = await world.gatehouse(['diff', 'forged'], secret);
    expect(diff.stdout, diff.stderr).toContain('CA001\\n- update policy: fake line ##vso');
    expectNoForgedLine(diff);

    const summary = join(world.dir, 'summary.md');
    const plan = await world.gatehouse(['plan', 'forged', '--out', 'forged.json'], { ...secret, GITHUB_STEP_SUMMARY: summary });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`- update policy '${FORGED_SHOWN}': `);
    expectNoForgedLine(plan);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('kcolb\\\\n::warning title=Gatehouse::All policies OK \\[see\\](https://example.com) &lt;img src=x&gt;');
    expect(markdown).not.toMatch(/\n::warning|\[see\]\(|<img/);

    await granted(world, async () => {
      const apply = await world.gatehouse(['apply', '--plan', 'forged.json', '--sha256', hashOf(plan.stdout)], secret);
      expect(apply.code, apply.stderr).toBe(0);
      expect(apply.stdout).toContain(`'${FORGED_SHOWN}'`);
      // The progress line on stderr too: the name on one line, as stored.
      expect(apply.stderr).toContain(`update policy '${FORGED_SHOWN}'…`);
      expectNoForgedLine(apply);
    });
  }, 300_000);
});
