// diff over a tenants file: each tenant read now and compared with its backup (its folder under the
// folder of backups given, else its baseline in the tenants file), with who changed each object. The
// drift is printed in the file's order as text, Markdown or one JSON document for every tenant.
import { join, relative, resolve } from 'node:path';
import { escapeMarkdown } from '../../domain/lint/markdown';
import type { TenantReportEntry } from '../../domain/tenants/report';
import { tenantFolderName, type DriftItem } from '../../domain/tenants/tenant-checks';
import { choice, type Values } from '../args';
import { CliError } from '../cli-error';
import type { Command } from '../commands/command';
import { isFolder } from '../files';
import type { CliIo } from '../io';
import { tenantsDiffDocument } from '../commands/diff-json';
import { backupFolderOf, checkTenant, readTenant } from './tenant-work';
import { finish, withTenants } from './tenants-commands';
import { loadTenants, overTenants } from './tenants-run';
import type { TenantEntry } from '../../domain/tenants/tenants-file';
import { isolatedText } from '../../domain/isolate';

const FORMATS = ['text', 'markdown', 'json'] as const;

interface TenantDrift {
  entry: TenantReportEntry;
  name: string;
  baseline: string;
  drift: (DriftItem & { author?: { by: string; at: string; activity: string } })[];
}

function asText(d: TenantDrift): string {
  return d.drift
    .map(
      (item) =>
        `  ${isolatedText(d.name)}: ${isolatedText(item.label)}: ${item.kind}${item.author ? ` by ${isolatedText(item.author.by)}` : ''}${item.changes.map((c) => `\n      ${c}`).join('')}\n`,
    )
    .join('');
}

function asMarkdown(d: TenantDrift, id: string): string {
  const lines = [`### ${escapeMarkdown(isolatedText(d.name))} (${id})`, ''];
  // Names from the tenant and the disk as the text shows them (an override as an escape, on one line), then escaped for Markdown.
  const shown = (text: string) => escapeMarkdown(isolatedText(text));
  if (d.drift.length === 0) lines.push(`No drift from ${shown(d.baseline)}.`);
  for (const item of d.drift) {
    lines.push(`- ${shown(item.label)}: ${item.kind}${item.author ? ` by ${shown(item.author.by)} at ${item.author.at}` : ''}`);
    for (const change of item.changes) lines.push(`  - ${escapeMarkdown(change)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** The tenant's folder under the folder of backups when there is one, else its baseline in the tenants file. */
async function baselineOf(entry: TenantEntry, backups: string | undefined, tenantsFile: string, io: CliIo): Promise<string> {
  const folder = backups ? backupFolderOf(resolve(io.cwd, backups), entry) : null;
  if (folder && (await isFolder(folder))) return folder;
  if (entry.baseline) return entry.baseline;
  throw new CliError(
    backups
      ? `Nothing to compare ${isolatedText(entry.name)} with: no folder ${join(backups, tenantFolderName(entry))}, and no baseline for it in the tenants file (${relative(io.cwd, tenantsFile)}).`
      : `The tenants file gives ${isolatedText(entry.name)} no baseline, and no folder of backups was given.`,
  );
}

async function diffMany(values: Values, args: string[], io: CliIo): Promise<number> {
  const format = choice(values, 'format', FORMATS, 'text');
  const backups = args[0];
  const file = await loadTenants(values, io);
  const results = await overTenants(file, values, io, async (entry) => {
    const baseline = await baselineOf(entry, backups, file.path, io);
    const read = await readTenant('diff', entry, values, io);
    const checked = await checkTenant(entry, read, { baseline }, io);
    // By id, whatever the kind: an added policy has its author as much as a changed one (the text said it, the JSON did not).
    const drift = (checked.drift ?? []).map((item): TenantDrift['drift'][number] => {
      const author = item.id ? checked.authors.get(item.id) : undefined;
      return author ? { ...item, author } : item;
    });
    return {
      value: { entry: checked.entry, name: read.name, baseline, drift },
      finding: drift.length > 0,
      line: drift.length ? `${drift.length} item(s) differ from ${baseline}` : 'no drift',
    };
  });
  // In the file's order, not as the tenants finish: a job's log reads the same from run to run.
  if (format === 'json') {
    // Each tenant's comparison is the document `diff <backup>` prints, its path as given from the working folder.
    const tenants = results.map((r) => {
      if (!r.value) return { id: r.entry.id, name: r.entry.name, error: r.error ?? 'not compared' };
      const baseline = relative(io.cwd, r.value.baseline) || '.';
      return {
        id: r.entry.id,
        name: r.value.name,
        baseline,
        from: `the backup in ${baseline}`,
        to: `the tenant ${isolatedText(r.value.name)}`,
        drift: r.value.drift.map(({ section, name, id, kind, changes, author }) => ({
          section,
          name,
          id,
          kind,
          changes,
          ...(author ? { author } : {}),
        })),
        note: null,
        damaged: false,
      };
    });
    io.out(tenantsDiffDocument(tenants));
  } else for (const r of results) if (r.value) io.out(format === 'markdown' ? asMarkdown(r.value, r.entry.id) : asText(r.value));
  // Stdout holds one document in JSON: the run's summary goes to stderr then.
  return finish(results, (v) => v.entry, io, 'Conditional Access drift', format === 'json' ? io.err : io.out);
}

export const tenantsDiff = (command: Command) =>
  withTenants(
    command,
    diffMany,
    "gatehouse diff --tenants <file> [<folder of backups>] [--format text|markdown|json] [--shard i/n] [--concurrency n] (each tenant against its folder there, else its file's baseline)",
    {
      takes: ['format'],
      why: Object.fromEntries(
        ['baseline', 'mapping', 'domain'].map((o) => [
          o,
          'each tenant is compared with its own backup (its folder under the folder of backups given, else its baseline in the tenants file); to hold one tenant to a desired state, run gatehouse diff <desired> --baseline --tenant <id>',
        ]),
      ),
    },
    { min: 0, max: 1 },
  );
