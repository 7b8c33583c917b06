// `gatehouse report --join`: the report.json files of a sharded run (one job per shard, each its own
// artifact) read and joined into one report. A folder is searched for report.json files, as a
// pipeline's download of every shard's artifact lays them out. Given the tenants file the shards
// were run over, a tenant no report holds (its shard's job stopped before writing report.json) is
// named, not lost.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  failedTenant,
  joinReports,
  readTenantsReport,
  tenantsReport,
  type JoinedReport,
  type TenantReportEntry,
  type TenantsReport,
} from '../../domain/tenants/report';
import type { TenantEntry } from '../../domain/tenants/tenants-file';
import { CliError } from '../cli-error';
import { readUserText } from '../files';

const REPORT_FILE = 'report.json';
/** Deep enough for artifacts/shard-3/report-3/report.json, not a walk of a whole repository. */
const MOST_DEPTH = 4;

async function reportFilesIn(folder: string, skip: string, depth = 0): Promise<string[]> {
  if (folder === skip) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  const here = entries.filter((e) => e.isFile() && e.name === REPORT_FILE).map((e) => join(folder, e.name));
  if (depth >= MOST_DEPTH) return here;
  const below = await Promise.all(
    entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => reportFilesIn(join(folder, e.name), skip, depth + 1)),
  );
  return [...here, ...below.flat()].sort();
}

/**
 * Every report the paths give (files, or folders holding report.json files), joined. The folder the
 * joined report goes to (`out`) is not searched: a second run must not join its own last output.
 */
export async function readJoinedReports(paths: readonly string[], cwd: string, out: string): Promise<JoinedReport & { files: string[] }> {
  const files: string[] = [];
  for (const path of paths) {
    const at = resolve(cwd, path);
    const kind = await stat(at).catch(() => null);
    if (!kind) throw new CliError(`${path}: no such file or folder.`);
    const found = kind.isDirectory() ? await reportFilesIn(at, out) : [at];
    if (found.length === 0) throw new CliError(`${path}: no ${REPORT_FILE} in this folder (or the folders in it).`);
    files.push(...found);
  }
  const reports = await Promise.all(
    files.map(async (file) => {
      const read = readTenantsReport(await readUserText(file, file, 'a tenants report (JSON)'));
      if (!read.ok) throw new CliError(`${file}: ${read.message}`);
      return read.report;
    }),
  );
  return { ...joinReports(reports), files };
}

export interface AgainstTenantsFile {
  /** The joined report with a line, as a tenant that could not be read, for each tenant of the file no report holds. */
  report: TenantsReport;
  /** The tenants of the file no joined report holds. */
  missing: TenantReportEntry[];
  /** What the reports hold that the file does not name. */
  unexpected: TenantReportEntry[];
}

/**
 * The joined report held to the tenants file the shards were run over. A tenant is matched as the
 * join matches it: by the file's id (a domain, say), which a report keeps as `requested`, or by the
 * tenant's id, without case.
 */
export function againstTenantsFile(report: TenantsReport, tenants: readonly TenantEntry[], fileShown: string): AgainstTenantsFile {
  const idsOf = (entry: TenantReportEntry) =>
    [entry.requested, entry.tenantId].filter((id): id is string => !!id).map((id) => id.toLowerCase());
  const held = new Set(report.tenants.flatMap(idsOf));
  const named = new Set(tenants.map((t) => t.id.toLowerCase()));
  const missing = tenants
    .filter((t) => !held.has(t.id.toLowerCase()))
    .map((t) =>
      failedTenant(
        t.id,
        t.name,
        `Missing: in none of the joined reports, though ${fileShown} names it (did its shard's job stop before writing report.json?).`,
      ),
    );
  const unexpected = report.tenants.filter((entry) => !idsOf(entry).some((id) => named.has(id)));
  const joined = missing.length > 0 ? tenantsReport([...report.tenants, ...missing], new Date(report.generatedAt)) : report;
  return { report: joined, missing, unexpected };
}
