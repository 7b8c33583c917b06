// `npm run emulator -- --sign-in`: a sign-in server beside the emulator, so that `npx gatehouse` runs
// against it as against a tenant. The command line signs in through MSAL, which talks to an identity
// provider over https only: this serves OAuth2 client credentials (oauth2-mock-server) over https
// with a certificate made now, written to a temporary folder for NODE_EXTRA_CA_CERTS to trust. Client
// credentials give app-only tokens as Entra ID's are (application permissions in `roles`, no `scp`), for
// the tenant whose client id asked: the token request does not name a tenant. Any client secret is taken.
// A person signs in with the device code (device-code.ts): the tenant's administrator, delegated scopes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
import type { Authenticator } from '../core/emulator';
import { stableId } from '../core/ids';
import { DEVICE_CODE_GRANT, deviceCodes, readForm, SIGN_IN_APP_NAME, unknownClient } from './device-code';
import { localhostCertificate } from './localhost-certificate';
import { APP_PERMISSIONS, createKeysVerifier } from './tokens';

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface SignInServer {
  /** The authority for `--authority` / GATEHOUSE_AUTHORITY. */
  url: string;
  /** The certificate for NODE_EXTRA_CA_CERTS. */
  certPath: string;
  authenticate: Authenticator;
  /** The client id that signs in to this tenant. */
  clientIdFor(tenantId: string): string;
  close(): Promise<void>;
}

/**
 * Starts the provider; `tenantIds` are the tenants it signs in to (each through a client id of its own).
 * `accessTokenSeconds`, a person's access token lifetime (Entra ID's is about an hour), is for tests that refresh.
 */
export async function startSignInServer(
  tenantIds: string[],
  defaultTenantId: string,
  { accessTokenSeconds = 3600 }: { accessTokenSeconds?: number } = {},
): Promise<SignInServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-emulator-sign-in-'));
  const { keyPath, certPath } = await localhostCertificate(dir, 'sign-in');
  const clientIdFor = (tenantId: string) => stableId(`emulator-sign-in-client:${tenantId}`);
  const tenantOf = new Map(tenantIds.map((id) => [clientIdFor(id), id]));

  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer);
  service.on('beforeTokenSigning', (token, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const payload = token.payload as Record<string, unknown>;
    delete payload.scope;
    Object.assign(payload, {
      aud: GRAPH_AUDIENCE,
      tid: tenantOf.get(body.client_id ?? ''),
      oid: body.client_id,
      sub: body.client_id,
      appid: body.client_id,
      azp: body.client_id,
      app_displayname: SIGN_IN_APP_NAME,
      idtyp: 'app',
      roles: APP_PERMISSIONS,
    });
  });
  service.on('beforeResponse', (response, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') {
      response.statusCode = 400;
      response.body = {
        error: 'unsupported_grant_type',
        error_description: 'The emulator signs in applications (client credentials) and people (device code, then refresh token) only.',
      };
    } else if (!tenantOf.has(body.client_id ?? '')) {
      response.statusCode = 400;
      response.body = unknownClient(body.client_id ?? '').body;
    }
  });
  let url = '';
  const devices = deviceCodes(
    issuer,
    (clientId) => tenantOf.get(clientId),
    () => url,
    accessTokenSeconds,
  );
  const answer = (res: ServerResponse, { status, body }: { status: number; body: unknown }) => {
    // A client gone (its body cut short) is not answered.
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  };
  // The mock serves client credentials and discovery; the device code endpoints are the emulator's. A form
  // read here is handed on parsed: Express's body parsers leave a request whose body was read.
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let form: Record<string, string> | null;
    let path: string;
    try {
      form = await readForm(req);
      path = new URL(req.url ?? '/', url).pathname;
    } catch {
      // A body cut short, or a path that is no URL ("//"): refused as Entra refuses a malformed request.
      return answer(res, { status: 400, body: { error: 'invalid_request', error_description: 'The request could not be read.' } });
    }
    if (form && path === '/devicecode') return answer(res, devices.start(form));
    if (form && path === '/token' && form.grant_type === DEVICE_CODE_GRANT) return answer(res, await devices.redeem(form));
    if (form && path === '/token' && form.grant_type === 'refresh_token') return answer(res, await devices.refresh(form));
    Object.assign(req, { body: form ?? {} });
    service.requestHandler(req, res);
  };
  // One request that fails must not stop the emulator (an unhandled rejection ends the process): it is answered, and
  // the server goes on serving the others.
  const server = createServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      answer(res, { status: 500, body: { error: 'server_error', error_description: `The emulator could not answer: ${String(error)}` } });
    });
  });
  await new Promise<void>((listening) => server.listen(0, 'localhost', listening));
  const address = server.address();
  url = `https://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  issuer.url = url;
  const jwks = { keys: issuer.keys.toJSON() };
  return {
    url,
    certPath,
    authenticate: createKeysVerifier(jwks, url, defaultTenantId),
    clientIdFor,
    close: async () => {
      await new Promise((closed) => server.close(closed));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
