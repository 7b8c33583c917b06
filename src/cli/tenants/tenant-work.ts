// What each --tenants command does for one tenant of the file: read it (signed in with its entry),
// back it up into its own folder, lint it with its emergency accounts, compare it with its baseline
// (with who changed what, from the audit log), and sum it up as a line of the all-tenant report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle, ReferenceEntry } from '../../domain/bundle/bundle';
import { summarizeTenant, type TenantReportEntry } from '../../domain/tenants/report';
import {
  driftItems,
  driftSummary,
  emergencyAccessOf,
  emergencyWorst,
  lintBundle,
  tenantFolderName,
  type DriftItem,
} from '../../domain/tenants/tenant-checks';
import type { TenantEntry } from '../../domain/tenants/tenants-file';
import { LINT_SUPPRESSIONS_FILE } from '../../domain/bundle/folder';
import type { LintFinding, LintOptions, LintSuppression } from '../../domain/lint/types';
import { AUDIT_RETENTION_DAYS, listConditionalAccessEvents } from '../../graph/audit';
import { GraphRequestError } from '../../graph/errors';
import { getOrganization } from '../../graph/organization';
import { readGroupUsers, readMembership } from '../../graph/directory';
import type { EmergencyAccess, Memberships } from '../../domain/lockout';
import { exportTenant } from '../../operations/export-tenant';
import type { Values } from '../args';
import { CliError } from '../cli-error';
import { unknownRules } from '../commands/lint';
import { lostWords, readBackup } from '../files';
import type { CliIo } from '../io';
import type { CommandName } from '../permissions';
import type { TenantConnection } from '../tenant';
import { connectEntry } from './tenants-run';

export interface TenantRead {
  bundle: Bundle;
  connection: TenantConnection | null;
  /** The tenant's name as its directory says, else the file's. */
  name: string;
}

/** The tenant as it is now, read as a backup would be (nothing written). */
export async function readTenant(command: CommandName, entry: TenantEntry, values: Values, io: CliIo): Promise<TenantRead> {
  const connection = await connectEntry(command, entry, values, io);
  const organization = await getOrganization(connection.context.client);
  const bundle = await exportTenant(connection.context, organization?.displayName ?? null);
  return { bundle, connection, name: organization?.displayName ?? entry.name };
}

/** A tenant's backup under a folder of backups (one folder per tenant, by its id). */
export const backupFolderOf = (root: string, entry: TenantEntry) => join(root, tenantFolderName(entry));

/** When the backup in the folder was taken (its manifest), or undefined when there is none. */
export async function lastBackupAt(folder: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { capturedAt?: unknown };
    return typeof value.capturedAt === 'string' ? value.capturedAt : undefined;
  } catch {
    return undefined;
  }
}

export async function readBaseline(path: string | undefined, entry: TenantEntry): Promise<Bundle> {
  if (!path) throw new CliError(`The tenants file gives ${entry.name} no baseline (and no folder of backups was given).`);
  const read = await readBackup(path);
  // Drift from a baseline that lost what it held would name as drift what the tenant never lost (as `diff` says).
  const lost = lostWords(
    `The baseline ${path}`,
    read.lost,
    (one) =>
      `drift from it would show ${one ? 'it' : 'them'} though the tenant may have ${one ? 'it' : 'them'} as backed up. Restore the file (from git) or take a new backup.`,
  );
  if (lost) throw new CliError(lost);
  return read.bundle;
}

/** Who last changed each drifted policy or named location since the baseline (by object id); empty without the audit log. */
export async function authorsOf(
  items: readonly DriftItem[],
  baseline: Bundle,
  connection: TenantConnection | null,
  io: CliIo,
): Promise<Map<string, { by: string; at: string; activity: string }>> {
  const authors = new Map<string, { by: string; at: string; activity: string }>();
  if (!connection || items.length === 0 || !connection.has('AuditLog.Read.All')) return authors;
  const retention = io.now().getTime() - AUDIT_RETENTION_DAYS * 86_400_000;
  const taken = Date.parse(baseline.manifest.capturedAt);
  const since = new Date(Number.isFinite(taken) && taken > retention ? taken : retention);
  try {
    const events = await listConditionalAccessEvents(connection.context.client, { since });
    for (const item of items) {
      const event = item.id ? events.find((e) => e.targetId === item.id) : undefined;
      if (event && item.id) authors.set(item.id, { by: event.by, at: event.at, activity: event.activity });
    }
  } catch (error) {
    // The drift stands without its authors when the log cannot be read.
    if (!(error instanceof GraphRequestError && (error.status === 401 || error.status === 403))) throw error;
  }
  return authors;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The emergency accounts the file names by sign-in name that the backup's reference table does not
 * hold (no policy names them), looked up in the directory: the analysis compares ids.
 */
async function emergencyUsers(entry: TenantEntry, read: TenantRead): Promise<ReferenceEntry[]> {
  const known = (key: string) =>
    read.bundle.references.some(
      (r) => r.id.toLowerCase() === key.toLowerCase() || r.userPrincipalName?.toLowerCase() === key.toLowerCase(),
    );
  const client = read.connection?.context.client;
  const wanted = entry.emergency.users.filter((u) => !GUID.test(u) && !known(u));
  if (!client || wanted.length === 0) return [];
  return Promise.all(
    wanted.map(async (upn) => {
      try {
        const user = await client.get<{ id: string; displayName?: string; userPrincipalName?: string }>(
          `/v1.0/users/${encodeURIComponent(upn)}?$select=id,displayName,userPrincipalName`,
        );
        return {
          kind: 'user' as const,
          id: user.id,
          displayName: user.displayName ?? upn,
          userPrincipalName: user.userPrincipalName ?? upn,
          exists: true,
        };
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404)
          throw new CliError(`The emergency account ${upn} the tenants file names is not in the directory of ${read.name}.`);
        throw error;
      }
    }),
  );
}

/**
 * The emergency accounts as the directory has them, as the console reads them: the users in the
 * emergency groups, and the groups and roles each account belongs to (an account excluded through
 * its group is not affected). Without a connection (a backup read offline) they stay unknown.
 */
async function emergencyDirectory(
  access: EmergencyAccess | undefined,
  read: TenantRead,
): Promise<{ access: EmergencyAccess | undefined; memberships?: Memberships }> {
  const client = read.connection?.context.client;
  if (!access || !client) return { access };
  const members = (
    await Promise.all(access.groups.map(async (group) => (await readGroupUsers(client, group.id)).map((user) => ({ user, group }))))
  ).flat();
  const ids = [...new Set([...access.users.map((u) => u.id), ...members.map((m) => m.user.id)])];
  const memberships: Memberships = new Map(
    await Promise.all(ids.map(async (id) => [id, await readMembership(client, 'users', id)] as const)),
  );
  return { access: { ...access, members }, memberships };
}

export interface TenantChecks {
  entry: TenantReportEntry;
  findings: LintFinding[];
  drift: DriftItem[] | null;
  /** Who last changed each drifted object (by id), whatever its kind: an added one has an author too. */
  authors: ReadonlyMap<string, { by: string; at: string; activity: string }>;
}

/**
 * The lint suppressions of the tenant's backup in a folder of backups (none when it holds no backup):
 * the tenant read now is linted with what its admins accepted there. One that cannot be read is said.
 */
async function backupSuppressions(backups: string, entry: TenantEntry, io: CliIo): Promise<LintSuppression[]> {
  const folder = backupFolderOf(backups, entry);
  if (!(await lastBackupAt(folder))) return [];
  try {
    const { bundle } = await readBackup(folder);
    for (const line of unknownRules(bundle.lintSuppressions, join(folder, LINT_SUPPRESSIONS_FILE))) io.err(`Warning: ${line}\n`);
    return bundle.lintSuppressions;
  } catch (error) {
    io.err(`Warning: the lint suppressions of ${folder} are left out: ${error instanceof Error ? error.message : String(error)}\n`);
    return [];
  }
}

/**
 * Lint, emergency access and (when a baseline is given) drift of one tenant, as its line of the report.
 * Suppressions: the run's (--suppressions), then those of its backup under `backups`, then the bundle's own.
 */
export async function checkTenant(
  entry: TenantEntry,
  read: TenantRead,
  options: { baseline?: string; backups?: string; suppressions?: readonly LintSuppression[]; lint?: LintOptions },
  io: CliIo,
): Promise<TenantChecks> {
  const kept = options.backups ? await backupSuppressions(options.backups, entry, io) : [];
  const bundle = { ...read.bundle, lintSuppressions: [...(options.suppressions ?? []), ...kept, ...read.bundle.lintSuppressions] };
  const { access: emergency, memberships } = await emergencyDirectory(
    emergencyAccessOf(entry.emergency, [...bundle.references, ...(await emergencyUsers(entry, read))]),
    read,
  );
  const findings = lintBundle(bundle, emergency, io.now(), memberships, options.lint);
  let drift: DriftItem[] | null = null;
  let summary;
  let authors = new Map<string, { by: string; at: string; activity: string }>();
  if (options.baseline) {
    const baseline = await readBaseline(options.baseline, entry);
    drift = driftItems(baseline, bundle);
    authors = await authorsOf(drift, baseline, read.connection, io);
    summary = driftSummary(options.baseline, drift, authors);
  }
  const at = options.backups ? await lastBackupAt(backupFolderOf(options.backups, entry)) : undefined;
  return {
    entry: summarizeTenant({
      tenantId: read.connection?.tenantId ?? entry.id,
      requested: entry.id,
      name: read.name,
      policies: bundle.policies,
      findings,
      ...(summary ? { drift: summary } : {}),
      ...(emergency ? { emergency: { worstPerPolicy: emergencyWorst(bundle, emergency, memberships) } } : {}),
      ...(at ? { lastBackupAt: at } : {}),
    }),
    findings,
    drift,
    authors,
  };
}
