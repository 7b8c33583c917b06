// Signing in from a pipeline, the command line as a process against a local https OIDC provider:
// GitHub Actions' and Azure DevOps' OIDC tokens fetched from their (here, fake) endpoints and
// presented as the client assertion; a token file; a wrong secret and a missing permission exit 2
// with a clear message and no credential in any output.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_READS, CLIENT_ID, startCliWorld, type CliWorld } from './cli-world';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
// Shaped like a JWT, as the pipelines' tokens are; never verified by the local provider.
const fakeOidcToken = (who: string) =>
  `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
    JSON.stringify({ iss: who, aud: 'api://AzureADTokenExchange', sub: 'repo:contoso/ca:ref:refs/heads/main' }),
  ).toString('base64url')}.c2lnbmF0dXJl`;

let world: CliWorld;
let pipeline: Server;
let pipelineUrl: string;
const pipelineRequests: { method: string; url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  world = await startCliWorld();
  // GitHub's and Azure DevOps' token endpoints, as the runner exposes them to a job.
  pipeline = createServer((req: IncomingMessage, res) => {
    pipelineRequests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/github/token') return res.end(JSON.stringify({ value: fakeOidcToken('github') }));
    if (url.pathname === '/ado/oidctoken') return res.end(JSON.stringify({ oidcToken: fakeOidcToken('ado') }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => pipeline.listen(0, 'localhost', resolve));
  const address = pipeline.address();
  pipelineUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);
afterAll(async () => {
  pipeline?.close();
  await world?.close();
});

const lastRequest = () => world.requests.at(-1)!;

describe('gatehouse sign-in', () => {
  it("presents GitHub Actions' OIDC token, asked for with the runner's bearer and Entra ID's audience, as the client assertion", async () => {
    const run = await world.gatehouse(['lint', '--format', 'text'], {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${pipelineUrl}/github/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token-value',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("workload identity federation (GitHub Actions' OIDC token)");
    const asked = pipelineRequests.find((r) => r.url.startsWith('/github/token'))!;
    expect(new URL(asked.url, pipelineUrl).searchParams.get('audience')).toBe('api://AzureADTokenExchange');
    expect(asked.authorization).toBe('Bearer runner-request-token-value');
    expect(lastRequest()).toMatchObject({
      clientAssertion: fakeOidcToken('github'),
      clientAssertionType: JWT_BEARER,
      clientSecret: undefined,
    });
    expect(run.stdout).toMatch(/^Lint of the tenant Contoso: \d+ open, \d+ suppressed/);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain(fakeOidcToken('github'));
      expect(output).not.toContain('runner-request-token-value');
    }
  }, 120_000);

  it("presents Azure DevOps' OIDC token for the service connection, and a token file's", async () => {
    const run = await world.gatehouse(['backup', '--out', 'ado'], {
      SYSTEM_OIDCREQUESTURI: `${pipelineUrl}/ado/oidctoken`,
      SYSTEM_ACCESSTOKEN: 'ado-job-access-token',
      AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: 'conn-1234',
    });
    expect(run.code, run.stderr).toBe(0);
    const asked = pipelineRequests.find((r) => r.url.startsWith('/ado/oidctoken'))!;
    expect(asked.method).toBe('POST');
    expect(new URL(asked.url, pipelineUrl).searchParams.get('serviceConnectionId')).toBe('conn-1234');
    expect(asked.authorization).toBe('Bearer ado-job-access-token');
    expect(lastRequest()).toMatchObject({ clientAssertion: fakeOidcToken('ado'), clientAssertionType: JWT_BEARER });

    const file = join(world.dir, 'federated-token');
    writeFileSync(file, `${fakeOidcToken('kubernetes')}\n`);
    const fromFile = await world.gatehouse(['backup', '--out', 'k8s'], { AZURE_FEDERATED_TOKEN_FILE: file });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(lastRequest().clientAssertion).toBe(fakeOidcToken('kubernetes'));
  }, 120_000);

  it("signs the client assertion with a certificate's key, naming the certificate by its SHA-256 thumbprint", async () => {
    const pems = await generate([{ name: 'commonName', value: 'gatehouse-pipeline' }], { keySize: 2048, algorithm: 'sha256' } as Parameters<
      typeof generate
    >[1]);
    const pemPath = join(world.dir, 'pipeline.pem');
    writeFileSync(pemPath, `${pems.private}\n${pems.cert}\n`);
    const run = await world.gatehouse(['backup', '--out', 'cert', '--certificate', pemPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('certificate (SHA-256 thumbprint');
    const assertion = lastRequest().clientAssertion!;
    expect(lastRequest().clientAssertionType).toBe(JWT_BEARER);
    const thumbprint = createHash('sha256').update(new X509Certificate(pems.cert).raw).digest('base64url');
    expect(decodeProtectedHeader(assertion)['x5t#S256']).toBe(thumbprint);
    // Signed by the certificate's private key, for this application.
    const header = decodeProtectedHeader(assertion);
    // The signature and the claims are what is checked here, not the clocks of two processes (MSAL rounds its times).
    const { payload } = await jwtVerify(assertion, await importX509(pems.cert, header.alg!), { clockTolerance: 300 });
    expect(payload).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID });
    expect(run.stdout + run.stderr).not.toContain('PRIVATE KEY');
  }, 120_000);

  it('exits 2 on a wrong client secret, with the service’s reason and no secret in any output', async () => {
    const secret = 'wrong-secret-do-not-print-9f8e7d';
    const run = await world.gatehouse(['backup', '--out', 'never'], { AZURE_CLIENT_SECRET: secret });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `gatehouse backup: Sign-in failed at ${world.idpUrl}: invalid_client: AADSTS7000215: Invalid client secret provided.`,
    );
    expect(lastRequest().clientSecret).toBe(secret);
    expect(run.stdout + run.stderr).not.toContain(secret);
    // One line of reason, no stack trace.
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('exits 2 before reading anything when the application lacks a permission, naming it and what it is for', async () => {
    world.roles = ['Policy.Read.All', 'Agreement.Read.All'];
    try {
      const run = await world.gatehouse(['backup', '--out', 'never'], { AZURE_CLIENT_SECRET: 'the-right-secret-for-tests' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('lacks Directory.Read.All (the names of the users, groups, roles and applications the policies name');
      expect(run.stderr).toContain('`gatehouse permissions backup` lists them all');
      // Without the optional audit permission, diff goes on and says what it cannot tell.
      world.roles = ALL_READS.filter((p) => p !== 'AuditLog.Read.All');
      const diff = await world.gatehouse(['diff', 'ado'], { AZURE_CLIENT_SECRET: 'the-right-secret-for-tests' });
      expect(diff.code, diff.stderr).toBe(0);
      expect(diff.stderr).toContain('Without AuditLog.Read.All, diff goes on without who changed each drifted policy');
    } finally {
      world.roles = [...ALL_READS];
    }
  }, 120_000);
});

describe('gatehouse permissions', () => {
  it('prints the least application permissions of each command from the table the commands check', async () => {
    const run = await world.gatehouse(['permissions', 'backup']);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^\s+\S+\.All/gm)?.map((l) => l.trim())).toEqual([
      'Policy.Read.All',
      'Directory.Read.All',
      'Agreement.Read.All',
    ]);
    const diff = await world.gatehouse(['permissions', 'diff']);
    expect(diff.stdout).toMatch(/AuditLog\.Read\.All\s+\(optional\) who changed each drifted policy/);
    const unknown = await world.gatehouse(['permissions', 'deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("No command 'deploy'");
    const help = await world.gatehouse(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Exit codes: 0 the same, 1 drift, 2 error (a backup that lost what its manifest lists, or a backup of another tenant than the one signed in to, is one).',
    );
  }, 120_000);
});
