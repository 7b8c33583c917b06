// Masking the free text a document shows from the tenant: policy names and descriptions, filter
// rules, the names and descriptions of strengths, contexts and terms of use. Admins name policies
// after what they target ("CA010 - Contoso Expenses: Require MFA"), so a masked object's name found
// in the text becomes that object's pseudonym and the tenant's name becomes "Tenant". Names made only
// of words every tenant uses (a group called "Admins") are left alone: they say nothing about the
// tenant, and replacing them would garble names such as "CA101-Admins-AnyApp-MFA".
import type { Bundle } from '../bundle/bundle';
import type { NameKind } from '../references';
import type { Pseudonyms } from './pseudonyms';

/** What the tenant's name becomes; capitalised as the pseudonyms are ("Group A"). */
export const TENANT_WORD = 'Tenant';

/** A masked document's names and its free text, masked the same way. */
export interface Masking {
  pseudonyms: Pseudonyms;
  /** The text with masked names and the tenant's name replaced; unchanged when it holds none. */
  text(value: string): string;
}

// Words of Conditional Access and of how admins name groups and policies: a name made only of these
// (and of words under three letters or numbers) is not distinctive.
const COMMON = new Set(
  `all any none users user guests guest members member external internal internals admins admin administrators administrator global
  privileged accounts account service services emergency break glass breakglass employees staff contractors partners vendors everyone
  people team teams group groups policy policies conditional access exclude excluded exclusion exclusions include included pilot test
  testing baseline legacy require required requires block blocked allow allowed grant mfa multifactor authentication strong strength
  phishing resistant passwordless password sign signin risk risky high medium low device devices compliant managed unmanaged
  hybrid joined registered register join trusted untrusted location locations country countries network networks app apps application
  applications cloud portal portals browser session sessions frequency persistent mobile desktop windows macos ios android linux
  platform platforms office microsoft azure intune exchange sharepoint teams workload identities identity agents agent protection
  identityprotection data identity security info registration terms use the and for from with without only not every`.split(/\s+/),
);

const SEPARATORS = /[^\p{L}\p{N}]+/u;
// Letters and digits only: a hyphen, an underscore or a colon ends a word, as admins use them.
const WORD_CHAR = '[\\p{L}\\p{N}]';

/** "CA-BreakGlassAccounts" → ca, break, glass, accounts. */
const wordsOf = (name: string) =>
  name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(SEPARATORS)
    .map((w) => w.toLowerCase())
    .filter(Boolean);

/** Whether a name means something on its own: three characters or more, and a word of three letters or more no tenant would share. */
export function isDistinctive(name: string): boolean {
  return name.trim().length >= 3 && wordsOf(name).some((w) => w.length >= 3 && !/^\d+$/.test(w) && !COMMON.has(w));
}

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const pattern = (name: string) =>
  name
    .trim()
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/\s+/g, '\\s+');

type Target = { kind: NameKind; id: string } | 'tenant';

/** "Contoso Ltd" and "Contoso": the tenant's name, and its first word when that stands on its own. */
function tenantNames(name: string | null): string[] {
  if (!name?.trim()) return [];
  const first = /^\p{L}{4,}/u.exec(name.trim())?.[0];
  return first && !COMMON.has(first.toLowerCase()) ? [name, first] : [name];
}

const MASKED_KINDS: readonly NameKind[] = ['user', 'group', 'servicePrincipal', 'application'];

/** The text mask of a bundle: its masked objects' names (and users' sign-in names), its named locations, the tenant's name. */
export function createMasking(bundle: Bundle, pseudonyms: Pseudonyms): Masking {
  const targets = new Map<string, Target>();
  const add = (name: string | null | undefined, target: Target) => {
    if (name && isDistinctive(name) && !targets.has(key(name))) targets.set(key(name), target);
  };
  // The tenant first: a group named after the whole company reads as the tenant.
  for (const name of tenantNames(bundle.manifest.tenant.name)) add(name, 'tenant');
  for (const entry of bundle.references) {
    if (!entry.exists || !MASKED_KINDS.includes(entry.kind) || !pseudonyms.masks(entry.kind, entry.id)) continue;
    add(entry.displayName, { kind: entry.kind, id: entry.id });
    if (entry.kind === 'user') add(entry.userPrincipalName, { kind: 'user', id: entry.id });
  }
  for (const location of bundle.namedLocations) {
    if (typeof location.id === 'string' && typeof location.displayName === 'string')
      add(location.displayName, { kind: 'namedLocation', id: location.id });
  }
  if (targets.size === 0) return { pseudonyms, text: (value) => value };

  // One pass, longest names first: "Contoso Expenses" wins over "Contoso", and a pseudonym just
  // written ("App A") is never read again.
  const names = [...targets.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const regex = new RegExp(`(?<!${WORD_CHAR})(?:${names.map(pattern).join('|')})(?!${WORD_CHAR})`, 'giu');
  const targetOf = (found: string): Target | undefined =>
    targets.get(key(found)) ??
    // Case folding the regex knows and toLowerCase does not (ß, dotted İ): ask each name.
    targets.get(names.find((name) => new RegExp(`^${pattern(name)}$`, 'iu').test(found)) ?? '');
  return {
    pseudonyms,
    text: (value) =>
      value.replace(regex, (found) => {
        const target = targetOf(found);
        if (!target) return found;
        return target === 'tenant' ? TENANT_WORD : pseudonyms.of(target.kind, target.id);
      }),
  };
}
