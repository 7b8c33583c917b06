// The schema's findings in sentences an admin understands: which property (in the admin center's
// words), what it may be, what it is now. The validator's own wording never reaches the screen.
// A finding blocks saving (an error, Graph's 1007) only where Graph refuses the value: a wrong type,
// a value outside its choices, a missing required property. An id that is no id, an entry listed
// twice or a frequency below 1 are warnings: Graph takes them, and the sentence says why they are
// probably a mistake.
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { JsonPath, PolicyFinding } from './policy-finding';
import { conditionalAccessPolicySchema } from './policy-schema';
import { propertyLabel } from './policy-schema-words';

type Schema = Record<string, unknown>;

// Keywords that only say "something below failed": the failure itself is reported deeper.
const containers = new Set([
  'properties',
  'items',
  'additionalItems',
  'additionalProperties',
  'patternProperties',
  'allOf',
  '$ref',
  'if',
  'then',
  'else',
  'contains',
  'dependencies',
]);
// When one place fails several ways, the first of these is the one worth saying.
const priority = ['type', 'enum', 'const', 'anyOf', 'oneOf', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'uniqueItems'];

const decode = (segment: string) => {
  const unescaped = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
};
const segments = (location: string) => location.replace(/^#\/?/, '').split('/').filter(Boolean).map(decode);
const toPath = (instanceLocation: string): JsonPath => segments(instanceLocation).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The schema that holds the failing keyword. */
function schemaOf(root: Schema, unit: OutputUnit): Schema {
  let node: unknown = root;
  for (const segment of segments(unit.keywordLocation).slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[segment];
  return (node ?? {}) as Schema;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown> | null | undefined)?.[key];
  return node;
}

/** A value as the admin typed it, shortened so that a long one cannot drown the sentence. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text.startsWith('"') ? '"' : ''}` : text;
}

const typeWords: Record<string, string> = {
  array: 'a list in square brackets',
  string: 'text in quotes',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  object: 'an object in braces',
  null: 'null',
};
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `${String(value)}`;
  return 'a number';
}

const oneOfWords = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/** What one alternative of an anyOf or oneOf accepts, in words. */
function alternative(schema: Schema): string {
  if ('const' in schema)
    return schema.description ? `${String(schema.description as string).replace(/\.$/, '')} (${quote(schema.const)})` : quote(schema.const);
  if (Array.isArray(schema.enum)) return oneOfWords(schema.enum.map(quote));
  if (typeof schema.description === 'string') return lowerFirst(schema.description);
  const types = ([] as unknown[]).concat(schema.type ?? []) as string[];
  return oneOfWords(types.map((t) => typeWords[t] ?? t));
}

/** A string item of a list of ids (users, groups, apps, locations...), where Graph stores what it is given. */
function inIdList(path: JsonPath, value: unknown): boolean {
  const list = path[path.length - 2];
  return (
    typeof path[path.length - 1] === 'number' &&
    typeof value === 'string' &&
    typeof list === 'string' &&
    /^(include|exclude)|^(termsOfUse|customAuthenticationFactors|members)$/.test(list)
  );
}

const NOT_AN_ID = ' As it is, it matches nothing: probably a typo, or a name where an id belongs.';

function sentence(root: Schema, unit: OutputUnit, policy: unknown): PolicyFinding {
  const path = toPath(unit.instanceLocation);
  const schema = schemaOf(root, unit);
  const value = valueAt(policy, path);
  const label = propertyLabel(path);
  const error = (message: string): PolicyFinding => ({ path, severity: 'error', code: '1007', message });
  const warning = (message: string, at: JsonPath = path): PolicyFinding => ({ path: at, severity: 'warning', message });

  switch (unit.keyword) {
    case 'required': {
      const property = /"([^"]+)"/.exec(unit.error)?.[1] ?? '?';
      return {
        ...error(
          `${propertyLabel([...path, property])} is missing: add "${property}" to ${path.length ? propertyLabel(path) : 'the policy'}.`,
        ),
        path: [...path, property],
      };
    }
    case 'type': {
      const expected = ([] as unknown[]).concat(schema.type ?? []) as string[];
      return error(`${label} must be ${oneOfWords(expected.map((t) => typeWords[t] ?? t))}, not ${kindOf(value)}.`);
    }
    case 'enum': {
      const values = (schema.enum ?? []) as unknown[];
      const labels = schema.enumLabels as string[] | undefined;
      const allowed = labels ? `${labels.join(', ')}: in the JSON ${values.map(quote).join(', ')}` : values.map(quote).join(', ');
      return error(`${label} must be one of ${allowed}. ${quote(value)} is not one of them.`);
    }
    case 'const':
      return error(`${label} must be ${quote(schema.const)}, not ${quote(value)}.`);
    case 'anyOf':
    case 'oneOf': {
      const alternatives = ((schema[unit.keyword] ?? []) as Schema[]).map(alternative);
      const text = `${label}: ${quote(value)} must be ${oneOfWords(alternatives)}.`;
      return inIdList(path, value) ? warning(text + NOT_AN_ID) : error(text);
    }
    case 'pattern': {
      if (Array.isArray(schema.examples)) {
        return error(
          `${label} must be one or more of ${(schema.examples as string[]).join(', ')}, separated by commas. ${quote(value)} is not.`,
        );
      }
      const meaning = typeof schema.description === 'string' ? lowerFirst(schema.description) : 'in the expected form';
      const text = `${label}: ${quote(value)} is not ${meaning}.`;
      return inIdList(path, value) ? warning(text + NOT_AN_ID) : error(text);
    }
    case 'minLength':
      return error(
        schema.minLength === 1 ? `${label} cannot be empty.` : `${label} must be at least ${String(schema.minLength)} characters long.`,
      );
    case 'minimum':
      return warning(
        `${label} is ${quote(value)}: the admin center allows no less than ${String(schema.minimum)}, so this is probably a mistake.`,
      );
    case 'uniqueItems': {
      const [, second] = [...unit.error.matchAll(/\d+/g)].map((m) => Number(m[0]));
      const duplicate = Array.isArray(value) && second !== undefined ? value[second] : undefined;
      return warning(`${label} lists ${quote(duplicate)} twice; once is enough.`, second !== undefined ? [...path, second] : path);
    }
    default:
      return error(`${label} is not valid here.`);
  }
}

/** Checks against a schema: each departure from it said once, at the place it concerns. */
export function schemaChecker(root: Schema): (policy: unknown) => PolicyFinding[] {
  // The schema's own annotations (enumLabels, markdownEnumDescriptions...) are not validation keywords.
  const validator = new Validator(root as never, '7', false);
  return (policy) => findings(root, validator, policy);
}

function findings(root: Schema, validator: Validator, policy: unknown): PolicyFinding[] {
  const result = validator.validate(policy);
  if (result.valid) return [];
  const leaves = result.errors.filter((unit) => !containers.has(unit.keyword));
  // An alternative's own failures (each const of an anyOf...) are summed up by the anyOf itself.
  const choices = leaves.filter((unit) => unit.keyword === 'anyOf' || unit.keyword === 'oneOf');
  const said = leaves.filter((unit) => !choices.some((c) => c !== unit && unit.keywordLocation.startsWith(`${c.keywordLocation}/`)));
  const byPlace = new Map<string, OutputUnit[]>();
  for (const unit of said) byPlace.set(unit.instanceLocation, [...(byPlace.get(unit.instanceLocation) ?? []), unit]);
  return [...byPlace.values()].flatMap((units) => {
    const required = units.filter((u) => u.keyword === 'required');
    const rank = (u: OutputUnit) => (priority.includes(u.keyword) ? priority.indexOf(u.keyword) : priority.length);
    const [first] = units.filter((u) => u.keyword !== 'required').sort((a, b) => rank(a) - rank(b));
    return [...required, ...(first ? [first] : [])].map((unit) => sentence(root, unit, policy));
  });
}

/** The policy's departures from the conditionalAccessPolicy schema. */
export const schemaFindings = schemaChecker(conditionalAccessPolicySchema);
