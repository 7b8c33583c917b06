// What a parsed file holds: the Conditional Access policies in it, however an export tool wrapped
// them ({ value: [...] }, { policy: ... }, { PolicyConfig: "<JSON text>" }, { policies: [...] }, arrays
// of wrappers, PowerShell's PascalCase objects), or else words for what it holds instead.
import type { JsonObject } from './policy-body';
import { camelCaseKeys } from './import/pascal-case';
import { isJsonObject as isObject } from './json';

const looksLikePolicy = (value: unknown): value is JsonObject =>
  isObject(value) && isObject(value.conditions) && ('grantControls' in value || 'sessionControls' in value || 'state' in value);
/** Wrappers nest a few levels at most; deeper than that is some other document. */
const MAX_DEPTH = 4;

const isPascalPolicy = (value: unknown): value is JsonObject =>
  isObject(value) && isObject(value.Conditions) && ('GrantControls' in value || 'SessionControls' in value || 'State' in value);

/** JSON text inside a property (some tools store the policy as a string). */
function parseEmbedded(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

const nameOf = (wrapper: JsonObject) =>
  [wrapper.displayName, wrapper.DisplayName, wrapper.name, wrapper.Name].find((n): n is string => typeof n === 'string' && n.trim() !== '');

/** Every policy in a parsed file, in file order, unwrapped. */
export function findPolicies(value: unknown, depth = 0): JsonObject[] {
  if (depth > MAX_DEPTH) return [];
  if (typeof value === 'string') return findPolicies(parseEmbedded(value), depth + 1);
  if (Array.isArray(value)) return value.flatMap((item) => findPolicies(item, depth + 1));
  if (!isObject(value)) return [];
  if (looksLikePolicy(value)) return [value];
  if (isPascalPolicy(value)) return [camelCaseKeys(value) as JsonObject];
  const found = Object.values(value).flatMap((child) => findPolicies(child, depth + 1));
  // A wrapper that names the one policy it holds lends it the name, when the policy has none.
  const name = nameOf(value);
  if (found.length === 1 && name && typeof found[0]!.displayName !== 'string') return [{ ...found[0]!, displayName: name }];
  return found;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What the items of a list are, when they are not policies. */
function describeItems(items: unknown[]): string {
  if (items.length === 0) return 'an empty list';
  const objects = items.filter(isObject);
  if (objects.length === 0) {
    const kinds = new Set(items.map((i) => (i === null ? 'null' : typeof i)));
    const kind =
      kinds.size === 1
        ? ({ string: 'text', number: 'number', boolean: 'true or false value' } as Record<string, string>)[[...kinds][0]!]
        : undefined;
    return kind
      ? `a list of ${plural(items.length, kind === 'text' ? 'text' : kind, kind === 'text' ? 'texts' : undefined)}`
      : `a list of ${plural(items.length, 'value')}`;
  }
  const first = objects[0]!;
  const type = typeof first['@odata.type'] === 'string' ? first['@odata.type'] : '';
  const has = (key: string) => objects.some((o) => key in o);
  if (/NamedLocation/i.test(type) || has('ipRanges') || has('countriesAndRegions')) return 'named locations';
  if (/group/i.test(type) || has('securityEnabled') || has('groupTypes')) return 'groups';
  if (/user/i.test(type) || has('userPrincipalName')) return 'users';
  if (/authenticationStrength/i.test(type) || has('allowedCombinations')) return 'authentication strengths';
  if (/servicePrincipal|application/i.test(type) || has('appId')) return 'applications';
  if (has('DisplayName') && has('Type') && (has('Id') || has('id')))
    return `a table of ${plural(objects.length, 'directory object')} (names, ids and types)`;
  return `a list of ${plural(items.length, 'object')} with ${keyList(first)}`;
}

function keyList(object: JsonObject): string {
  const keys = Object.keys(object).filter((k) => !k.includes('@odata.'));
  if (keys.length === 0) return 'no properties';
  const shown = keys
    .slice(0, 4)
    .map((k) => `“${k}”`)
    .join(', ');
  return `the ${keys.length === 1 ? 'property' : 'properties'} ${shown}${keys.length > 4 ? ` and ${keys.length - 4} more` : ''}`;
}

const ONE_OF: Record<string, string> = {
  'named locations': 'a named location',
  groups: 'a group',
  users: 'a user',
  'authentication strengths': 'an authentication strength',
  applications: 'an application',
};

/** Words for what a file holds that has no policy in it, e.g. "named locations", "a single number". */
export function describeContents(value: unknown): string {
  if (Array.isArray(value)) return describeItems(value);
  if (isObject(value)) {
    if (Array.isArray(value.value)) return describeItems(value.value);
    const one = ONE_OF[describeItems([value])];
    if (one) return one;
    if (isObject(value.conditions) || isObject(value.Conditions)) return 'a policy without a state, grant controls or session controls';
    const tables = Object.entries(value).filter(([, child]) => Array.isArray(child) && child.length > 0);
    if (tables.length === 1 && describeItems(tables[0]![1] as unknown[]).startsWith('a table'))
      return describeItems(tables[0]![1] as unknown[]);
    return `an object with ${keyList(value)}`;
  }
  if (typeof value === 'string') return 'a single text';
  if (typeof value === 'number') return 'a single number';
  if (typeof value === 'boolean') return 'a single true or false value';
  return 'only null';
}
