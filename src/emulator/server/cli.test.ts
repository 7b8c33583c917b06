// `npm run emulator` as a newcomer runs it, a real process: --help lists every option with its
// default; a mistyped option or a bad value is one line with the usage hint and exit code 2; and
// --sign-in prints an environment with which `npx gatehouse` backs up the emulated tenants.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tenantCopy } from './many-tenants';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const cli = join(root, 'src/emulator/server/cli.ts');
const env = { PATH: process.env.PATH ?? '' };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { env: Record<string, string>; cwd?: string }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: options.cwd ?? root,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

const emulator = (args: string[]) => run(tsx, [cli, ...args], { env });

describe('npm run emulator -- <options>', () => {
  it('--help lists every option with what it does and its default, and exits 0', async () => {
    const { code, stdout, stderr } = await emulator(['--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const option of ['--port', '--sign-in', '--issuer', '--latency', '--no-rate-limit', '--policies', '--tenants', '--help'])
      expect(stdout).toContain(`  ${option}`);
    expect(stdout).toContain('(default 4010)');
    expect(stdout).toContain('(default 0)');
  }, 60_000);

  it.each([
    [['--bogus'], "Unknown option '--bogus'."],
    [['--port', 'abc'], "--port takes a whole number from 1 to 65535, not 'abc'."],
    [['--tenants', '0'], "--tenants takes a whole number from 1 to 1000, not '0'."],
    [['--policies', '300'], "--policies takes a whole number from 35 to 195, not '300'."],
    [['--tenants', '2', '--policies', '100'], '--tenants and --policies do not go together.'],
    [['--sign-in', '--issuer', 'https://localhost:1'], '--sign-in and --issuer do not go together'],
  ])(
    '%j is one line saying what is wrong, with the usage hint, and exit code 2',
    async (args, words) => {
      const { code, stdout, stderr } = await emulator(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain(words);
      expect(stderr).toContain('Run `npm run emulator -- --help` for the options.');
    },
    60_000,
  );
});

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the emulator with --sign-in and waits until it printed what to paste. */
async function startWithSignIn(
  port: number,
  more: string[] = [],
  printed = /^For Contoso pre-production: .*$/m,
): Promise<{ child: ChildProcess; stdout: () => string }> {
  const child = spawn(process.execPath, [tsx, cli, '--port', String(port), '--sign-in', '--no-rate-limit', ...more], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!printed.test(stdout)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The emulator did not print its sign-in: ${stdout}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, stdout: () => stdout };
}

/** NAME=value pairs from a printed line, as a shell would read them. */
const assignments = (line: string) => Object.fromEntries([...line.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));

/**
 * What each --sign-in case stands on: a working folder of its own and the emulator it starts, both gone after the
 * describe block (the emulator stopped and awaited if the case did not stop it); `gatehouse` runs there with `printed`.
 */
function signInCase(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let started: { child: ChildProcess; stdout: () => string } | null = null;
  const stop = async () => {
    if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
    const exited = new Promise((r) => started!.child.once('exit', r));
    started.child.kill('SIGTERM');
    await exited;
  };
  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    start: async (more?: string[], printed?: RegExp) => (started = await startWithSignIn(await freePort(), more, printed)),
    stop,
    gatehouse: (args: string[], printed: Record<string, string>) =>
      run(join(root, 'bin/gatehouse.mjs'), args, { cwd: dir, env: { ...env, HOME: dir, ...printed } }),
  };
}

describe('npm run emulator -- --sign-in', () => {
  const emulated = signInCase('gatehouse-emulator-cli-');

  it('prints the environment with which `npx gatehouse backup` backs up Contoso, and Contoso pre-production with its ids', async () => {
    const out = (await emulated.start()).stdout();
    const exported = /^ {2}export (.*)$/m.exec(out)?.[1];
    expect(exported).toBeDefined();
    const printed = assignments(exported!);
    expect(Object.keys(printed).sort()).toEqual([
      'AZURE_CLIENT_ID',
      'AZURE_CLIENT_SECRET',
      'AZURE_TENANT_ID',
      'GATEHOUSE_AUTHORITY',
      'GATEHOUSE_GRAPH_URL',
      'NODE_EXTRA_CA_CERTS',
    ]);
    expect(out).toMatch(/^ {2}npx gatehouse backup --out contoso-backup$/m);

    const contoso = await emulated.gatehouse(['backup', '--out', 'contoso.json'], printed);
    expect(contoso.stderr).not.toContain('failed');
    expect(contoso.code).toBe(0);
    expect(contoso.stdout).toContain('Backed up Contoso to contoso.json: 35 policies');
    expect(existsSync(join(emulated.dir, 'contoso.json'))).toBe(true);

    const preprod = await emulated.gatehouse(['backup', '--out', 'preprod.json'], {
      ...printed,
      ...assignments(/^For Contoso pre-production: (.*)$/m.exec(out)![1]!),
    });
    expect(preprod.code).toBe(0);
    expect(preprod.stdout).toContain('Backed up Contoso pre-production to preprod.json');

    // The certificate was made for this run, in a temporary folder removed when the emulator stops.
    expect(readFileSync(printed.NODE_EXTRA_CA_CERTS!, 'utf8')).toContain('BEGIN CERTIFICATE');
    await emulated.stop();
    expect(existsSync(printed.NODE_EXTRA_CA_CERTS!)).toBe(false);
  }, 180_000);
});

describe('npm run emulator -- --sign-in --tenants <n>', () => {
  const emulated = signInCase('gatehouse-emulator-cli-tenants-');

  it('prints every copy’s client id, one line each, named, and each signs in to its own copy', async () => {
    // Printed together after the paste line: once it is there, the lines of the other copies are too, or never.
    const started = await emulated.start(['--tenants', '3'], /^ {2}npx gatehouse backup --out contoso-backup$/m);
    await new Promise((r) => setTimeout(r, 500));
    const out = started.stdout();
    expect(out).not.toContain('not printed here');
    const exported = assignments(/^ {2}export (.*)$/m.exec(out)![1]!);
    expect(exported.AZURE_TENANT_ID).toBe(tenantCopy(1).id);
    for (const n of [2, 3]) {
      const line = new RegExp(`^For Contoso 00${n}: (.*)$`, 'm').exec(out)?.[1];
      expect(line, out).toBeDefined();
      const own = assignments(line!);
      expect(own.AZURE_TENANT_ID).toBe(tenantCopy(n).id);
      expect(own.AZURE_CLIENT_ID).not.toBe(exported.AZURE_CLIENT_ID);
      const backup = await emulated.gatehouse(['backup', '--out', `copy-${n}.json`], { ...exported, ...own });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`Backed up Contoso 00${n} to copy-${n}.json`);
    }
  }, 180_000);
});
