// `npm run emulator -- --sign-in`: a sign-in server beside the emulator, so that `npx gatehouse` runs
// against it as against a tenant. The command line signs in through MSAL, which talks to an identity
// provider over https only: this serves OAuth2 client credentials (oauth2-mock-server) over https
// with a certificate made now, written to a temporary folder for NODE_EXTRA_CA_CERTS to trust. Its
// tokens are app-only as Entra ID's are (application permissions in `roles`, no `scp`), for the tenant
// whose client id asked: the token request does not name a tenant. Any client secret is taken.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';
import type { Authenticator } from '../core/emulator';
import { stableId } from '../core/ids';
import { localhostCertificate } from './localhost-certificate';
import { APP_PERMISSIONS, createKeysVerifier } from './tokens';

export const SIGN_IN_APP_NAME = 'Gatehouse command line';
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

/** Starts the provider; `tenantIds` are the tenants it signs in to (each through a client id of its own). */
export async function startSignInServer(tenantIds: string[], defaultTenantId: string): Promise<SignInServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-emulator-sign-in-'));
  const { keyPath, certPath } = await localhostCertificate(dir, 'sign-in');
  const clientIdFor = (tenantId: string) => stableId(`emulator-sign-in-client:${tenantId}`);
  const tenantOf = new Map(tenantIds.map((id) => [clientIdFor(id), id]));

  const idp = new OAuth2Server(keyPath, certPath);
  await idp.issuer.keys.generate('RS256');
  idp.service.on('beforeTokenSigning', (token, req) => {
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
  idp.service.on('beforeResponse', (response, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') {
      response.statusCode = 400;
      response.body = {
        error: 'unsupported_grant_type',
        error_description: 'The emulator signs in applications only (client credentials).',
      };
    } else if (!tenantOf.has(body.client_id ?? '')) {
      response.statusCode = 400;
      response.body = {
        error: 'unauthorized_client',
        error_description: `AADSTS700016: Application with identifier '${body.client_id ?? ''}' was not found. The emulator printed the client ids it knows when it started.`,
      };
    }
  });
  await idp.start(0, 'localhost');
  const url = `https://localhost:${idp.address().port}`;
  const jwks = { keys: idp.issuer.keys.toJSON() };
  return {
    url,
    certPath,
    authenticate: createKeysVerifier(jwks, idp.issuer.url ?? url, defaultTenantId),
    clientIdFor,
    close: async () => {
      await idp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
