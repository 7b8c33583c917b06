// The device code grant of the emulator's sign-in server, as Entra ID answers a person at a terminal:
// the token is delegated (the person's scopes in `scp`, no `roles`). As in Entra ID, scopes are
// additive: the token holds what the request asked plus every scope this person already consented to
// for the application; Graph's .default asks the application's configured permissions. The emulated
// person is the tenant's administrator, who consents on the sign-in page to what is asked, and the
// consent stays. Nobody opens a browser: the code is approved at once, and the message says so.
// The token answer's refresh token is redeemed later (grant_type=refresh_token) as Entra ID redeems it,
// so MSAL renews an expired access token without asking the person for a new device code.
import type { IncomingMessage } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OAuth2Issuer } from 'oauth2-mock-server';
import { seedAccounts } from '../seed';
import { ADMIN_SCOPES } from './tokens';

export const DEVICE_CODE_GRANT = 'device_code';
export const SIGN_IN_APP_NAME = 'Gatehouse command line';
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

/** Entra ID's error answer: the AADSTS code leads the description, which ends with the ids and the time. */
function entraError(error: string, code: number, description: string, extra: Record<string, string> = {}): Answer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status: 400,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      ...extra,
    },
  };
}

/** A person's sign-in, as a refresh token holds it: who, through which client. */
interface Grant {
  clientId: string;
  tenantId: string;
}

export function deviceCodes(
  issuer: OAuth2Issuer,
  tenantOf: (clientId: string) => string | undefined,
  url: () => string,
  accessTokenSeconds = 3600,
) {
  const pending = new Map<string, { clientId: string; scope: string; granted: string[] }>();
  /** What each person (tenant, client) consented to so far: Entra ID adds it to every later token. */
  const consented = new Map<string, Set<string>>();
  const refreshTokens = new Map<string, Grant>();
  const adminOf = (tenantId: string) => seedAccounts().find((a) => a.tenantId === tenantId && a.role === 'admin')!.user;

  /** The token answer: an id token only when openid is asked, a refresh token only with offline_access (as Entra ID). */
  async function tokens(grant: Grant, scope: string, granted: string[]): Promise<Answer> {
    const user = adminOf(grant.tenantId);
    const person = { tid: grant.tenantId, oid: user.id, sub: user.id, preferred_username: user.userPrincipalName, name: user.displayName };
    // uti, Entra ID's token identifier, makes each token its own even within one second.
    const uti = randomBytes(16).toString('base64url');
    const accessToken = await issuer.buildToken({
      expiresIn: accessTokenSeconds,
      scopesOrTransform: (_header, payload) =>
        Object.assign(payload, { ...person, aud: GRAPH, appid: grant.clientId, azp: grant.clientId, scp: granted.join(' '), uti }),
    });
    const asked = scope.split(' ');
    const idToken = asked.includes('openid')
      ? await issuer.buildToken({ scopesOrTransform: (_header, payload) => Object.assign(payload, { ...person, aud: grant.clientId }) })
      : null;
    const refreshToken = asked.includes('offline_access') ? randomUUID() : null;
    if (refreshToken) refreshTokens.set(refreshToken, grant);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope,
        expires_in: accessTokenSeconds,
        ext_expires_in: accessTokenSeconds,
        access_token: accessToken,
        ...(idToken && { id_token: idToken }),
        ...(refreshToken && { refresh_token: refreshToken }),
      },
    };
  }

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
      return tokens({ clientId: code.clientId, tenantId: tenantOf(code.clientId)! }, code.scope, code.granted);
    },
    /**
     * POST /token with grant_type refresh_token. A refresh token is good for every scope the person consented to for
     * the client, so a scope beyond them asks consent again; the token holds all of them (additive, as the device
     * code's). Each answer has a new refresh token, and the one used stays valid: Entra ID does not revoke it.
     */
    async refresh(body: Body): Promise<Answer> {
      const grant = refreshTokens.get(body.refresh_token ?? '');
      // One issued to another client is as good as unknown to this one.
      if (!grant || grant.clientId !== body.client_id)
        return entraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
      const consent = consented.get(grant.clientId) ?? new Set<string>();
      const missing = askedScopes(body.scope ?? '').filter((s) => !consent.has(s));
      if (missing.length > 0)
        return entraError(
          'invalid_grant',
          65001,
          `The user or administrator has not consented to use the application with ID '${grant.clientId}' named '${SIGN_IN_APP_NAME}'. Send an interactive authorization request for this user and resource.`,
          { suberror: 'consent_required' },
        );
      return tokens(grant, body.scope ?? '', [...consent]);
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
