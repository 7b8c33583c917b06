// Least privilege: read scopes at sign-in; the write scope only when the first write needs it
// (incremental consent). Each scope is listed with why the console needs it (see the README).

/** Requested at sign-in. */
export const READ_SCOPES = [
  'User.Read', // the signed-in user and tenant name
  'Policy.Read.All', // policies, named locations, authentication strengths, deleted policies
  'Directory.Read.All', // names of users, groups, roles and applications in policies
  'AuditLog.Read.All', // change history from the directory audit log
  'Agreement.Read.All', // names of terms of use required by policies
] as const;

/** Requested the first time the admin saves, restores or deletes something. */
export const WRITE_SCOPES = ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'] as const;

/** Graph scopes are named relative to Graph's host, which differs in national clouds. */
export function qualifyScopes(graphBaseUrl: string, scopes: readonly string[]): string[] {
  const resource = new URL(graphBaseUrl).origin;
  return scopes.map((scope) => (scope.includes('://') ? scope : `${resource}/${scope}`));
}

/**
 * Requested only when a plan creates a security group (a restore or copy whose mapping chose "create").
 * Graph's create-group page lists Group.ReadWrite.All as the least privileged delegated permission;
 * the page lists Group.Create for applications only, not for a signed-in user (group-post-groups).
 */
export const GROUP_CREATE_SCOPES = ['Group.ReadWrite.All'] as const;
