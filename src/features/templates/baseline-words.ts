// What adding a baseline from files says: how many templates, and the files not read, each named
// once (the readers' sentences already name their file: "zero.json is empty.").
import type { FileResult, ImportSet } from '../../domain/import/import-set';
import { isolatedText } from '../../domain/isolate';

/** A file's result as a sentence that names the file once. */
const naming = (file: FileResult) => (file.message.includes(file.path) ? file.message : `${isolatedText(file.path)}: ${file.message}`);
const lowerFirst = (text: string) => (/^(Not|Holds|The|A|An) /.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text);

/** The sentence after a baseline is read: `name` is the file or folder chosen, `added` the templates kept. */
export function baselineWords(name: string, set: ImportSet, added: { count: number; kept: boolean }): string {
  const errors = set.files.filter((f) => f.status === 'error');
  const shown = isolatedText(name);
  const notRead = errors.length ? ` Not read: ${errors.map(naming).join('; ')}` : '';
  if (added.count > 0)
    return `${added.count} template${added.count === 1 ? '' : 's'} added from ${shown}${added.kept ? '' : ', for this session only: the browser did not keep them'}.${notRead}`;
  const [only] = set.files;
  if (set.files.length === 1 && only && only.path === name) {
    if (only.status === 'error') return `${naming(only)} No template added.`;
    if (only.status === 'read') return `No template added from ${shown}: it holds ${lowerFirst(only.message)}`;
    return `No template added from ${shown}: ${lowerFirst(only.message)}`;
  }
  return `No template added from ${shown}: it holds no policy.${notRead}`;
}
