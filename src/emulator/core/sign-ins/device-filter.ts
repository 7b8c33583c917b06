// The emulator's reading of a Conditional Access device filter rule (the dynamic-device rule syntax):
// device.<property> -eq / -ne / -startsWith / -notStartsWith / -endsWith / -notEndsWith / -contains /
// -notContains / -in / -notIn / -match / -notMatch <value>, joined by -and / -or (-and binds first),
// with parentheses. Values are "quoted" strings, True / False, or ["a", "b"] lists for -in.
// Comparison ignores case, as Entra's rules do. A property the device does not have is null: a
// positive operator is then false and its negation true.

type Value = string | boolean | string[];
type Rule = { kind: 'test'; property: string; operator: string; value: Value } | { kind: 'and' | 'or'; left: Rule; right: Rule };

const operators = [
  '-eq',
  '-ne',
  '-startswith',
  '-notstartswith',
  '-endswith',
  '-notendswith',
  '-contains',
  '-notcontains',
  '-in',
  '-notin',
  '-match',
  '-notmatch',
];

export class DeviceFilterError extends Error {}

function tokenize(rule: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*("(?:[^"\\]|\\.)*"|\(|\)|\[|\]|,|-[A-Za-z]+|[A-Za-z_][\w.]*)/y;
  let index = 0;
  while (index < rule.length) {
    if (/^\s*$/.test(rule.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(rule);
    if (!match?.[1]) throw new DeviceFilterError(`Device filter: cannot read the rule at position ${index}: '${rule}'.`);
    tokens.push(match[1]);
    index = pattern.lastIndex;
  }
  return tokens;
}

export function parseDeviceFilter(rule: string): Rule {
  const tokens = tokenize(rule);
  let position = 0;
  const fail = (): never => {
    throw new DeviceFilterError(`Device filter: unexpected '${tokens[position] ?? 'end of rule'}' in '${rule}'.`);
  };
  const next = () => tokens[position++] ?? fail();
  const peek = () => tokens[position]?.toLowerCase();

  const literal = (): Value => {
    const token = next();
    if (token.startsWith('"')) return token.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^true$/i.test(token)) return true;
    if (/^false$/i.test(token)) return false;
    if (token === '[') {
      const items: string[] = [];
      while (peek() !== ']') {
        const item = literal();
        if (typeof item !== 'string') fail();
        items.push(item as string);
        if (peek() === ',') next();
      }
      next();
      return items;
    }
    return fail();
  };
  const primary = (): Rule => {
    if (peek() === '(') {
      next();
      const inner = or();
      if (next() !== ')') fail();
      return inner;
    }
    const subject = next();
    if (!/^device\.\w+$/i.test(subject)) fail();
    const operator = next().toLowerCase();
    if (!operators.includes(operator)) fail();
    return { kind: 'test', property: subject.slice('device.'.length), operator, value: literal() };
  };
  const and = (): Rule => {
    let left = primary();
    while (peek() === '-and') {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Rule => {
    let left = and();
    while (peek() === '-or') {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const parsed = or();
  if (position < tokens.length) fail();
  return parsed;
}

export type DeviceProperties = Record<string, string | boolean | string[] | undefined>;

function test(actual: string | boolean | string[] | undefined, operator: string, expected: Value): boolean {
  const negated = operator.startsWith('-not') || operator === '-ne';
  const positive = negated ? (operator === '-ne' ? '-eq' : `-${operator.slice(4)}`) : operator;
  if (actual === undefined) return negated;
  const lower = (v: string | boolean) => String(v).toLowerCase();
  const values = Array.isArray(actual) ? actual.map(lower) : [lower(actual)];
  const one = (value: string): boolean => {
    switch (positive) {
      case '-eq':
        return !Array.isArray(expected) && value === lower(expected);
      case '-startswith':
        return typeof expected === 'string' && value.startsWith(expected.toLowerCase());
      case '-endswith':
        return typeof expected === 'string' && value.endsWith(expected.toLowerCase());
      case '-contains':
        return typeof expected === 'string' && value.includes(expected.toLowerCase());
      case '-in':
        return Array.isArray(expected) && expected.some((item) => item.toLowerCase() === value);
      case '-match':
        return typeof expected === 'string' && new RegExp(expected, 'i').test(value);
      default:
        return false;
    }
  };
  const found = values.some(one);
  return negated ? !found : found;
}

function evaluate(rule: Rule, device: DeviceProperties): boolean {
  if (rule.kind === 'and') return evaluate(rule.left, device) && evaluate(rule.right, device);
  if (rule.kind === 'or') return evaluate(rule.left, device) || evaluate(rule.right, device);
  if (rule.kind !== 'test') return false;
  const key = Object.keys(device).find((name) => name.toLowerCase() === rule.property.toLowerCase());
  return test(key === undefined ? undefined : device[key], rule.operator, rule.value);
}

const cache = new Map<string, Rule>();

/** Whether the device matches the rule; throws DeviceFilterError for a rule it cannot read. */
export function deviceMatches(rule: string, device: DeviceProperties): boolean {
  let parsed = cache.get(rule);
  if (!parsed) {
    parsed = parseDeviceFilter(rule);
    cache.set(rule, parsed);
  }
  return evaluate(parsed, device);
}
