// The tenant at a glance, before the policy cards: how many policies are on, off and report-only,
// the named locations with their ranges or countries, the authentication strengths with the
// methods they allow, the authentication contexts and terms of use, and which policies use each.
import type { Bundle } from '../bundle/bundle';
import { stringsIn, type JsonObject } from '../json';
import type { NameKind } from '../references';
import type { ConditionalAccessPolicy } from '../types';
import { docValue, type DocValue } from './doc-value';
import type { PolicyCard } from './document-model';
import type { Masking } from './mask-text';
import { combinationWords } from './strength-methods';

export interface StateCount {
  state: string;
  count: number;
}

export interface LocationRow {
  value: DocValue;
  type: 'IP ranges' | 'Countries and regions' | 'Other';
  trusted: boolean;
  /** The ranges or the countries, in words (ranges are hidden when masked). */
  entries: string;
  usedBy: string[];
}

export interface StrengthRow {
  value: DocValue;
  builtIn: boolean;
  description: string | null;
  /** Each allowed combination in words: "Password + SMS". */
  combinations: string[];
  usedBy: string[];
}

export interface ContextRow {
  value: DocValue;
  description: string | null;
  available: boolean;
  usedBy: string[];
}

export interface TermsRow {
  value: DocValue;
  usedBy: string[];
}

export interface TenantSummary {
  policyCount: number;
  states: StateCount[];
  namedLocations: LocationRow[];
  strengths: StrengthRow[];
  contexts: ContextRow[];
  termsOfUse: TermsRow[];
  /** Objects the policies name that the tenant no longer held when the backup was taken. */
  goneObjects: number;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const maskedText = (value: string | null, masking: Masking | null) => (value && masking ? masking.text(value) : value);
const collator = new Intl.Collator('en', { numeric: true });
const byName = <T extends { value: DocValue }>(a: T, b: T) => collator.compare(a.value.name, b.value.name);

let regionNames: Intl.DisplayNames | null | undefined;
/** "France (FR)": the region's English name where the platform knows it. */
function regionWords(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  let name: string | undefined;
  try {
    name = regionNames?.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

function locationRow(location: JsonObject, masking: Masking | null, usedBy: string[]): LocationRow {
  const id = text(location.id) ?? '';
  const value = docValue({ id, label: text(location.displayName) ?? id, kind: 'namedLocation' }, masking);
  const ranges = (Array.isArray(location.ipRanges) ? location.ipRanges : []).map((r) =>
    typeof r === 'object' && r !== null && !Array.isArray(r) ? (text(r.cidrAddress) ?? '?') : '?',
  );
  const type = String(location['@odata.type'] ?? '');
  if (ranges.length > 0 || type.endsWith('ipNamedLocation')) {
    const entries = masking ? `${ranges.length} IP range${ranges.length === 1 ? '' : 's'} (hidden)` : ranges.join(', ') || 'No IP ranges';
    return { value, type: 'IP ranges', trusted: location.isTrusted === true, entries, usedBy };
  }
  const countries = stringsIn(location.countriesAndRegions);
  if (countries.length > 0 || type.endsWith('countryNamedLocation')) {
    const parts = [countries.map(regionWords).join(', ') || 'No countries'];
    if (location.includeUnknownCountriesAndRegions === true) parts.push('and unknown countries and regions');
    if (location.countryLookupMethod === 'authenticatorAppGps') parts.push('(located by GPS from Microsoft Authenticator)');
    return { value, type: 'Countries and regions', trusted: false, entries: parts.join(' '), usedBy };
  }
  return { value, type: 'Other', trusted: location.isTrusted === true, entries: '', usedBy };
}

function strengthRow(strength: JsonObject, masking: Masking | null, usedBy: string[]): StrengthRow {
  const id = text(strength.id) ?? '';
  return {
    value: docValue({ id, label: text(strength.displayName) ?? id, kind: 'authenticationStrength' }, masking),
    builtIn: strength.policyType === 'builtIn',
    description: maskedText(text(strength.description), masking),
    combinations: stringsIn(strength.allowedCombinations).map(combinationWords),
    usedBy,
  };
}

/** Which policies (by the name their card shows) use each object of a kind. */
function usersOf(policies: ConditionalAccessPolicy[], cards: PolicyCard[], idsOf: (policy: ConditionalAccessPolicy) => string[]) {
  const used = new Map<string, string[]>();
  policies.forEach((policy, index) => {
    for (const id of new Set(idsOf(policy).map((i) => i.toLowerCase()))) used.set(id, [...(used.get(id) ?? []), cards[index]!.name]);
  });
  return (id: string) => used.get(id.toLowerCase()) ?? [];
}

/** The summary of a tenant; `policies` and `cards` are in the same (document) order. */
export function tenantSummary(
  bundle: Bundle,
  policies: ConditionalAccessPolicy[],
  cards: PolicyCard[],
  masking: Masking | null,
): TenantSummary {
  const locationUsers = usersOf(policies, cards, (p) => [
    ...stringsIn(p.conditions?.locations?.includeLocations),
    ...stringsIn(p.conditions?.locations?.excludeLocations),
  ]);
  const strengthUsers = usersOf(policies, cards, (p) => stringsIn([p.grantControls?.authenticationStrength?.id]));
  const contextUsers = usersOf(policies, cards, (p) => stringsIn(p.conditions?.applications?.includeAuthenticationContextClassReferences));
  const termsUsers = usersOf(policies, cards, (p) => stringsIn(p.grantControls?.termsOfUse));
  const row = (item: JsonObject, kind: NameKind) => {
    const id = text(item.id) ?? '';
    return docValue({ id, label: text(item.displayName) ?? id, kind }, masking);
  };

  const strengths = bundle.authenticationStrengths.map((s) => strengthRow(s, masking, strengthUsers(text(s.id) ?? '')));
  // Built-in strengths are not in a backup, but the policies that use one carry it expanded.
  const known = new Set(strengths.map((s) => s.value.id?.toLowerCase()));
  for (const policy of policies) {
    const strength = policy.grantControls?.authenticationStrength;
    if (!strength?.id || known.has(strength.id.toLowerCase())) continue;
    known.add(strength.id.toLowerCase());
    strengths.push(
      strengthRow(
        {
          id: strength.id,
          displayName: strength.displayName ?? null,
          description: strength.description ?? null,
          policyType: strength.policyType ?? 'builtIn',
          allowedCombinations: stringsIn(strength.allowedCombinations),
        },
        masking,
        strengthUsers(strength.id),
      ),
    );
  }

  const counts = new Map<string, number>([
    ['On', 0],
    ['Report-only', 0],
    ['Off', 0],
  ]);
  for (const card of cards) counts.set(card.state, (counts.get(card.state) ?? 0) + 1);
  const gone = new Set(
    cards.flatMap((c) =>
      c.sections.flatMap((s) => s.lines.flatMap((l) => l.values.filter((v) => v.missing).map((v) => `${v.name}|${v.id}`))),
    ),
  );
  return {
    policyCount: cards.length,
    states: [...counts].map(([state, count]) => ({ state, count })),
    namedLocations: bundle.namedLocations.map((l) => locationRow(l, masking, locationUsers(text(l.id) ?? ''))).sort(byName),
    strengths: strengths.sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || byName(a, b)),
    contexts: bundle.authenticationContexts
      .map((c) => ({
        value: row(c, 'authenticationContext'),
        description: maskedText(text(c.description), masking),
        available: c.isAvailable !== false,
        usedBy: contextUsers(text(c.id) ?? ''),
      }))
      .sort((a, b) => collator.compare(a.value.id ?? '', b.value.id ?? '')),
    termsOfUse: bundle.termsOfUse.map((t) => ({ value: row(t, 'termsOfUse'), usedBy: termsUsers(text(t.id) ?? '') })).sort(byName),
    goneObjects: gone.size,
  };
}
