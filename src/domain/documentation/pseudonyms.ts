// Masking names for a document that leaves the team: every user, group, service principal,
// application and named location becomes a pseudonym ("Group A"), the same one each time the same
// object appears in one document. Roles, Microsoft's own applications, special values ("All users"),
// strengths, contexts and terms of use keep their names: they say nothing about who is in the tenant.
import type { NameKind } from '../references';
import { isMicrosoftApp } from './microsoft-apps';

const WORDS: Partial<Record<NameKind, string>> = {
  user: 'User',
  group: 'Group',
  servicePrincipal: 'Service principal',
  application: 'App',
  namedLocation: 'Location',
};

/** A, B, … Z, AA, AB…: as spreadsheet columns are named. */
export function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface Pseudonyms {
  /** Whether an object of this kind (and id) is masked. */
  masks(kind: NameKind, id: string): boolean;
  /** Its pseudonym: given in the order objects are first met, then kept. */
  of(kind: NameKind, id: string): string;
}

export function createPseudonyms(): Pseudonyms {
  const given = new Map<string, string>();
  const counts = new Map<NameKind, number>();
  const masks = (kind: NameKind, id: string) => kind in WORDS && !(kind === 'application' && isMicrosoftApp(id));
  return {
    masks,
    of(kind, id) {
      const key = `${kind}:${id.toLowerCase()}`;
      let name = given.get(key);
      if (!name) {
        const n = counts.get(kind) ?? 0;
        counts.set(kind, n + 1);
        name = `${WORDS[kind] ?? 'Object'} ${letters(n)}`;
        given.set(key, name);
      }
      return name;
    },
  };
}
