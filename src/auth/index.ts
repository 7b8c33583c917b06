// The auth module's public surface.
export { AuthProvider, useAuth, useAuthSession } from './auth-provider';
export { createDemoSession, type DemoDirectory } from './demo-session';
export { READ_SCOPES, WRITE_SCOPES } from './scopes';
export { writeAccessFromClaims, type RoleClaims } from './role-claims';
export { personName, type AuthSession, type AuthSnapshot, type SignedInAccount } from './session';
export { signInProblemOf, type SignInProblem } from './sign-in-problem';
export { SignInNeededError, type SignInNeeded } from './sign-in-needed';
