// While a history's names are looked up, its sentences say so where a name is not known yet
// ("Excluded user 'resolving name…' added"), instead of a raw id that turns into a name a second later.
import { asPolicies } from '../../domain/json';
import type { JsonObject } from '../../domain/policy-body';
import { collectReferences, lookupName, nameKey, type NameDirectory, type NameKind, type References } from '../../domain/references';

export const RESOLVING_NAME = 'resolving name…';

/** The kinds an id of each family can be, as the sentences look it up. */
const KINDS: Record<keyof References, NameKind[]> = {
  directoryObjects: ['user', 'group', 'servicePrincipal'],
  applications: ['application'],
  roles: ['role'],
  locations: ['namedLocation'],
  authenticationContexts: ['authenticationContext'],
  termsOfUse: ['termsOfUse'],
  authenticationStrengths: ['authenticationStrength'],
};

/**
 * `known` with every id of these versions it does not name marked as on its way. Marked missing so
 * that no two of them read as "replaced by another object of the same name": for the sentences only.
 */
export function withNamesOnTheirWay(known: NameDirectory | undefined, versions: readonly JsonObject[]): NameDirectory {
  const names = new Map(known?.names);
  const refs = collectReferences(asPolicies(versions));
  for (const family of Object.keys(KINDS) as (keyof References)[]) {
    const kinds = KINDS[family];
    for (const id of refs[family])
      if (!lookupName(known, kinds, id))
        for (const kind of kinds) names.set(nameKey(kind, id), { id, kind, displayName: RESOLVING_NAME, missing: true });
  }
  return { ...known, names, failures: known?.failures ?? [] };
}
