// The sign-in server (--sign-in) is one process with the emulator: a request it cannot read (a path that is no
// URL, a body cut short) is refused as Entra refuses a malformed request, and the server goes on serving.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed';
import { startSignInServer, type SignInServer } from './sign-in';

let server: SignInServer;
let ca: Buffer;
beforeAll(async () => {
  server = await startSignInServer([CONTOSO_TENANT_ID], CONTOSO_TENANT_ID);
  ca = readFileSync(server.certPath);
});
afterAll(async () => server?.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A POST as sent, with its answer; `cut` sends the body's start and goes away. */
function post(path: string, body: string, cut = false): Promise<{ status: number; json: Record<string, unknown> } | null> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ host: 'localhost', port, path, method: 'POST', ca, headers: { ...FORM, 'content-length': body.length * 2 } });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', (error) => (cut ? done(null) : fail(error)));
    if (cut) {
      req.write(body);
      setTimeout(() => {
        req.destroy();
        // Time for the server to meet the cut body.
        setTimeout(() => done(null), 300);
      }, 100);
    } else req.end(body.padEnd(body.length * 2, '&'));
  });
}

describe('the sign-in server, a request it cannot read', () => {
  it('answers invalid_request (400) and goes on serving', async () => {
    const malformed = await post('//', 'client_id=x');
    expect(malformed).toMatchObject({ status: 400, json: { error: 'invalid_request' } });

    expect(await post('/devicecode', 'client_id=x&scope=openid', true)).toBeNull();

    const after = await post('/devicecode', `client_id=${server.clientIdFor(CONTOSO_TENANT_ID)}&scope=Policy.Read.All`);
    expect(after?.status).toBe(200);
    expect(after?.json.message).toContain('asking Policy.Read.All');
  });
});
