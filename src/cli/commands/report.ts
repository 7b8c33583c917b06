// `gatehouse report --tenants <file> --out <folder>`: the all-tenant report, read now from every
// tenant of the file (or a shard of it): policy states, lint with the tenant's emergency accounts,
// drift from its baseline, emergency access, and the age of its last backup (from --backups, whose
// lint suppressions apply to the tenant read now).
// Written as report.json (which the console opens offline), report.md and report.html; the
// Markdown also to the job summary. Exit 2 when a tenant could not be read, 1 on drift or lint
// errors, else 0.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { dateText } from '../../domain/documentation/words';
import { failedTenant, reportTotals, tenantsReport, type TenantsReport } from '../../domain/tenants/report';
import { reportHtml, reportMarkdown } from '../../domain/tenants/report-render';
import type { TenantEntry } from '../../domain/tenants/tenants-file';
import { CONNECTION_OPTIONS, HELP_OPTION, text } from '../args';
import { CliError } from '../cli-error';
import { checkOut } from '../files';
import { appendJobSummary, type CliIo } from '../io';
import { againstTenantsFile, readJoinedReports } from '../tenants/join-reports';
import { backupFolderOf, checkTenant, readTenant } from '../tenants/tenant-work';
import { exitOf, loadTenants, overTenants, TENANTS_OPTIONS } from '../tenants/tenants-run';
import { CREDENTIAL_OPTIONS, refuseCredentialOptions } from '../tenants/tenants-commands';
import { EXIT, type Command } from './command';
import { isolatedText } from '../../domain/isolate';

export const reportCommand: Command = {
  name: 'report',
  summary:
    'Report on every tenant of a tenants file: policy states, lint, drift from its baseline, emergency access and the age of its last backup, as JSON (the console opens it), Markdown and HTML.',
  usage:
    'gatehouse report --tenants <file> --out <folder> [--backups <folder>] [--shard i/n] [--concurrency n] [connection options]\n       gatehouse report --join <file or folder> [--join …] [--tenants <file>] --out <folder>',
  positionals: { min: 0, max: 0 },
  options: {
    ...TENANTS_OPTIONS,
    tenants: {
      ...TENANTS_OPTIONS.tenants!,
      description: `${TENANTS_OPTIONS.tenants!.description} With --join: the tenants the joined reports should hold, each one none holds named as missing.`,
    },
    out: {
      type: 'string',
      value: '<folder>',
      description: 'The folder report.json, report.md and report.html are written into (not a file name).',
    },
    join: {
      type: 'string',
      multiple: true,
      value: '<file or folder>',
      description:
        'Join the report.json files of a sharded run into one (a folder is searched for them); repeat for each. Reads no tenant.',
    },
    backups: {
      type: 'string',
      value: '<folder>',
      description:
        "The folder of the tenants' backups (gatehouse backup --tenants): each tenant's last backup time is read from it, and the lint suppressions its backup holds are applied.",
    },
    // Each tenant signs in with its entry of the file: --tenant and the credential options are
    // known here only to be refused in words, as the other commands' --tenants runs refuse them.
    ...Object.fromEntries(
      Object.entries(CONNECTION_OPTIONS).map(([name, spec]) => [
        name,
        { ...spec, hidden: ['tenant', ...CREDENTIAL_OPTIONS].includes(name) },
      ]),
    ),
    ...HELP_OPTION,
  },
  more: [
    'Each tenant signs in with its own entry of the file; a tenant that cannot be read is in the report with why, and the others go on.',
    '--authority and --graph-url apply to every tenant, "{tenant}" in them standing for its id.',
    'With --join, --tenants <file> (the file the shards were run over) names in the report, as missing, every tenant of it no joined report holds (its shard wrote no report.json), and warns of a tenant a report holds that the file does not name.',
    'Exit codes: 0 nothing to look at, 1 drift or lint errors in some tenant, 2 some tenant could not be read or is missing (or an error).',
  ].join('\n'),
  async run(values, _positionals, io) {
    const joining = values.join as string[] | undefined;
    const out = text(values, 'out');
    if (joining) {
      const readingOnly = ['shard', 'concurrency', 'backups', 'tenant', ...CREDENTIAL_OPTIONS].filter((name) => values[name] !== undefined);
      if (readingOnly.length > 0)
        throw new CliError(
          `${readingOnly.map((n) => `--${n}`).join(', ')} ${readingOnly.length > 1 ? 'go' : 'goes'} with reading the tenants (report --tenants without --join), not --join: joining reads no tenant.`,
        );
      if (!out) throw new CliError('Where to? Give --out <folder> for the joined report.json, report.md and report.html.');
      await refuseFileOut(out, io);
      // The file the shards were run over, read (a problem said in words) before any report is.
      const tenantsFile = text(values, 'tenants');
      const expected = tenantsFile === undefined ? undefined : { shown: tenantsFile, tenants: (await loadTenants(values, io)).tenants };
      return joinRun(joining, out, io, expected);
    }
    if (text(values, 'tenants') === undefined)
      throw new CliError('Which tenants? Give --tenants <file> (or --join the reports of a sharded run).');
    if (text(values, 'tenant') !== undefined) throw new CliError('--tenant and --tenants do not go together: the file names the tenants.');
    refuseCredentialOptions(values);
    if (!out) throw new CliError('Where to? Give --out <folder> for report.json, report.md and report.html.');
    await refuseFileOut(out, io);
    const backups = text(values, 'backups');
    const file = await loadTenants(values, io);
    const results = await overTenants(file, values, io, async (entry) => {
      const read = await readTenant('report', entry, values, io);
      const checked = await checkTenant(entry, read, { baseline: entry.baseline, backups: backups && resolve(io.cwd, backups) }, io);
      const { lint, drift } = checked.entry;
      const drifted = (drift?.added.length ?? 0) + (drift?.removed.length ?? 0) + (drift?.changed.length ?? 0);
      const line = `${checked.entry.policies?.total ?? 0} policies, ${lint?.errors ?? 0} lint error(s)${drift ? `, ${drifted} drifted` : ''}${
        backups && !checked.entry.lastBackupAt ? `, no backup in ${relative(io.cwd, backupFolderOf(resolve(io.cwd, backups), entry))}` : ''
      }`;
      return { value: checked.entry, finding: drifted > 0 || (lint?.errors ?? 0) > 0, line };
    });
    const report = tenantsReport(
      results.map((r) => (r.error !== undefined ? failedTenant(r.entry.id, r.entry.name, r.error) : r.value!)),
      io.now(),
    );
    await writeReport(report, out, io);
    const failed = results.filter((r) => r.error !== undefined);
    io.out(
      `Report of ${results.length} tenant(s) written to ${join(out, 'report.json')}, report.md and report.html: ${failed.length} could not be read, ${results.filter((r) => r.finding).length} with drift or lint errors.\n`,
    );
    for (const r of failed) io.out(`  ${isolatedText(r.entry.name)} (${r.entry.id}): ${r.error}\n`);
    return results.length === 0 ? EXIT.ok : exitOf(results);
  },
};

/** --out names a folder: a file's name (report.json) would make a folder of that name, with report.json inside it;
 *  a file already there (or in the way of it) is said before any tenant or report is read. */
async function refuseFileOut(out: string, io: CliIo) {
  const file = /\.(json|md|html?)$/i.exec(out);
  if (file)
    throw new CliError(
      `--out is a folder (report.json, report.md and report.html are written into it), not a .${file[1]!.toLowerCase()} file: give --out <folder>.`,
    );
  await checkOut(io.cwd, out, 'a folder', 'report.json, report.md and report.html');
}

/** report.json (which the console opens), report.md (also the job summary) and report.html. */
async function writeReport(report: TenantsReport, out: string, io: CliIo) {
  const folder = resolve(io.cwd, out);
  await mkdir(folder, { recursive: true });
  const markdown = reportMarkdown(report);
  await writeFile(join(folder, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(folder, 'report.md'), markdown);
  await writeFile(join(folder, 'report.html'), reportHtml(report));
  appendJobSummary(io, markdown);
}

async function joinRun(
  paths: readonly string[],
  out: string,
  io: CliIo,
  expected?: { shown: string; tenants: readonly TenantEntry[] },
): Promise<number> {
  const joined = await readJoinedReports(paths, io.cwd, resolve(io.cwd, out));
  const { repeated, keptReads, files } = joined;
  const held = expected ? againstTenantsFile(joined.report, expected.tenants, expected.shown) : undefined;
  const report = held?.report ?? joined.report;
  await writeReport(report, out, io);
  const totals = reportTotals(report);
  io.out(
    `${files.length} report(s) joined into ${join(out, 'report.json')}, report.md and report.html: ${totals.tenants} tenant(s), ${totals.unreadable} could not be read${held ? ` (${held.missing.length} missing)` : ''}, ${totals.drifted} drifted, ${totals.withLintErrors} with lint errors.\n`,
  );
  for (const m of held?.missing ?? []) io.out(`  ${isolatedText(m.name)} (${m.tenantId}): ${m.error}\n`);
  if (held && held.unexpected.length > 0)
    io.err(
      `In a joined report but not in ${expected!.shown}: ${held.unexpected.map((t) => `${isolatedText(t.name)} (${t.requested ?? t.tenantId})`).join(', ')}. Kept in the report; were those shards run over another tenants file?\n`,
    );
  if (repeated.length > 0)
    io.err(
      `In more than one report (the newest read kept, else the newest failure): ${repeated.join(', ')}. Do the shards overlap (the same --shard twice)?\n`,
    );
  for (const k of keptReads)
    io.err(
      `  ${isolatedText(k.name)} (${k.requested}): failed in a newer report (${dateText(k.failedAt)}: ${k.error}), kept the read of ${dateText(k.readAt)}.\n`,
    );
  if (totals.unreadable > 0) return EXIT.error;
  return totals.drifted + totals.withLintErrors > 0 ? EXIT.finding : EXIT.ok;
}
