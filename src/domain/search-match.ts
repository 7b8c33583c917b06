// Why a policy matched the list's search: when the words are not in its name, which of the names it
// refers to (a user, a group, an app, a location...) or which of its settings holds them, said on
// its row so the admin is not left guessing.
import type { SummarySection } from './describe-policy';
import { isolatedText } from './isolate';

/** One thing of a policy that search can match, with the words that say where it is. */
export interface Matchable {
  /** Lower-case, as search compares. */
  text: string;
  /** As shown: "excluded group “Payroll admins”". */
  phrase: string;
}

const kindWords: Record<string, string> = {
  user: 'user',
  group: 'group',
  role: 'directory role',
  application: 'app',
  servicePrincipal: 'workload identity',
  namedLocation: 'location',
  authenticationContext: 'authentication context',
  termsOfUse: 'terms of use',
  authenticationStrength: 'authentication strength',
};

/** The names and settings of a described policy, each with where it sits. */
export function matchablesOf(sections: SummarySection[]): Matchable[] {
  const found: Matchable[] = [];
  for (const section of sections) {
    for (const line of section.lines) {
      const excluded = /^exclude/i.test(line.label);
      for (const value of line.values) {
        const kind = value.kind ? kindWords[value.kind] : undefined;
        // Grant lines already name their kind ("Terms of use: ..."): said once.
        const label = kind ? value.label.replace(/^(Authentication strength|Terms of use): /, '') : value.label;
        const where = kind ? `${excluded ? 'excluded ' : ''}${kind}` : `${section.title.toLowerCase()}${excluded ? ' (excluded)' : ''}`;
        // The name isolated: a direction control in it cannot turn the quotes and the words after it around. A grant's
        // name comes isolated already (as the summary shows it): isolatedText keeps that isolate, it does not add one.
        found.push({ text: value.label.toLowerCase(), phrase: `${where} “${isolatedText(label)}”` });
      }
      // A setting's text holds a value the summary isolated (an unknown mode), or the tenant's own (a filter rule).
      if (line.text)
        found.push({
          text: line.text.toLowerCase(),
          phrase: `${section.title.toLowerCase()}: ${line.label.toLowerCase()} “${isolatedText(line.text)}”`,
        });
    }
  }
  return found;
}

/**
 * The sentence for a row that search kept, or null when its name says why (or nothing is searched).
 * Each word not in the name is traced to the first name or setting holding it.
 */
export function describeMatch(row: { name: string; id: string; matchables: readonly Matchable[] }, search: string): string | null {
  const name = row.name.toLowerCase();
  const terms = search
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term && !name.includes(term));
  if (terms.length === 0) return null;
  const phrases: string[] = [];
  for (const term of terms) {
    const match = row.matchables.find((m) => m.text.includes(term));
    const phrase = match ? match.phrase : row.id.toLowerCase().includes(term) ? 'its id' : null;
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  if (phrases.length === 0) return null;
  const shown = phrases.slice(0, 2).join(' and ');
  return `Matches ${shown}${phrases.length > 2 ? ` and ${phrases.length - 2} more` : ''}`;
}
