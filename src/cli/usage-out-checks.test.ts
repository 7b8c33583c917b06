// Every command whose --help lists --out names it in its usage line too, where a user reads how to run it
// (impact and rollout watch left it out, though both write to the file given).
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process';

const COMMANDS = ['backup', 'diff', 'lint', 'docs', 'plan', 'apply', 'impact', 'rollout', 'whatif', 'report'];

describe('the usage line names --out when --help lists it', () => {
  it.each(COMMANDS)('%s', async (command) => {
    const help = await runInProcess([command, '--help']);
    expect(help.code).toBe(0);
    const [usage = '', ...rest] = help.stdout.split(/\n\s*\n/);
    expect(usage).toMatch(/^Usage: gatehouse /);
    if (rest.join('\n').includes('--out')) expect(usage, usage).toContain('--out');
  });

  it('impact and rollout watch say it takes a file', async () => {
    expect((await runInProcess(['impact', '--help'])).stdout).toContain(
      '[--format text|markdown|json] [--out <file>] [connection options]',
    );
    expect((await runInProcess(['rollout', '--help'])).stdout).toContain(
      '[--format text|markdown|json] [--out <file>] [connection options]',
    );
  });
});
