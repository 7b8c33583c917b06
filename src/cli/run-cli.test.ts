// The router and argument parsing as a user meets them: runCli with an io that keeps what it prints.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess as run } from './run-in-process';

describe('gatehouse --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const result = await run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `gatehouse ${version}\n`, stderr: '' });
  });

  it('names an unknown command after a colon', async () => {
    const result = await run(['--versoin']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gatehouse: No command '--versoin'\./);
  });
});

describe('an unknown option', () => {
  it('is named on one line, with the closest known option and where the help is', async () => {
    const result = await run(['docs', '--frm', 'ca']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gatehouse docs: Unknown option --frm. Did you mean --from? See gatehouse docs --help.\n');
  });

  it('without a close option, only says where the help is', async () => {
    const result = await run(['whatif', '--zzzzzzzz']);
    expect(result.stderr).toBe('gatehouse whatif: Unknown option --zzzzzzzz. See gatehouse whatif --help.\n');
  });

  it('a missing value is named with what the option takes', async () => {
    const result = await run(['docs', '--from']);
    expect(result.stderr).toBe('gatehouse docs: --from needs a value (<path>). See gatehouse docs --help.\n');
  });
});

describe('a number option given a negative number', () => {
  it('says the option takes a positive whole number, for every number option, not that its value is missing', async () => {
    const tenants = mkdtempSync(join(tmpdir(), 'gatehouse-args-'));
    const tenant = {
      id: '11111111-1111-4111-8111-111111111111',
      name: 'One',
      auth: { kind: 'secret', clientId: '22222222-2222-4222-8222-222222222222', secretEnv: 'S' },
    };
    writeFileSync(join(tenants, 'tenants.json'), JSON.stringify({ tenants: [tenant] }));
    try {
      for (const [args, words] of [
        [['lint', '--stale-after-days', '-5'], "--stale-after-days takes a whole number (0 or more) up to 3650, not '-5'."],
        [['lint', '--stale-after-days', '2.5'], "--stale-after-days takes a whole number (0 or more) up to 3650, not '2.5'."],
        [['impact', '--draft', 'x.json', '--days', '-3'], "--days takes a positive whole number up to 30, not '-3'."],
        [['impact', '--draft', 'x.json', '--max', '-1'], "--max takes a positive whole number up to 1000000, not '-1'."],
        [['rollout', 'watch', '--plan', 'x.json', '--max', '-10'], "--max takes a positive whole number up to 1000000, not '-10'."],
        [
          ['backup', '--tenants', 'tenants.json', '--out', 'o', '--concurrency', '-2'],
          "--concurrency takes a positive whole number up to 64, not '-2'.",
        ],
      ] as const) {
        const result = await run([...args], tenants);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toBe(`gatehouse ${args[0]}: ${words}\n`);
      }
    } finally {
      rmSync(tenants, { recursive: true, force: true });
    }
  });

  it('is the value of an option that takes text, not a missing one', async () => {
    const result = await run(['lint', '--from', 'nowhere', '--naming-pattern', '-5']);
    expect(result.stderr).toBe('gatehouse lint: nowhere: no such file or folder.\n');
  });
});

describe('too many arguments', () => {
  it('names the most a command takes, not a least it cannot mean', async () => {
    const result = await run(['diff', 'a', 'b', 'c']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected at most 2 argument(s), got 3.');
  });
});

describe('help and listings', () => {
  it('docs --help has its exit codes, as the other commands do', async () => {
    const result = await run(['docs', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nExit codes: 0 .*2 error/);
  });

  it('plan --help says --mapping, --domain and --states apply to policy files as to a backup, not to a backup alone', async () => {
    const help = (await run(['plan', '--help'])).stdout;
    const line = (option: string) => help.split('\n').find((l) => l.trimStart().startsWith(`--${option} `)) ?? '';
    for (const option of ['mapping', 'domain', 'states']) {
      expect(line(option)).toContain('backup or policy files');
      expect(line(option)).not.toMatch(/For a backup of|the backup's/);
    }
  });

  it('permissions names the commands that need permissions, not itself', async () => {
    const unknown = await run(['permissions', 'deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "No command 'deploy'. Commands: backup, diff, lint, docs, plan, apply, whatif, impact, rollout, report.",
    );
    const all = await run(['permissions']);
    expect(all.stdout).toContain('gatehouse backup: Microsoft Graph application permissions');
    expect(all.stdout).not.toContain('gatehouse permissions');
  });
});

describe('report and the sign-in options', () => {
  it('refuses --client-id and --tenant as the other --tenants runs do, in words, not as unknown options', async () => {
    const credentials = await run([
      'report',
      '--tenants',
      'tenants.json',
      '--out',
      'r',
      '--client-id',
      '00000000-0000-0000-0000-000000000001',
    ]);
    expect(credentials.code).toBe(2);
    expect(credentials.stderr).toBe(
      "gatehouse report: --client-id is not taken with --tenants: each tenant's credentials come from its entry in the tenants file (clientId, auth, certificate or token file).\n",
    );
    const tenant = await run(['report', '--tenants', 'tenants.json', '--out', 'r', '--tenant', 'contoso.example']);
    expect(tenant.stderr).toBe('gatehouse report: --tenant and --tenants do not go together: the file names the tenants.\n');
  });

  it('leaves them out of its --help: no tenant signs in with them', async () => {
    const help = await run(['report', '--help']);
    expect(help.stdout).toContain('--authority');
    expect(help.stdout).not.toContain('--client-id');
    expect(help.stdout).not.toMatch(/--tenant </);
  });
});

describe('gatehouse permissions', () => {
  it('takes rollout watch as the README names it, and refuses two commands', async () => {
    const watch = await run(['permissions', 'rollout', 'watch']);
    expect(watch.code, watch.stderr).toBe(0);
    expect(watch.stdout).toContain('AuditLog.Read.All');
    const two = await run(['permissions', 'lint', 'docs']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Name one command: gatehouse permissions lint.');
  });
});

describe('an option that takes one value, given twice', () => {
  it('is refused naming both values, not silently the last; the same value twice is taken', async () => {
    const twice = await run(['lint', '--from', 'backup', '--from', 'd4']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("--from is given 2 times ('backup', 'd4'): it takes one. Give it once.");
    const same = await run(['lint', '--from', 'nosuch', '--from', 'nosuch']);
    expect(same.stderr).not.toContain('given 2 times');
  });
});

describe('gatehouse rollout without its action', () => {
  it('names the action it knows, watch', async () => {
    const result = await run(['rollout', '--plan', 'backup']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Which action? rollout knows one, watch: gatehouse rollout watch --plan <backup>.');
  });
});

describe('-h', () => {
  it('shows a command’s help as --help does', async () => {
    const short = await run(['lint', '-h']);
    expect(short.code).toBe(0);
    expect(short.stdout).toBe((await run(['lint', '--help'])).stdout);
  });
});
