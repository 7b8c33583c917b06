// Device code sign-in, for a person at a terminal, as a real process: the local provider has no
// device-code grant, so a small https front stands before it, as Entra ID would answer: the
// discovery document with its device code endpoint, a code and its message, "authorization
// pending" on the first poll, then the token (the provider's own, which the emulator verifies).
// The command prints the message a person follows, waits, signs in and reads the tenant.
import { readFileSync } from 'node:fs';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, GOOD_SECRET, startCliWorld, type CliWorld } from './cli-world';

let world: CliWorld;
let front: Server;
let frontUrl = '';
const polls: string[] = [];
let deviceCodeRequests = 0;
let askedScope = '';

/** A request to the local provider (its certificate is this test's own). */
function toProvider(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${world.idpUrl}${path}`,
      {
        method,
        ca: readFileSync(join(world.dir, 'idp-cert.pem')),
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  world = await startCliWorld();
  front = createServer(
    { key: readFileSync(join(world.dir, 'idp-key.pem')), cert: readFileSync(join(world.dir, 'idp-cert.pem')) },
    (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        void (async () => {
          const send = (status: number, value: object) =>
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
          const path = new URL(req.url ?? '/', frontUrl).pathname;
          if (path.endsWith('/.well-known/openid-configuration')) {
            const metadata = JSON.parse((await toProvider('GET', '/.well-known/openid-configuration')).text) as Record<string, unknown>;
            return send(200, {
              ...metadata,
              issuer: frontUrl,
              token_endpoint: `${frontUrl}/token`,
              device_authorization_endpoint: `${frontUrl}/devicecode`,
            });
          }
          if (path === '/devicecode') {
            deviceCodeRequests++;
            askedScope = new URLSearchParams(body).get('scope') ?? '';
            return send(200, {
              device_code: 'device-code-1',
              user_code: 'GH7-KQ2',
              verification_uri: 'https://microsoft.com/devicelogin',
              expires_in: 900,
              interval: 1,
              message:
                'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code GH7-KQ2 to authenticate.',
            });
          }
          if (path === '/token') {
            const form = new URLSearchParams(body);
            // Entra ID takes the grant by its short name (as MSAL sends it) or its URN.
            if (!['device_code', 'urn:ietf:params:oauth:grant-type:device_code'].includes(form.get('grant_type') ?? ''))
              return send(400, { error: 'unsupported_grant_type' });
            polls.push(form.get('device_code') ?? '');
            if (polls.length === 1)
              return send(400, { error: 'authorization_pending', error_description: 'The user has not signed in yet.' });
            // The person signed in: the provider's own token, which the emulator verifies.
            const issued = await toProvider(
              'POST',
              '/token',
              new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: CLIENT_ID,
                client_secret: GOOD_SECRET,
                scope: 'https://graph.microsoft.com/.default',
              }).toString(),
            );
            const { access_token } = JSON.parse(issued.text) as { access_token: string };
            const now = Math.floor(Date.now() / 1000);
            const claims = {
              iss: frontUrl,
              aud: CLIENT_ID,
              tid: world.tenantId,
              oid: world.admin.id,
              sub: world.admin.id,
              preferred_username: world.admin.userPrincipalName,
              iat: now,
              nbf: now,
              exp: now + 3600,
            };
            // As Entra ID answers: the resource's scopes granted (those asked), not the OpenID ones MSAL adds.
            const granted = askedScope
              .split(' ')
              .filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s))
              .join(' ');
            return send(200, {
              token_type: 'Bearer',
              scope: granted,
              expires_in: 3600,
              access_token,
              id_token: `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`,
              client_info: base64url({ uid: world.admin.id, utid: world.tenantId }),
            });
          }
          send(404, { error: 'not_found' });
        })();
      });
    },
  );
  await new Promise<void>((resolve) => front.listen(0, 'localhost', resolve));
  const address = front.address();
  frontUrl = `https://localhost:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await world?.close();
});

describe('device code sign-in', () => {
  it('prints the code a person follows, waits while the sign-in is pending, then reads the tenant', async () => {
    const run = await world.gatehouse(['lint', '--auth', 'device-code', '--format', 'markdown'], { GATEHOUSE_AUTHORITY: frontUrl });
    expect(run.code, run.stderr).not.toBe(2);
    expect(run.stderr).toContain('open the page https://microsoft.com/devicelogin and enter the code GH7-KQ2');
    // Signed in once for the whole run: its many Graph requests reuse the token (MSAL's cache, by the account).
    expect(deviceCodeRequests).toBe(1);
    expect(polls).toEqual(['device-code-1', 'device-code-1']);
    expect(run.stdout).toContain('Conditional Access lint');
  }, 120_000);
});
