// Bearer tokens for the emulator server: it either signs its own (printed at start so curl and
// the Graph SDKs can call it at once) or verifies those of an OIDC identity provider (--issuer).
// Either way the caller's permissions come from the token as in Entra ID: a user's delegated scopes
// from `scp`; an application signed in as itself (client credentials) has no `scp` and its
// application permissions in `roles`.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import { errors } from '../core/http';
import type { Principal } from '../core/model';
import type { Authenticator } from '../core/emulator';

const GRAPH_AUDIENCES = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'];

export const ADMIN_SCOPES = [
  'User.Read',
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Directory.Read.All',
  'AuditLog.Read.All',
  'Agreement.Read.All',
];
export const READER_SCOPES = ['User.Read', 'Policy.Read.All', 'Directory.Read.All', 'AuditLog.Read.All', 'Agreement.Read.All'];

export const APP_PERMISSIONS = [
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Directory.Read.All',
  'AuditLog.Read.All',
  'Agreement.Read.All',
];

const claim = (payload: JWTPayload, name: string): string | null => (typeof payload[name] === 'string' ? (payload[name] as string) : null);

function principalFrom(payload: JWTPayload, defaultTenantId: string): Principal {
  const tenantId = claim(payload, 'tid') ?? defaultTenantId;
  const scp = claim(payload, 'scp') ?? claim(payload, 'scope');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : null;
  if (scp === null && roles !== null) {
    // App-only: oid is the service principal's id; appid (v1) or azp (v2) names the application.
    const appId = claim(payload, 'appid') ?? claim(payload, 'azp') ?? String(payload.sub ?? '');
    const servicePrincipalId = claim(payload, 'oid') ?? String(payload.sub ?? '');
    const displayName = claim(payload, 'app_displayname') ?? appId;
    return {
      tenantId,
      userId: servicePrincipalId,
      userPrincipalName: '',
      displayName,
      scopes: roles,
      app: { appId, displayName, servicePrincipalId },
    };
  }
  return {
    tenantId,
    userId: claim(payload, 'oid') ?? String(payload.sub ?? ''),
    userPrincipalName: claim(payload, 'preferred_username') ?? String(payload.sub ?? ''),
    displayName: claim(payload, 'name') ?? '',
    // Entra ID puts bare scope names in scp; strip a resource prefix if an issuer left one.
    scopes: (scp ?? '')
      .split(' ')
      .filter(Boolean)
      .map((s) => s.slice(s.lastIndexOf('/') + 1)),
  };
}

function bearer(request: Request): string {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match?.[1]) throw errors.unauthenticated('Access token is empty.');
  return match[1];
}

function verifierFor(keys: JWTVerifyGetKey | CryptoKey, issuer: string, audiences: string[], defaultTenantId: string): Authenticator {
  return async (request) => {
    const token = bearer(request);
    try {
      const { payload } =
        typeof keys === 'function'
          ? await jwtVerify(token, keys, { issuer, audience: audiences })
          : await jwtVerify(token, keys, { issuer, audience: audiences });
      return principalFrom(payload, defaultTenantId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (/exp/.test(reason) && /claim/.test(reason)) throw errors.unauthenticated('Lifetime validation failed, the token is expired.');
      throw errors.unauthenticated(`Access token validation failure: ${reason}`);
    }
  };
}

export interface LocalIssuer {
  authenticate: Authenticator;
  sign(claims: { tenantId: string; userId: string; userPrincipalName: string; name: string; scopes: string[] }): Promise<string>;
  /** An app-only token, as client credentials give one: application permissions in `roles`, no `scp`. */
  signApp(claims: { tenantId: string; appId: string; servicePrincipalId: string; name: string; roles: string[] }): Promise<string>;
  jwks(): Promise<{ keys: unknown[] }>;
}

/** An issuer of the emulator's own, for use without an identity provider. */
export async function createLocalIssuer(issuer: string, audiences: string[], defaultTenantId: string): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    authenticate: verifierFor(publicKey, issuer, [...GRAPH_AUDIENCES, ...audiences], defaultTenantId),
    sign: (claims) =>
      new SignJWT({
        tid: claims.tenantId,
        oid: claims.userId,
        preferred_username: claims.userPrincipalName,
        name: claims.name,
        scp: claims.scopes.join(' '),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'emulator' })
        .setIssuer(issuer)
        .setAudience('https://graph.microsoft.com')
        .setSubject(claims.userId)
        .setIssuedAt()
        .setExpirationTime('24h')
        .sign(privateKey),
    signApp: (claims) =>
      new SignJWT({
        tid: claims.tenantId,
        oid: claims.servicePrincipalId,
        appid: claims.appId,
        azp: claims.appId,
        app_displayname: claims.name,
        idtyp: 'app',
        roles: claims.roles,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'emulator' })
        .setIssuer(issuer)
        .setAudience('https://graph.microsoft.com')
        .setSubject(claims.servicePrincipalId)
        .setIssuedAt()
        .setExpirationTime('24h')
        .sign(privateKey),
    jwks: async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid: 'emulator', alg: 'RS256', use: 'sig' }] }),
  };
}

/** Verifies tokens of an OIDC identity provider, found through its discovery document. */
export async function createIssuerVerifier(issuerUrl: string, audiences: string[], defaultTenantId: string): Promise<Authenticator> {
  const discoveryUrl = `${issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(discoveryUrl);
  if (!response.ok) throw new Error(`Could not read ${discoveryUrl}: HTTP ${response.status}`);
  const discovery = (await response.json()) as { issuer: string; jwks_uri: string };
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  return verifierFor(keys, discovery.issuer, [...GRAPH_AUDIENCES, ...audiences], defaultTenantId);
}

/** A verifier of tokens signed by keys at hand (the --sign-in provider runs in this process). */
export function createKeysVerifier(jwks: { keys: unknown[] }, issuer: string, defaultTenantId: string): Authenticator {
  return verifierFor(createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]), issuer, GRAPH_AUDIENCES, defaultTenantId);
}
