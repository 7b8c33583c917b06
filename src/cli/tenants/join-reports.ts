// `gatehouse report --join`: the report.json files of a sharded run (one job per shard, each its own
// artifact) read and joined into one report. A folder is searched for report.json files, as a
// pipeline's download of every shard's artifact lays them out.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { joinReports, readTenantsReport, type JoinedReport } from '../../domain/tenants/report';
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
