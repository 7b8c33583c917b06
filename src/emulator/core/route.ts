// What a route handler receives, and how routes declare the scopes and limits that apply to them.
import type { GraphError, RequestContext } from './http';
import type { EmulatorState, Principal, TenantState } from './model';

export type ApiVersion = 'v1.0' | 'beta';

export interface RouteInput {
  request: Request;
  url: URL;
  version: ApiVersion;
  params: string[];
  tenant: TenantState;
  principal: Principal;
  context: RequestContext;
  state: EmulatorState;
}

export type Throttle = 'ca' | 'reports' | 'none';

export interface Route {
  method: string;
  /** Matched against the path after the version segment, e.g. "identity/conditionalAccess/policies". */
  pattern: RegExp;
  /** Any one of these delegated scopes grants access. */
  scopes: readonly string[];
  /** Any one of these application permissions grants an app-only caller access; absent, those of `scopes` that exist for applications. */
  roles?: readonly string[];
  betaOnly?: boolean;
  throttle: Throttle;
  /** The 403 this resource answers without a permission; Graph's gateway message when absent. */
  denied?: () => GraphError;
  /** A POST that only reads (getByIds, What If): nothing to save after it. */
  readOnly?: true;
  handle(input: RouteInput): Response | Promise<Response>;
}

export const scopes = {
  readPolicies: ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess'],
  writePolicies: ['Policy.ReadWrite.ConditionalAccess'],
  /** authenticationstrengthpolicy-update: either permission writes strengths. */
  writeStrengths: ['Policy.ReadWrite.ConditionalAccess', 'Policy.ReadWrite.AuthenticationMethod'],
  /** authenticationcontextclassreference-update: least privileged first. */
  writeContexts: ['AuthenticationContext.ReadWrite.All', 'Policy.ReadWrite.ConditionalAccess'],
  /** group-post-groups: Group.ReadWrite.All delegated, Group.Create for applications, or Directory.ReadWrite.All. */
  createGroups: ['Group.ReadWrite.All', 'Group.Create', 'Directory.ReadWrite.All'],
  readDirectory: ['Directory.Read.All', 'Directory.ReadWrite.All'],
  readUsers: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readGroups: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readApplications: ['Application.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readRoles: ['RoleManagement.Read.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readAudit: ['AuditLog.Read.All'],
  readOrganization: ['User.Read', 'Organization.Read.All', 'Directory.Read.All'],
  readAgreements: ['Agreement.Read.All', 'Agreement.ReadWrite.All'],
} as const;

/** Delegated scopes with no application permission of the same name. */
const DELEGATED_ONLY = new Set(['User.Read']);

/** The permissions that grant the caller this route: delegated scopes for a user, application permissions for an app alone. */
export function acceptedPermissions(route: Route, principal: Principal): readonly string[] {
  if (!principal.app) return route.scopes;
  return route.roles ?? route.scopes.filter((scope) => !DELEGATED_ONLY.has(scope));
}

export const GUID = '([0-9a-fA-F-]{36})';
export const SEGMENT = '([^/]+)';

export function contextUrl(input: RouteInput, entitySet: string): string {
  return `https://graph.microsoft.com/${input.version}/$metadata#${entitySet}`;
}
