// The auth module's public surface.
export { AuthProvider, useAuth, useAuthSession } from './auth-provider';
export { createDemoSession, type DemoDirectory } from './demo-session';
export { READ_SCOPES, WRITE_SCOPES } from './scopes';
export { writeAccessFromClaims, type RoleClaims } from './role-claims';
export type { AuthSession, AuthSnapshot, SignedInAccount } from './session';
