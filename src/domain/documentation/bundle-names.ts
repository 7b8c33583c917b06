// The names a backup knows, as the directory the policy describer reads: the directory objects of
// its references table, and its named locations, strengths, contexts and terms of use. No tenant
// is asked anything: what the bundle does not hold stays an id.
import type { Bundle, ReferenceKind } from '../bundle/bundle';
import { asPolicies, stringsIn, type JsonObject } from '../json';
import { collectReferences, nameKey, type NameDirectory, type NameKind, type ResolvedName } from '../references';

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** What a named location holds, in short: its ranges or its countries. */
export function locationDetail(location: JsonObject): string | undefined {
  const ranges = Array.isArray(location.ipRanges) ? location.ipRanges : [];
  if (ranges.length) return ranges.map((r) => text((r as { cidrAddress?: unknown } | null)?.cidrAddress) ?? '?').join(', ');
  const countries = stringsIn(location.countriesAndRegions);
  return countries.length ? countries.join(', ') : undefined;
}

// A row the tenant no longer held was recorded without its kind: it is gone in whichever place names it.
const GONE_KINDS: Record<ReferenceKind, NameKind[]> = {
  user: ['user', 'group', 'servicePrincipal'],
  group: ['user', 'group', 'servicePrincipal'],
  servicePrincipal: ['user', 'group', 'servicePrincipal'],
  role: ['role'],
  application: ['application'],
};

export function namesFromBundle(bundle: Bundle): NameDirectory {
  const names = new Map<string, ResolvedName>();
  const add = (name: ResolvedName) => names.set(nameKey(name.kind, name.id), name);
  const section = (items: JsonObject[], kind: NameKind, detail: (item: JsonObject) => string | undefined = () => undefined) => {
    for (const item of items) {
      const id = text(item.id);
      if (id) add({ id, kind, displayName: text(item.displayName) ?? id, detail: detail(item) });
    }
  };

  for (const entry of bundle.references) {
    if (!entry.exists) {
      for (const kind of GONE_KINDS[entry.kind]) add({ id: entry.id, kind, displayName: 'Deleted object', missing: true });
      continue;
    }
    const detail = entry.kind === 'user' ? text(entry.userPrincipalName) : entry.kind === 'servicePrincipal' ? text(entry.appId) : null;
    add({ id: entry.id, kind: entry.kind, displayName: entry.displayName ?? entry.id, detail: detail ?? undefined });
  }
  section(bundle.namedLocations, 'namedLocation', locationDetail);
  section(bundle.authenticationStrengths, 'authenticationStrength');
  section(bundle.authenticationContexts, 'authenticationContext');
  section(bundle.termsOfUse, 'termsOfUse');

  const policies = asPolicies(bundle.policies);
  // Built-in strengths are not in the bundle, but policies carry them expanded with their name.
  for (const policy of policies) {
    const strength = policy.grantControls?.authenticationStrength;
    if (strength?.id && strength.displayName && !names.has(nameKey('authenticationStrength', strength.id)))
      add({ id: strength.id, kind: 'authenticationStrength', displayName: strength.displayName });
  }
  // A backup reads every named location: one a policy names that is not among them was deleted.
  for (const id of collectReferences(policies).locations)
    if (!names.has(nameKey('namedLocation', id))) add({ id, kind: 'namedLocation', displayName: 'Deleted named location', missing: true });
  return { names, failures: [] };
}
