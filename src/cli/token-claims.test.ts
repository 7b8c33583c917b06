import { describe, expect, it } from 'vitest';
import { lacksMessage } from './tenant';
import { missingPermissions } from './permissions';
import { readTokenClaims } from './token-claims';

const jwt = (payload: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('readTokenClaims', () => {
  it('reads an app-only token without roles (no permission has admin consent) as holding none', () => {
    const claims = readTokenClaims(jwt({ tid: 'contoso', idtyp: 'app', appid: 'x' }));
    expect(claims).toEqual({ tenantId: 'contoso', permissions: [], appOnly: true });
    // So the command names everything it needs, rather than meeting Graph's 403.
    const missing = missingPermissions('backup', claims.permissions!);
    expect(missing.required.map((p) => p.name)).toEqual(['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All']);
    const message = lacksMessage('backup', 'contoso.onmicrosoft.com', missing.required, claims);
    expect(message).toContain('lacks Policy.Read.All (');
    expect(message).toContain('Agreement.Read.All (');
    expect(message).toContain('none has admin consent yet');
  });

  it('reads the roles of an app-only token and the scopes of a delegated one as before', () => {
    expect(readTokenClaims(jwt({ tid: 't', roles: ['Policy.Read.All'] }))).toEqual({
      tenantId: 't',
      permissions: ['Policy.Read.All'],
      appOnly: true,
    });
    expect(readTokenClaims(jwt({ tid: 't', scp: 'Policy.Read.All Directory.Read.All' }))).toEqual({
      tenantId: 't',
      permissions: ['Policy.Read.All', 'Directory.Read.All'],
      appOnly: false,
    });
    expect(readTokenClaims('opaque-token')).toEqual({ tenantId: null, permissions: null, appOnly: false });
  });

  it('says nothing of admin consent when the token holds some permissions', () => {
    const claims = readTokenClaims(jwt({ tid: 't', roles: ['Policy.Read.All'] }));
    const missing = missingPermissions('backup', claims.permissions!);
    const message = lacksMessage('backup', 't', missing.required, claims);
    expect(message).toContain('lacks Directory.Read.All');
    expect(message).not.toContain('admin consent yet');
  });
});
