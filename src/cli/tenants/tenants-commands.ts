// backup and lint over a tenants file (diff in diff-tenants.ts): the single-tenant command with --tenants,
// --shard and --concurrency added; without --tenants it runs as before. An option of the command the
// many-tenant run does not take is refused in words, never left unread. Each tenant's line is printed as it
// finishes, a line per tenant follows on stdout (lint without --out prints each tenant's findings first,
// in the file's order), and the all-tenant report's Markdown goes to the job summary. Exit 2 when a tenant
// failed, else 1 on drift or failing lint, else 0.
import { join, resolve } from 'node:path';
import { LINT_SUPPRESSIONS_FILE } from '../../domain/bundle/folder';
import { toJUnit, toMarkdown, toSarif } from '../../domain/lint';
import type { LintSeverity } from '../../domain/lint/types';
import { failedTenant, tenantsReport, type TenantReportEntry } from '../../domain/tenants/report';
import { reportMarkdown } from '../../domain/tenants/report-render';
import { summarizeTenant } from '../../domain/tenants/report';
import { tenantFolderName } from '../../domain/tenants/tenant-checks';
import { choice, text, type Values } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../commands/command';
import { asText as lintText, lintOptionsOf, suppressionsFrom, unknownRules } from '../commands/lint';
import { checkOut, readBackup, writeOutputFile } from '../files';
import { writeBackup } from '../write-backup';
import { appendJobSummary, type CliIo } from '../io';
import { sarifLocator } from '../sarif-locator';
import { backupFolderOf, checkTenant, lastBackupAt, readTenant } from './tenant-work';
import { exitOf, loadTenants, overTenants, TENANTS_OPTIONS, type TenantResult } from './tenants-run';
import { isolatedText } from '../../domain/isolate';

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

/** What a --tenants run does with the command's own options: those it takes; each other one given is refused, saying why. */
export interface ManyOptions {
  takes: readonly string[];
  /** Why an option is not taken with --tenants, by option (default: it is for the command on one tenant). */
  why?: Readonly<Record<string, string>>;
}

/** Taken by every --tenants run: the file, its shard, and where every tenant signs in. */
const ALWAYS = ['tenants', 'shard', 'concurrency', 'help', 'authority', 'graph-url', 'service-connection-id'];

/** Refuses, in words, every option the --tenants run would otherwise leave unread. */
export function refuseUntaken(name: string, values: Values, options: ManyOptions) {
  if (text(values, 'tenant') !== undefined) throw new CliError('--tenant and --tenants do not go together: the file names the tenants.');
  refuseCredentialOptions(values);
  const untaken = Object.keys(values).filter((o) => values[o] !== undefined && !ALWAYS.includes(o) && !options.takes.includes(o));
  if (untaken.length > 0) {
    const option = untaken[0]!;
    throw new CliError(
      `--${option} is not taken with --tenants: ${options.why?.[option] ?? `it is for gatehouse ${name} on one tenant (--tenant)`}. See gatehouse ${name} --help.`,
    );
  }
}

/** The command with --tenants: the many-tenant run when it is given, the command's own otherwise. */
export function withTenants(
  command: Command,
  many: ManyRun,
  more: string,
  options: ManyOptions,
  positionals = command.positionals,
): Command {
  return {
    ...command,
    usage: `${command.usage}\n       ${more}`,
    positionals: { min: 0, max: Math.max(positionals.max, command.positionals.max) },
    options: { ...command.options, ...TENANTS_OPTIONS },
    run: (values, args, io) => {
      if (text(values, 'tenants') !== undefined) {
        if (args.length > positionals.max) throw new CliError(`Too many arguments with --tenants.\nUsage: ${more}`);
        refuseUntaken(command.name, values, options);
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

/** The report's lines of a run, for stdout (or `say`: stderr when stdout holds a document) and the job summary. */
export function finish<T>(
  results: TenantResult<T>[],
  entryOf: (value: T) => TenantReportEntry,
  io: CliIo,
  title: string,
  say: (words: string) => void = io.out,
): number {
  const entries = results.map((r) => (r.error !== undefined ? failedTenant(r.entry.id, r.entry.name, r.error) : entryOf(r.value as T)));
  const failed = results.filter((r) => r.error !== undefined).length;
  const found = results.filter((r) => r.finding).length;
  say(`${title}: ${results.length} tenant(s), ${failed} failed${found ? `, ${found} with findings` : ''}.\n`);
  for (const r of results.filter((x) => x.error !== undefined)) say(`  ${isolatedText(r.entry.name)} (${r.entry.id}): ${r.error}\n`);
  appendJobSummary(io, reportMarkdown(tenantsReport(entries, io.now())).replace(/^# .*/, `# ${title}`));
  return exitOf(results);
}

async function backupMany(values: Values, _args: string[], io: CliIo): Promise<number> {
  const out = text(values, 'out');
  if (!out) throw new CliError('Where to? Give --out <folder>: each tenant is backed up into its own folder there, named by its id.');
  if (out.endsWith('.json')) throw new CliError('With --tenants, --out is a folder (one folder per tenant in it), not a .json file.');
  await checkOut(io.cwd, out, 'a folder', 'one folder per tenant');
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
const EXTENSION = { text: 'txt', sarif: 'sarif', junit: 'xml', markdown: 'md' } as const;

async function lintMany(values: Values, _args: string[], io: CliIo): Promise<number> {
  const format = choice(values, 'format', LINT_FORMATS, 'text');
  const failOn = choice(values, 'fail-on', SEVERITIES, 'error');
  // One tenant's --stale-after-days and --naming-pattern, for every tenant.
  const lintOptions = lintOptionsOf(values);
  const out = text(values, 'out');
  if (format !== 'text' && !out) throw new CliError(`With --tenants, --format ${format} writes one file per tenant: give --out <folder>.`);
  if (out && /\.(txt|sarif|xml|md|json)$/i.test(out))
    throw new CliError(
      `With --tenants, --out is a folder, not ${out}: each tenant's lint goes into its own file there (<tenant id>.${EXTENSION[format]}).`,
    );
  if (out) await checkOut(io.cwd, out, 'a folder', `each tenant's lint file (<tenant id>.${EXTENSION[format]})`);
  // The file's suppressions for every tenant (a policy's only where that policy is), then those each backup holds.
  const suppressions = await suppressionsFrom(text(values, 'suppressions'), io.cwd);
  const from = text(values, 'from');
  const file = await loadTenants(values, io);
  const results = await overTenants(file, values, io, async (entry) => {
    const shown = from ? join(from, tenantFolderName(entry)) : null;
    const backup = shown ? await readBackup(shown, io.cwd) : null;
    // What `lint --from` says of one backup, said of each: its problems, and suppressions naming no rule.
    if (backup && shown) {
      for (const problem of backup.problems) io.err(`${shown}: ${problem}\n`);
      for (const line of unknownRules(backup.bundle.lintSuppressions, join(shown, LINT_SUPPRESSIONS_FILE))) io.err(`Warning: ${line}\n`);
    }
    const read = backup ? { bundle: backup.bundle, connection: null, name: entry.name } : await readTenant('lint', entry, values, io);
    const checked = await checkTenant(entry, read, { suppressions, lint: lintOptions }, io);
    const failing = checked.findings.filter((f) => !f.suppressed && RANK[f.severity] <= RANK[failOn]).length;
    const title = `Conditional Access lint: ${isolatedText(read.name)}`;
    const folder = shown && resolve(io.cwd, shown);
    const body =
      format === 'sarif'
        ? // Code scanning wants a file for every result: the tenant's backup, else the tenants file naming it.
          `${JSON.stringify(toSarif(checked.findings, backup ? sarifLocator(backup.files, folder, io.cwd) : sarifLocator(null, file.path, io.cwd)), null, 2)}\n`
        : format === 'junit'
          ? toJUnit(checked.findings, { failOn })
          : format === 'markdown'
            ? toMarkdown(checked.findings, { title })
            : lintText(checked.findings, shown ? `the backup in ${shown}` : `the tenant ${isolatedText(read.name)}`, failOn);
    if (out) await writeOutputFile(io.cwd, join(out, `${tenantFolderName(entry)}.${EXTENSION[format]}`), body);
    const lint = checked.entry.lint!;
    return {
      // Without --out (text only) the findings go to stdout once every tenant is done, in the file's order.
      value: { entry: checked.entry, text: out ? null : body },
      finding: failing > 0,
      line: `${lint.errors} error(s), ${lint.warnings} warning(s), ${lint.infos} info, ${lint.suppressed} suppressed; ${failing} at or above ${failOn}`,
    };
  });
  // Without --out, a pipeline's log names every finding: each tenant's under its name, in the file's order.
  for (const r of results) if (r.value?.text) io.out(`== ${isolatedText(r.entry.name)} (${r.entry.id}) ==\n${r.value.text}\n`);
  return finish(results, (v) => v.entry, io, 'Conditional Access lint');
}

export const tenantsBackup = (command: Command) =>
  withTenants(command, backupMany, 'gatehouse backup --tenants <file> --out <folder> [--shard i/n] [--concurrency n]', { takes: ['out'] });

export const tenantsLint = (command: Command) =>
  withTenants(
    command,
    lintMany,
    'gatehouse lint --tenants <file> [--from <folder of backups>] [--format text|sarif|junit|markdown] [--out <folder>, else text to stdout under each tenant name] [--fail-on …] [--suppressions <file>] [--stale-after-days <n>] [--naming-pattern <regex>] [--shard i/n] [--concurrency n]',
    {
      takes: ['from', 'format', 'out', 'fail-on', 'suppressions', 'stale-after-days', 'naming-pattern'],
      why: {
        emergency: 'each tenant\'s emergency accounts come from its entry in the tenants file ("emergency"), as ids are a tenant\'s own',
      },
    },
  );

/** A command that works on one tenant: --tenants is known only to be refused in words (not taken for a typo of --tenant). */
export const oneTenant = (command: Command): Command => ({
  ...command,
  options: { ...command.options, tenants: { ...TENANTS_OPTIONS.tenants!, hidden: true } },
  // Its arguments are counted once --tenants is refused: that is the mistake to name first.
  positionals: { min: 0, max: command.positionals.max },
  run: (values, args, io) => {
    if (values.tenants !== undefined)
      throw new CliError(
        `gatehouse ${command.name} works on one tenant: --tenants is not taken. Give --tenant <id> (or AZURE_TENANT_ID), once for each tenant.`,
      );
    const { min, max } = command.positionals;
    if (args.length < min)
      throw new CliError(`Expected ${min === max ? min : `at least ${min}`} argument(s), got ${args.length}.\nUsage: ${command.usage}`);
    return command.run(values, args, io);
  },
});
