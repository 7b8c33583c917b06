// A file of what-if scenarios chosen from disk, read as every other file place reads one (UTF-8 or
// UTF-16, an image or a cut-short file named as such), and what importing it says: a file that adds
// nothing says so, not "0 added".
import { readScenarios, type Scenario } from '../../domain/evaluation/scenario';
import { readJsonFile } from '../../domain/policy-file';

export interface ScenariosFileRead {
  added: Scenario[];
  /** The sentence shown after the import, naming the file once. */
  text: string;
}

/** The scenarios in the file that are not saved yet; throws a PolicyFileError (which names the file) when it cannot be read. */
export function readScenariosFile(name: string, bytes: Uint8Array, saved: readonly Scenario[], newId: () => string): ScenariosFileRead {
  const read = readScenarios(readJsonFile(bytes, name), newId);
  const known = new Set(saved.map((s) => s.id));
  const added = read.scenarios.filter((s) => !known.has(s.id));
  const already = read.scenarios.length - added.length;
  const problems = read.problems.length ? ` ${read.problems.join(' ')}` : '';
  if (added.length === 0) {
    const why = already > 0 ? `: ${already === 1 ? 'its scenario is' : `its ${already} scenarios are`} already saved.` : '.';
    return { added, text: `No scenario added from ${name}${why}${problems}` };
  }
  const count = `${added.length} scenario${added.length === 1 ? '' : 's'}`;
  const skipped = already > 0 ? ` (${already} already saved)` : '';
  return { added, text: `${count} added from ${name}${skipped}.${problems}` };
}
