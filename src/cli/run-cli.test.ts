// The router and argument parsing as a user meets them: runCli with an io that keeps what it prints.
import { readFileSync } from 'node:fs';
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
