// What each --tenants command does for one tenant of the file: read it (signed in with its entry),
// back it up into its own folder, lint it with its emergency accounts, compare it with its baseline
// (with who changed what, from the audit log), and sum it up as a line of the all-tenant report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle } from '../../domain/bundle/bundle';
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
import type { LintFinding } from '../../domain/lint/types';
import { AUDIT_RETENTION_DAYS, listConditionalAccessEvents } from '../../graph/audit';
import { GraphRequestError } from '../../graph/errors';
import { getOrganization } from '../../graph/organization';
import { exportTenant } from '../../operations/export-tenant';
import type { Values } from '../args';
import { CliError } from '../cli-error';
import { readBackup } from '../files';
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
  return (await readBackup(path)).bundle;
}

/** Who last changed each drifted policy or named location since the baseline (by object id); empty without the audit log. */
export async function authorsOf(
  items: readonly DriftItem[],
  baseline: Bundle,
  connection: TenantConnection | null,
  io: CliIo,
): Promise<Map<string, { by: string; at: string }>> {
  const authors = new Map<string, { by: string; at: string }>();
  if (!connection || items.length === 0 || !connection.has('AuditLog.Read.All')) return authors;
  const retention = io.now().getTime() - AUDIT_RETENTION_DAYS * 86_400_000;
  const taken = Date.parse(baseline.manifest.capturedAt);
  const since = new Date(Number.isFinite(taken) && taken > retention ? taken : retention);
  try {
    const events = await listConditionalAccessEvents(connection.context.client, { since });
    for (const item of items) {
      const event = item.id ? events.find((e) => e.targetId === item.id) : undefined;
      if (event && item.id) authors.set(item.id, { by: event.by, at: event.at });
    }
  } catch (error) {
    // The drift stands without its authors when the log cannot be read.
    if (!(error instanceof GraphRequestError && (error.status === 401 || error.status === 403))) throw error;
  }
  return authors;
}

export interface TenantChecks {
  entry: TenantReportEntry;
  findings: LintFinding[];
  drift: DriftItem[] | null;
}

/** Lint, emergency access and (when a baseline is given) drift of one tenant, as its line of the report. */
export async function checkTenant(
  entry: TenantEntry,
  read: TenantRead,
  options: { baseline?: string; backups?: string },
  io: CliIo,
): Promise<TenantChecks> {
  const { bundle } = read;
  const emergency = emergencyAccessOf(entry.emergency, bundle.references);
  const findings = lintBundle(bundle, emergency, io.now());
  let drift: DriftItem[] | null = null;
  let summary;
  if (options.baseline) {
    const baseline = await readBaseline(options.baseline, entry);
    drift = driftItems(baseline, bundle);
    summary = driftSummary(options.baseline, drift, await authorsOf(drift, baseline, read.connection, io));
  }
  const at = options.backups ? await lastBackupAt(backupFolderOf(options.backups, entry)) : undefined;
  return {
    entry: summarizeTenant({
      tenantId: read.connection?.tenantId ?? entry.id,
      name: read.name,
      policies: bundle.policies,
      findings,
      ...(summary ? { drift: summary } : {}),
      ...(emergency ? { emergency: { worstPerPolicy: emergencyWorst(bundle, emergency) } } : {}),
      ...(at ? { lastBackupAt: at } : {}),
    }),
    findings,
    drift,
  };
}
