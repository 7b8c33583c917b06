// A person signing in with the device code asks only what the command needs, as the emulator's sign-in
// server (as Entra ID) sees the request: a backup asks read scopes, never the write one; diff and impact
// --allow-no-logs do not ask the sign-in log they can go without; apply asks the write scope. Real processes: `npm run emulator -- --sign-in` and `gatehouse` (bin/gatehouse.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const env = { PATH: process.env.PATH ?? '' };

function run(args: string[], options: { env: Record<string, string>; cwd: string }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/gatehouse.mjs'), ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What the emulator's device code message says the sign-in asked. */
const asked = (stderr: string) => /asking ([^;]*);/.exec(stderr)?.[1]?.split(' ') ?? [];

describe('gatehouse --auth device-code asks the scopes of the command', () => {
  let emulator: ChildProcess | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-device-code-'));
  afterAll(async () => {
    if (emulator && emulator.exitCode === null) {
      const exited = new Promise((r) => emulator!.once('exit', r));
      emulator.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('backup and plan ask read scopes only; diff and impact --allow-no-logs not AuditLog.Read.All; apply asks Policy.ReadWrite.ConditionalAccess', async () => {
    const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
    const port = await freePort();
    emulator = spawn(
      process.execPath,
      [tsx, join(root, 'src/emulator/server/cli.ts'), '--port', String(port), '--sign-in', '--no-rate-limit'],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    emulator.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!/^ {2}export (.*)$/m.test(out)) {
      if (Date.now() > deadline || emulator.exitCode !== null) throw new Error(`The emulator did not print its sign-in: ${out}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const printed = Object.fromEntries(
      [.../\b([A-Z_]+)=(\S+)/g[Symbol.matchAll](/^ {2}export (.*)$/m.exec(out)![1]!)].map((m) => [m[1]!, m[2]!]),
    );
    // A person at a terminal: no client secret in the environment.
    delete printed.AZURE_CLIENT_SECRET;
    const gatehouse = (args: string[]) => run([...args, '--auth', 'device-code'], { cwd: dir, env: { ...env, HOME: dir, ...printed } });

    const backup = await gatehouse(['backup', '--out', 'contoso.json']);
    expect(backup.stderr).toContain('The emulator signs');
    expect(backup.code).toBe(0);
    expect(asked(backup.stderr).sort()).toEqual(['Agreement.Read.All', 'Directory.Read.All', 'Policy.Read.All']);

    // Optional permissions, and one the run goes on without, are not asked: Entra would stop the person at consent.
    const diff = await gatehouse(['diff', 'contoso.json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(asked(diff.stderr).sort()).toEqual(['Agreement.Read.All', 'Directory.Read.All', 'Policy.Read.All']);
    expect(diff.stderr).toContain('Without AuditLog.Read.All, diff goes on without');
    writeFileSync(
      join(dir, 'draft.json'),
      JSON.stringify({
        displayName: 'Block everyone',
        state: 'enabled',
        conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    );
    const impact = await gatehouse(['impact', '--draft', 'draft.json', '--allow-no-logs']);
    expect(asked(impact.stderr).sort()).toEqual(['Directory.Read.All', 'Policy.Read.All']);
    expect(impact.stderr).toContain('Going on, as --allow-no-logs asks.');
    expect(impact.code).toBe(0);

    const plan = await gatehouse(['plan', 'contoso.json', '--out', 'plan.json']);
    expect(asked(plan.stderr).sort()).toEqual(['Agreement.Read.All', 'Directory.Read.All', 'Policy.Read.All']);
    expect(plan.code).toBe(0);

    const hash = readFileSync(join(dir, 'plan.sha256'), 'utf8').trim().split(/\s/)[0]!;
    const apply = await gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash]);
    expect(apply.code).toBe(0);
    expect(asked(apply.stderr)).toContain('Policy.ReadWrite.ConditionalAccess');
    expect(asked(apply.stderr)).not.toContain('Group.ReadWrite.All');
  }, 180_000);
});
