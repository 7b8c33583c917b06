import { describe, expect, it } from 'vitest';
import { GLOBAL_READER_ROLE, roleClaimsOf, writeAccessFromClaims } from './role-claims';

const CA_ADMIN = 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9';

describe('write access from role claims', () => {
  it('is unknown when the token carries no role claim, so admins keep their actions', () => {
    expect(roleClaimsOf({ name: 'Ada', oid: '1' })).toBeUndefined();
    expect(writeAccessFromClaims(undefined)).toBe('unknown');
  });

  it('is granted by a role that can write Conditional Access, in wids or named in roles', () => {
    expect(writeAccessFromClaims(roleClaimsOf({ wids: [GLOBAL_READER_ROLE, CA_ADMIN] }))).toBe('yes');
    expect(writeAccessFromClaims(roleClaimsOf({ wids: ['62E90394-69F5-4237-9190-012177145E10'] }))).toBe('yes');
    expect(writeAccessFromClaims(roleClaimsOf({ roles: ['Security Administrator'] }))).toBe('yes');
  });

  it('is refused when wids lists only roles that cannot write', () => {
    expect(writeAccessFromClaims(roleClaimsOf({ wids: [GLOBAL_READER_ROLE] }))).toBe('no');
    expect(writeAccessFromClaims(roleClaimsOf({ wids: [] }))).toBe('no');
  });

  it('stays unknown when only app roles are present, since they do not list directory roles', () => {
    expect(writeAccessFromClaims(roleClaimsOf({ roles: ['Reader'] }))).toBe('unknown');
    expect(roleClaimsOf({ wids: 'not a list', roles: [1, 'Auditor'] })).toEqual({ roles: ['Auditor'] });
  });
});
