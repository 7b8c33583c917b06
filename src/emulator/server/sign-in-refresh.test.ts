// The sign-in server redeems a person's refresh token as Entra ID's token endpoint does (grant_type=refresh_token):
// a new access token for the same person and client, scopes within those consented, a new refresh token each time
// (the one used stays valid), and 400 invalid_grant in Entra's error shape for a token it never issued.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, PREPROD_TENANT_ID, seedAccounts } from '../seed';
import { startSignInServer, type SignInServer } from './sign-in';

let server: SignInServer;
let ca: Buffer;
beforeAll(async () => {
  server = await startSignInServer([CONTOSO_TENANT_ID, PREPROD_TENANT_ID], CONTOSO_TENANT_ID);
  ca = readFileSync(server.certPath);
});
afterAll(async () => server?.close());

const GRAPH = 'https://graph.microsoft.com';
const OPENID = 'openid profile offline_access';
const admin = seedAccounts().find((a) => a.tenantId === CONTOSO_TENANT_ID && a.role === 'admin')!.user;

function post(path: string, form: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const body = new URLSearchParams(form).toString();
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({
      host: 'localhost',
      port,
      path,
      method: 'POST',
      ca,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** A device code sign-in to Contoso, as MSAL asks it: the Graph scopes named on Graph's resource, and the OpenID ones. */
async function signIn(scopes: string[], clientId = server.clientIdFor(CONTOSO_TENANT_ID)) {
  const scope = [...scopes.map((s) => `${GRAPH}/${s}`), OPENID].join(' ');
  const code = await post('/devicecode', { client_id: clientId, scope });
  const token = await post('/token', { grant_type: 'device_code', client_id: clientId, device_code: String(code.json.device_code) });
  expect(token.status).toBe(200);
  return token.json as { access_token: string; refresh_token: string; id_token: string };
}

const refresh = (refreshToken: string, scopes: string[], extra: Record<string, string> = {}) =>
  post('/token', {
    grant_type: 'refresh_token',
    client_id: server.clientIdFor(CONTOSO_TENANT_ID),
    refresh_token: refreshToken,
    scope: [...scopes.map((s) => `${GRAPH}/${s}`), OPENID].join(' '),
    ...extra,
  });

const asGraph = (token: string) => server.authenticate(new Request(`${GRAPH}/v1.0/me`, { headers: { authorization: `Bearer ${token}` } }));

describe('the sign-in server, grant_type=refresh_token', () => {
  it('gives a new access token for the same person, with the scopes consented, and a new refresh token', async () => {
    const first = await signIn(['Policy.Read.All']);
    const refreshed = await refresh(first.refresh_token, ['Policy.Read.All']);
    expect(refreshed.status, JSON.stringify(refreshed.json)).toBe(200);
    expect(refreshed.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const accessToken = String(refreshed.json.access_token);
    expect(accessToken).not.toBe(first.access_token);
    expect(await asGraph(accessToken)).toMatchObject({
      tenantId: CONTOSO_TENANT_ID,
      userId: admin.id,
      userPrincipalName: admin.userPrincipalName,
      scopes: expect.arrayContaining(['Policy.Read.All']) as unknown,
    });
    expect(decodeJwt(String(refreshed.json.id_token))).toMatchObject({ oid: admin.id, aud: server.clientIdFor(CONTOSO_TENANT_ID) });

    // Entra ID answers a new refresh token each time and does not revoke the one used: both redeem.
    const rotated = String(refreshed.json.refresh_token);
    expect(rotated).not.toBe(first.refresh_token);
    expect((await refresh(rotated, ['Policy.Read.All'])).status).toBe(200);
    expect((await refresh(first.refresh_token, ['Policy.Read.All'])).status).toBe(200);
  });

  it('gives no id token when openid is not asked, and no refresh token without offline_access', async () => {
    const { refresh_token } = await signIn(['Policy.Read.All']);
    const bare = await post('/token', {
      grant_type: 'refresh_token',
      client_id: server.clientIdFor(CONTOSO_TENANT_ID),
      refresh_token,
      scope: `${GRAPH}/Policy.Read.All`,
    });
    expect(bare.status).toBe(200);
    expect(bare.json.access_token).toEqual(expect.any(String));
    expect(bare.json).not.toHaveProperty('id_token');
    expect(bare.json).not.toHaveProperty('refresh_token');
  });

  it('refuses a refresh token it never issued: 400 invalid_grant, as Entra ID words it', async () => {
    const unknown = await refresh('not-a-refresh-token', ['Policy.Read.All']);
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      error: 'invalid_grant',
      error_codes: [9002313],
      error_uri: 'https://login.microsoftonline.com/error?code=9002313',
    });
    expect(String(unknown.json.error_description)).toMatch(
      /^AADSTS9002313: Invalid request\. Request is malformed or invalid\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(String(unknown.json.timestamp)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(unknown.json.trace_id).toEqual(expect.any(String));
    expect(unknown.json.correlation_id).toEqual(expect.any(String));
  });

  it("refuses another application's refresh token as one it never issued", async () => {
    const preprod = await signIn(['Policy.Read.All'], server.clientIdFor(PREPROD_TENANT_ID));
    const stolen = await refresh(preprod.refresh_token, ['Policy.Read.All']);
    expect(stolen).toMatchObject({ status: 400, json: { error: 'invalid_grant', error_codes: [9002313] } });
  });

  it('asks consent (invalid_grant, consent_required) for a scope the person never consented to', async () => {
    const { refresh_token } = await signIn(['Policy.Read.All']);
    const more = await refresh(refresh_token, ['Group.ReadWrite.All']);
    expect(more.status).toBe(400);
    expect(more.json).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
    expect(String(more.json.error_description)).toContain(
      `AADSTS65001: The user or administrator has not consented to use the application with ID '${server.clientIdFor(CONTOSO_TENANT_ID)}' named 'Gatehouse command line'.`,
    );
  });
});
