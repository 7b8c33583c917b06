// `plan` reads Gatehouse backups only; `diff --baseline` and the console's Import also read exports and
// templates (policy files without a manifest). Handed one of those, plan says what it is and what reads it,
// instead of only that it is no backup.
import { isAbsolute, join } from 'node:path';
import { readImport } from '../../domain/import/read-import';
import { isolatedText } from '../../domain/isolate';
import { sourcePolicies } from '../../domain/plan/build-plan';
import { filesUnder } from './baseline-diff';

/** Words for a path of Conditional Access policy files that is not a backup; null when it holds none (the backup error stands). */
export async function policyFilesWords(path: string, cwd: string): Promise<string | null> {
  let count: number;
  let folder: boolean;
  try {
    const files = await filesUnder(isAbsolute(path) ? path : join(cwd, path));
    folder = files.length !== 1 || files[0]!.path.includes('/') || !path.toLowerCase().endsWith('.json');
    count = sourcePolicies(await readImport(files)).length;
  } catch {
    return null;
  }
  if (count === 0) return null;
  const shown = isolatedText(path);
  const what = folder
    ? `This folder holds ${count} Conditional Access polic${count === 1 ? 'y' : 'ies'} (an export or a template)`
    : `This file holds ${count === 1 ? 'a Conditional Access policy' : `${count} Conditional Access policies`} (an export or a template)`;
  return `${shown}: ${what}, not a Gatehouse backup (it has no manifest), and plan reads backups only. To see how the tenant differs from it: gatehouse diff ${shown} --baseline [--mapping <file>]. To write it into the tenant, open it in the console's Import, which maps the groups, users and locations it names to this tenant's and plans from that.`;
}
