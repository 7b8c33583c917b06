// The comparable form of a policy: what is left when the forms that say the same thing are made
// one. Exports and the service write one policy many ways (null, [], {} or nothing at all; ids in
// any order or case; session controls present but switched off; an AND or OR over one control), and
// none of those is a difference an admin should be shown.
import type { Json, JsonObject } from './policy-body';
import { isJsonObject as isObject } from './json';

export interface CompareOptions {
  /** Treat null, empty collections, empty text and switched-off controls alike, by leaving them out. */
  hideEmpty?: boolean;
  /** Sort lists of ids and of enum values (and comma-separated flags), and lower-case GUIDs. */
  sortIds?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Flag enums Graph writes as one comma-separated string, in no particular order. */
const FLAG_STRINGS = new Set(['guestOrExternalUserTypes', 'transferMethods']);
/** Grant controls that the operator combines. */
const GRANT_MEMBERS = ['builtInControls', 'customAuthenticationFactors', 'termsOfUse', 'authenticationStrength'];

function quietString(value: string, key: string, options: CompareOptions): string | undefined {
  if (options.hideEmpty && value === '') return undefined;
  if (!options.sortIds) return value;
  if (GUID.test(value)) return value.toLowerCase();
  if (FLAG_STRINGS.has(key))
    return value
      .split(',')
      .map((v) => v.trim())
      .sort()
      .join(',');
  return value;
}

/** What an object means once its empty members are gone, or undefined when it means nothing. */
function quietObject(value: JsonObject, path: readonly string[], options: CompareOptions): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const next = quiet(child, options, [...path, key]);
    if (next !== undefined) out[key] = next;
  }
  if (!options.hideEmpty) return out;
  const parent = path.at(-2);
  const key = path.at(-1);
  if (parent === 'sessionControls') {
    // A session control that is switched off does what an absent one does.
    if (out.isEnabled === false) return undefined;
  }
  if (key === 'sessionControls' && out.disableResilienceDefaults === false) delete out.disableResilienceDefaults;
  if (key === 'grantControls') {
    // AND and OR mean the same over a single control (or none).
    const count = GRANT_MEMBERS.reduce(
      (n, member) => n + (Array.isArray(out[member]) ? out[member].length : out[member] === undefined ? 0 : 1),
      0,
    );
    if (count <= 1) delete out.operator;
  }
  // The kind of external tenants is said by membershipKind; the type annotation repeats it.
  if (key === 'externalTenants' && typeof out.membershipKind === 'string') delete out['@odata.type'];
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The comparable form of a value at a path of a policy; undefined when it says nothing. */
export function quiet(value: Json, options: CompareOptions, path: readonly string[] = []): Json | undefined {
  if (Array.isArray(value)) {
    const items = value.map((v) => quiet(v, options, path)).filter((v): v is Json => v !== undefined);
    if (options.hideEmpty && items.length === 0) return undefined;
    return options.sortIds && items.every((v) => typeof v === 'string') ? [...(items as string[])].sort() : items;
  }
  if (isObject(value)) return quietObject(value, path, options);
  if (typeof value === 'string') return quietString(value, path.at(-1) ?? '', options);
  return value === null && options.hideEmpty ? undefined : value;
}
