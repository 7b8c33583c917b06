// What an access token says about itself, read without verifying it (Graph verifies it): the
// tenant it is for and the permissions granted, application (`roles`) or delegated (`scp`). An
// opaque token says nothing, and nothing is assumed from it. An app-only token (no `scp`) without
// `roles` holds no permission: Entra leaves `roles` out until one has admin consent.
export interface TokenClaims {
  tenantId: string | null;
  permissions: string[] | null;
  appOnly: boolean;
}

export function readTokenClaims(token: string): TokenClaims {
  const part = token.split('.')[1];
  try {
    const payload = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : null;
    const scp = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : null;
    return {
      tenantId: typeof payload.tid === 'string' ? payload.tid : null,
      permissions: scp ?? roles ?? [],
      appOnly: scp === null,
    };
  } catch {
    return { tenantId: null, permissions: null, appOnly: false };
  }
}
