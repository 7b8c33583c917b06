// The device code grant of the emulator's sign-in server, as Entra ID answers a person at a terminal:
// the token is delegated (the person's scopes in `scp`, no `roles`). As in Entra ID, scopes are
// additive: the token holds what the request asked plus every scope this person already consented to
// for the application; Graph's .default asks the application's configured permissions. The emulated
// person is the tenant's administrator, who consents on the sign-in page to what is asked, and the
// consent stays. Nobody opens a browser: the code is approved at once, and the message says so.
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { OAuth2Issuer } from 'oauth2-mock-server';
import { seedAccounts } from '../seed';
import { ADMIN_SCOPES } from './tokens';

export const DEVICE_CODE_GRANT = 'device_code';
const GRAPH = 'https://graph.microsoft.com';
const OPENID_SCOPES = ['openid', 'profile', 'offline_access', 'email'];

type Body = Record<string, string>;
type Answer = { status: number; body: Record<string, unknown> };

/** The Graph scopes a request's `scope` asks, as bare names: .default is the application's configured permissions. */
export function askedScopes(scope: string): string[] {
  const asked = scope.split(' ').filter((s) => s && !OPENID_SCOPES.includes(s));
  const names = asked.map((s) => s.slice(s.lastIndexOf('/') + 1));
  return [...new Set(names.flatMap((name) => (name === '.default' ? ADMIN_SCOPES : [name])))];
}

export async function readForm(req: IncomingMessage): Promise<Body | null> {
  if (req.method !== 'POST') return null;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return null;
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export function deviceCodes(issuer: OAuth2Issuer, tenantOf: (clientId: string) => string | undefined, url: () => string) {
  const pending = new Map<string, { clientId: string; scope: string; granted: string[] }>();
  /** What each person (tenant, client) consented to so far: Entra ID adds it to every later token. */
  const consented = new Map<string, Set<string>>();
  const adminOf = (tenantId: string) => seedAccounts().find((a) => a.tenantId === tenantId && a.role === 'admin')!.user;

  return {
    /** POST /devicecode: the code, approved at once for the tenant's administrator. */
    start(body: Body): Answer {
      const clientId = body.client_id ?? '';
      const tenantId = tenantOf(clientId);
      if (!tenantId) return unknownClient(clientId);
      const deviceCode = randomUUID();
      const asked = askedScopes(body.scope ?? '');
      const earlier = consented.get(clientId) ?? new Set<string>();
      consented.set(clientId, new Set([...earlier, ...asked]));
      const granted = [...new Set([...earlier, ...asked])];
      pending.set(deviceCode, { clientId, scope: body.scope ?? '', granted });
      return {
        status: 200,
        body: {
          device_code: deviceCode,
          user_code: 'EMULATOR',
          verification_uri: `${url()}/device`,
          expires_in: 900,
          interval: 1,
          message: `The emulator signs ${adminOf(tenantId).userPrincipalName} in at once (no code to enter), asking ${asked.join(' ') || 'no Graph scope'}; the token holds ${granted.join(' ') || 'no Graph scope'}.`,
        },
      };
    },
    /** POST /token with grant_type device_code: the person's token, with the scopes the code was asked for. */
    async redeem(body: Body): Promise<Answer> {
      const code = pending.get(body.device_code ?? '');
      if (!code || code.clientId !== body.client_id)
        return { status: 400, body: { error: 'expired_token', error_description: 'AADSTS70019: Verification code expired.' } };
      pending.delete(body.device_code ?? '');
      const tenantId = tenantOf(code.clientId)!;
      const user = adminOf(tenantId);
      const person = { tid: tenantId, oid: user.id, sub: user.id, preferred_username: user.userPrincipalName, name: user.displayName };
      const accessToken = await issuer.buildToken({
        scopesOrTransform: (_header, payload) =>
          Object.assign(payload, { ...person, aud: GRAPH, appid: code.clientId, azp: code.clientId, scp: code.granted.join(' ') }),
      });
      const idToken = await issuer.buildToken({
        scopesOrTransform: (_header, payload) => Object.assign(payload, { ...person, aud: code.clientId }),
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          scope: code.scope,
          expires_in: 3600,
          access_token: accessToken,
          id_token: idToken,
          refresh_token: randomUUID(),
        },
      };
    },
  };
}

export function unknownClient(clientId: string): Answer {
  return {
    status: 400,
    body: {
      error: 'unauthorized_client',
      error_description: `AADSTS700016: Application with identifier '${clientId}' was not found. The emulator printed the client ids it knows when it started.`,
    },
  };
}
