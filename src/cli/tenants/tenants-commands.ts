// backup, lint and diff over a tenants file: the single-tenant command with --tenants, --shard and
// --concurrency added; without --tenants it runs as before. Each tenant's line is printed as it
// finishes, a line per tenant follows on stdout, and the all-tenant report's Markdown goes to the
// job summary. Exit 2 when a tenant failed, else 1 on drift or failing lint, else 0.
import { join, resolve } from 'node:path';
import { toJUnit, toMarkdown, toSarif } from '../../domain/lint';
import type { LintSeverity } from '../../domain/lint/types';
import { failedTenant, tenantsReport, type TenantReportEntry } from '../../domain/tenants/report';
import { reportMarkdown } from '../../domain/tenants/report-render';
import { summarizeTenant } from '../../domain/tenants/report';
import { tenantFolderName } from '../../domain/tenants/tenant-checks';
import { choice, text, type Values } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../commands/command';
import { readBackup, writeBackup, writeOutputFile } from '../files';
import { appendJobSummary, type CliIo } from '../io';
import { sarifLocator } from '../sarif-locator';
import { backupFolderOf, checkTenant, lastBackupAt, readTenant } from './tenant-work';
import { exitOf, loadTenants, overTenants, TENANTS_OPTIONS, type TenantResult } from './tenants-run';

type ManyRun = (values: Values, positionals: string[], io: CliIo) => Promise<number>;

/** Sign-in options one tenant takes: with --tenants each tenant signs in with its own entry of the file. */
export const CREDENTIAL_OPTIONS = ['client-id', 'auth', 'certificate', 'federated-token-file'] as const;

export function refuseCredentialOptions(values: Values) {
  const given = CREDENTIAL_OPTIONS.filter((name) => values[name] !== undefined);
  if (given.length > 0)
    throw new CliError(
      `${given.map((n) => `--${n}`).join(', ')} ${given.length > 1 ? 'are' : 'is'} not taken with --tenants: each tenant's credentials come from its entry in the tenants file (clientId, auth, certificate or token file).`,
    );
}

/** The command with --tenants: the many-tenant run when it is given, the command's own otherwise. */
export function withTenants(command: Command, many: ManyRun, more: string, positionals = command.positionals): Command {
  return {
    ...command,
    usage: `${command.usage}\n       ${more}`,
    positionals: { min: 0, max: Math.max(positionals.max, command.positionals.max) },
    options: { ...command.options, ...TENANTS_OPTIONS },
    run: (values, args, io) => {
      if (text(values, 'tenants') !== undefined) {
        if (args.length > positionals.max) throw new CliError(`Too many arguments with --tenants.\nUsage: ${more}`);
        if (text(values, 'tenant') !== undefined)
          throw new CliError('--tenant and --tenants do not go together: the file names the tenants.');
        refuseCredentialOptions(values);
        return many(values, args, io);
      }
      if (text(values, 'shard') !== undefined || text(values, 'concurrency') !== undefined)
        throw new CliError('--shard and --concurrency go with --tenants <file>.');
      if (args.length < command.positionals.min)
        throw new CliError(`Expected ${command.positionals.min} argument(s).\nUsage: ${command.usage}`);
      return command.run(values, args, io);
    },
  };
}

/** The report's lines of a run, for stdout and the job summary. */
function finish<T>(results: TenantResult<T>[], entryOf: (value: T) => TenantReportEntry, io: CliIo, title: string): number {
  const entries = results.map((r) => (r.error !== undefined ? failedTenant(r.entry.id, r.entry.name, r.error) : entryOf(r.value as T)));
  const failed = results.filter((r) => r.error !== undefined).length;
  const found = results.filter((r) => r.finding).length;
  io.out(`${title}: ${results.length} tenant(s), ${failed} failed${found ? `, ${found} with findings` : ''}.\n`);
  for (const r of results.filter((x) => x.error !== undefined)) io.out(`  ${r.entry.name} (${r.entry.id}): ${r.error}\n`);
  appendJobSummary(io, reportMarkdown(tenantsReport(entries, io.now())).replace(/^# .*/, `# ${title}`));
  return exitOf(results);
}

async function backupMany(values: Values, _args: string[], io: CliIo): Promise<number> {
  const out = text(values, 'out');
  if (!out) throw new CliError('Where to? Give --out <folder>: each tenant is backed up into its own folder there, named by its id.');
  if (out.endsWith('.json')) throw new CliError('With --tenants, --out is a folder (one folder per tenant in it), not a .json file.');
  const file = await loadTenants(values, io);
  const root = resolve(io.cwd, out);
  const results = await overTenants(file, values, io, async (entry) => {
    const read = await readTenant('backup', entry, values, io);
    const folder = backupFolderOf(root, entry);
    const result = await writeBackup(read.bundle, folder);
    const at = await lastBackupAt(folder);
    const entryLine = summarizeTenant({
      tenantId: entry.id,
      name: read.name,
      policies: read.bundle.policies,
      ...(at ? { lastBackupAt: at } : {}),
    });
    const line = result.changed
      ? `backed up to ${join(out, tenantFolderName(entry))}: ${read.bundle.manifest.counts.policies} policies (${result.written} file(s) written, ${result.removed} removed)`
      : `unchanged since the backup in ${join(out, tenantFolderName(entry))}`;
    return { value: entryLine, finding: false, line };
  });
  return finish(results, (e) => e, io, 'Conditional Access backup');
}

const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];
const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };
const LINT_FORMATS = ['text', 'sarif', 'junit', 'markdown'] as const;
const EXTENSION = { sarif: 'sarif', junit: 'xml', markdown: 'md' } as const;

async function lintMany(values: Values, _args: string[], io: CliIo): Promise<number> {
  const format = choice(values, 'format', LINT_FORMATS, 'text');
  const failOn = choice(values, 'fail-on', SEVERITIES, 'error');
  const out = text(values, 'out');
  if (format !== 'text' && !out) throw new CliError(`With --tenants, --format ${format} writes one file per tenant: give --out <folder>.`);
  for (const unsupported of ['suppressions', 'emergency', 'stale-after-days', 'naming-pattern'])
    if (values[unsupported] !== undefined)
      throw new CliError(
        `--${unsupported} is not taken with --tenants: each tenant's emergency accounts come from the file, its suppressions from its backup.`,
      );
  const from = text(values, 'from');
  const file = await loadTenants(values, io);
  const results = await overTenants(file, values, io, async (entry) => {
    const folder = from ? backupFolderOf(resolve(io.cwd, from), entry) : null;
    const backup = folder ? await readBackup(folder) : null;
    const read = backup ? { bundle: backup.bundle, connection: null, name: entry.name } : await readTenant('lint', entry, values, io);
    const checked = await checkTenant(entry, read, {}, io);
    const failing = checked.findings.filter((f) => !f.suppressed && RANK[f.severity] <= RANK[failOn]).length;
    if (format !== 'text' && out) {
      const title = `Conditional Access lint: ${read.name}`;
      const body =
        format === 'sarif'
          ? // Code scanning wants a file for every result: the tenant's backup, else the tenants file naming it.
            `${JSON.stringify(toSarif(checked.findings, backup ? sarifLocator(backup.files, folder, io.cwd) : sarifLocator(null, file.path, io.cwd)), null, 2)}\n`
          : format === 'junit'
            ? toJUnit(checked.findings, { failOn })
            : toMarkdown(checked.findings, { title });
      await writeOutputFile(io.cwd, join(out, `${tenantFolderName(entry)}.${EXTENSION[format]}`), body);
    }
    const lint = checked.entry.lint!;
    return {
      value: checked.entry,
      finding: failing > 0,
      line: `${lint.errors} error(s), ${lint.warnings} warning(s), ${lint.infos} info, ${lint.suppressed} suppressed; ${failing} at or above ${failOn}`,
    };
  });
  return finish(results, (e) => e, io, 'Conditional Access lint');
}

async function diffMany(values: Values, args: string[], io: CliIo): Promise<number> {
  const backups = args[0];
  const file = await loadTenants(values, io);
  const results = await overTenants(file, values, io, async (entry) => {
    const baseline = backups ? backupFolderOf(resolve(io.cwd, backups), entry) : entry.baseline;
    if (!baseline) throw new CliError(`The tenants file gives ${entry.name} no baseline, and no folder of backups was given.`);
    const read = await readTenant('diff', entry, values, io);
    const checked = await checkTenant(entry, read, { baseline }, io);
    const drift = checked.drift ?? [];
    const lines = drift.map((d) => {
      const author = checked.entry.drift?.changed.find((c) => c.name === d.label)?.by;
      return `  ${read.name}: ${d.label}: ${d.kind}${author ? ` by ${author}` : ''}${d.changes.map((c) => `\n      ${c}`).join('')}\n`;
    });
    return {
      value: { entry: checked.entry, lines },
      finding: drift.length > 0,
      line: drift.length ? `${drift.length} item(s) differ from ${baseline}` : 'no drift',
    };
  });
  // In the file's order, not as the tenants finish: a job's log reads the same from run to run.
  for (const r of results) io.out((r.value?.lines ?? []).join(''));
  return finish(results, (v) => v.entry, io, 'Conditional Access drift');
}

export const tenantsBackup = (command: Command) =>
  withTenants(command, backupMany, 'gatehouse backup --tenants <file> --out <folder> [--shard i/n] [--concurrency n]');
export const tenantsLint = (command: Command) =>
  withTenants(
    command,
    lintMany,
    'gatehouse lint --tenants <file> [--from <folder of backups>] [--format text|sarif|junit|markdown --out <folder>] [--fail-on …] [--shard i/n] [--concurrency n]',
  );
export const tenantsDiff = (command: Command) =>
  withTenants(
    command,
    diffMany,
    "gatehouse diff --tenants <file> [<folder of backups>] [--shard i/n] [--concurrency n] (each tenant against its folder there, else its file's baseline)",
    { min: 0, max: 1 },
  );
