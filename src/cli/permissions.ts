// The least Microsoft Graph application permissions each command needs: one table, which
// `gatehouse permissions` prints and every command checks its token against before it reads
// anything, so a missing grant is named up front rather than met as a 403 halfway through.

export type CommandName =
  'backup' | 'diff' | 'lint' | 'docs' | 'plan' | 'apply' | 'whatif' | 'impact' | 'rollout' | 'report' | 'permissions';

export interface Permission {
  name: string;
  /** What the command reads with it, in words. */
  why: string;
  /** The command still runs without it, with less in its output. */
  optional?: boolean;
}

const READ_TENANT: Permission[] = [
  { name: 'Policy.Read.All', why: 'the policies, named locations, authentication strengths and authentication contexts' },
  { name: 'Directory.Read.All', why: "the names of the users, groups, roles and applications the policies name, and the tenant's name" },
  { name: 'Agreement.Read.All', why: 'the terms of use the policies require' },
];

/** What the evaluation commands read besides the sign-in log. */
const EVALUATE: Permission[] = [
  { name: 'Policy.Read.All', why: 'the saved policies and named locations the engine evaluates' },
  { name: 'Directory.Read.All', why: "the users' groups and roles, and the emergency accounts (the sign-in log needs it too)" },
];
const SIGN_IN_LOG: Permission = { name: 'AuditLog.Read.All', why: 'the sign-in log (auditLogs/signIns)' };

export const COMMAND_PERMISSIONS: Record<
  CommandName,
  {
    tenant: 'always' | 'unless reading files' | 'never';
    permissions: Permission[];
    /** Needed only by a plan that creates groups: checked by apply for such a plan, before it writes (listed as optional). */
    groupPlans?: Permission[];
  }
> = {
  backup: { tenant: 'always', permissions: READ_TENANT },
  diff: {
    tenant: 'unless reading files',
    permissions: [
      ...READ_TENANT,
      { name: 'AuditLog.Read.All', why: 'who changed each drifted policy, and when (directory audit log)', optional: true },
    ],
  },
  lint: { tenant: 'unless reading files', permissions: READ_TENANT },
  docs: { tenant: 'unless reading files', permissions: READ_TENANT },
  plan: { tenant: 'always', permissions: READ_TENANT },
  apply: {
    tenant: 'always',
    permissions: [
      { name: 'Policy.Read.All', why: 'the objects as they stand, read back after each write' },
      { name: 'Policy.ReadWrite.ConditionalAccess', why: 'creating and updating policies, named locations, strengths and contexts' },
      // Documented for applications writing policies (conditionalAccessPolicy update, application permissions).
      { name: 'Application.Read.All', why: 'the applications a policy names, which Graph checks when an application writes a policy' },
      { name: 'Group.Create', why: 'creating the groups a plan creates (only such plans)', optional: true },
    ],
    // apply looks a group up by name before creating it (a create whose answer never came) and to read it back.
    groupPlans: [
      {
        name: 'GroupMember.Read.All',
        why: 'finding the groups a plan creates, before and after creating them (or Group.Read.All, Directory.Read.All; only such plans)',
        optional: true,
      },
    ],
  },
  whatif: { tenant: 'always', permissions: EVALUATE },
  impact: { tenant: 'always', permissions: [SIGN_IN_LOG, ...EVALUATE] },
  rollout: {
    tenant: 'always',
    permissions: [
      SIGN_IN_LOG,
      { name: 'Directory.Read.All', why: "the rings' group members and the emergency accounts (the sign-in log needs it too)" },
      { name: 'Policy.Read.All', why: 'the policy rolled out, to see whether its controls moved since the rollout began' },
    ],
  },
  report: {
    tenant: 'always',
    permissions: [
      ...READ_TENANT,
      { name: 'AuditLog.Read.All', why: 'who changed each drifted policy, and when (directory audit log)', optional: true },
    ],
  },
  permissions: { tenant: 'never', permissions: [] },
};

/** Wider permissions that include a narrower one. */
const SUPERSETS: Record<string, string[]> = {
  'Application.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All', 'Application.ReadWrite.All'],
  'Group.Create': ['Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  'GroupMember.Read.All': ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
};

/** What apply needs, besides its own, of a plan that creates groups: the run stops on a 403 without them. */
export const GROUP_PLAN_PERMISSIONS: readonly string[] = ['Group.Create', 'GroupMember.Read.All'];

/** Of the permissions a plan that creates groups needs, those a token lacks (none when the token says nothing of them). */
export function lackedForGroups(granted: readonly string[] | null): Permission[] {
  if (granted === null) return [];
  const { permissions, groupPlans = [] } = COMMAND_PERMISSIONS.apply;
  return [...permissions, ...groupPlans].filter((p) => GROUP_PLAN_PERMISSIONS.includes(p.name) && !holds(granted, p.name));
}

export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMAND_PERMISSIONS, name);

// A write permission includes its read (Policy.ReadWrite.ConditionalAccess reads policies, Directory.ReadWrite.All the directory).
const holds = (granted: readonly string[], name: string) =>
  granted.includes(name) ||
  (name === 'Policy.Read.All' && granted.includes('Policy.ReadWrite.ConditionalAccess')) ||
  granted.includes(name.replace('.Read.', '.ReadWrite.')) ||
  (SUPERSETS[name] ?? []).some((wider) => granted.includes(wider));

/** What a token lacks of a command's permissions: required ones stop the command, optional ones are warned about. */
export function missingPermissions(command: CommandName, granted: readonly string[]): { required: Permission[]; optional: Permission[] } {
  const has = (name: string) => holds(granted, name);
  const missing = COMMAND_PERMISSIONS[command].permissions.filter((p) => !has(p.name));
  return { required: missing.filter((p) => !p.optional), optional: missing.filter((p) => p.optional) };
}

/**
 * The delegated scopes a person's sign-in (device code) asks for a command: the permissions it requires, not every
 * one consented (as Graph's .default would give), so a read command's token carries no write permission. An optional
 * one, or one the run goes on without (impact --allow-no-logs), is never asked: where the application has no consent
 * for it, asking stops the person at Entra's consent screen and nothing runs. Entra adds the scopes consented earlier
 * to the token, so such a permission is used when it was consented, and the run goes on without it when not. `asks`
 * names an optional one this run cannot do without (apply's plan that creates groups). Group.Create exists for
 * applications only: a signed-in user creates groups with Group.ReadWrite.All, Graph's least delegated one.
 */
export function delegatedScopes(
  command: CommandName,
  options: { asks?: (permission: Permission) => boolean; goesOnWithout?: readonly string[] } = {},
): string[] {
  const { asks = () => false, goesOnWithout = [] } = options;
  const names = COMMAND_PERMISSIONS[command].permissions
    .filter((p) => (p.optional ? asks(p) : !goesOnWithout.includes(p.name)))
    .map((p) => (p.name === 'Group.Create' ? 'Group.ReadWrite.All' : p.name));
  return [...new Set(names)];
}

export function permissionsText(command: CommandName): string {
  const entry = COMMAND_PERMISSIONS[command];
  if (entry.permissions.length === 0) return `gatehouse ${command} reads no tenant: it needs no Graph permission.\n`;
  const all = [...entry.permissions, ...(entry.groupPlans ?? [])];
  const width = Math.max(...all.map((p) => p.name.length));
  const lines = [
    `gatehouse ${command}: Microsoft Graph application permissions${entry.tenant === 'unless reading files' ? ' (none when it reads only files)' : ''}`,
    ...all.map((p) => `  ${p.name.padEnd(width)}  ${p.optional ? '(optional) ' : ''}${p.why}`),
  ];
  return `${lines.join('\n')}\n`;
}
