// `gatehouse docs`: the tenant's Conditional Access documented from a backup (or the tenant read
// now), as the console's documentation writer makes it: HTML, Markdown or CSV, names masked on ask.
import { documentationFile, type DocumentationFormat } from '../../domain/documentation/documentation';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text } from '../args';
import { checkOut, writeOutputFile } from '../files';
import { EXIT, type Command } from './command';
import { fromDisk, fromTenant } from './source';

const FORMATS: readonly DocumentationFormat[] = ['markdown', 'html', 'csv'];

export const docsCommand: Command = {
  name: 'docs',
  summary: "Document the tenant's Conditional Access: every policy in words, with the names of what it targets.",
  usage: 'gatehouse docs [--from <backup>] [--format markdown|html|csv] [--out <file>] [--mask] [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    from: { type: 'string', value: '<path>', description: 'Document a backup (folder or .json) instead of the tenant.' },
    format: { type: 'string', value: '<markdown|html|csv>', description: 'Output format (default markdown).' },
    out: { type: 'string', value: '<file>', description: 'Write to this file instead of stdout.' },
    mask: { type: 'boolean', description: 'Replace the names of users, groups and applications with pseudonyms.' },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 written, 2 error. With --from no tenant is read; without it, sign-in is needed.',
  async run(values, _positionals, io) {
    const format = choice(values, 'format', FORMATS, 'markdown');
    const from = text(values, 'from');
    // Before the tenant is read: a folder (or a file in the way) where the document goes is said first.
    const out = text(values, 'out');
    if (out) await checkOut(io.cwd, out, 'a file');
    const source = from ? await fromDisk(from, io) : await fromTenant('docs', values, io);
    const file = documentationFile(source.bundle, format, { mask: values.mask === true });
    if (out) {
      await writeOutputFile(io.cwd, out, file.content);
      io.err(`Documentation of ${source.label} written to ${out}.\n`);
    } else io.out(file.content);
    return EXIT.ok;
  },
};
