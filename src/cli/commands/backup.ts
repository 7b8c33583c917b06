// `gatehouse backup --out <folder|file.json>`: the tenant's Conditional Access as a backup bundle,
// the folder form by default (one file per object, for git). Deterministic: an unchanged tenant
// leaves the files as they were, its manifest's time included.
import { resolve } from 'node:path';
import { getOrganization } from '../../graph/organization';
import { exportTenant } from '../../operations/export-tenant';
import { CONNECTION_OPTIONS, HELP_OPTION, text } from '../args';
import { CliError } from '../cli-error';
import { writeBackup } from '../write-backup';
import { checkOut } from '../files';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { EXIT, type Command } from './command';
import { isolatedText } from '../../domain/isolate';

export const backupCommand: Command = {
  name: 'backup',
  summary:
    "Back up the tenant's Conditional Access: policies, named locations, authentication strengths and contexts, terms of use, and the names of every object they refer to.",
  usage: 'gatehouse backup --out <folder | file.json> [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    out: {
      type: 'string',
      value: '<path>',
      description: 'A folder (one file per object, for git) or a file ending in .json (one bundle).',
    },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 written or unchanged, 2 error. An unchanged tenant leaves every file as it was.',
  async run(values, _positionals, io) {
    const out = text(values, 'out');
    if (!out) throw new CliError('Where to? Give --out <folder | file.json>.');
    await checkOut(io.cwd, out, out.endsWith('.json') ? 'a file' : 'a folder');
    const tenant = await connectTenant('backup', values, io);
    const organization = await getOrganization(tenant.context.client);
    const bundle = await exportTenant(tenant.context, organization?.displayName ?? null, (step) => io.err(`${step}\n`));
    const result = await writeBackup(bundle, resolve(io.cwd, out));
    const counts = bundle.manifest.counts;
    const what = `${counts.policies} policies, ${counts.namedLocations} named locations, ${counts.references} referenced objects`;
    const said = result.changed
      ? `Backed up ${isolatedText(organization?.displayName ?? tenant.tenantId)} to ${out}: ${what} (${result.written} file(s) written, ${result.removed} removed).`
      : `Backed up ${isolatedText(organization?.displayName ?? tenant.tenantId)}: unchanged since the backup in ${out} (${what}); no file touched.`;
    io.out(`${said}\n`);
    appendJobSummary(io, `### Conditional Access backup\n\n${said}`);
    return EXIT.ok;
  },
};
