// The subset of OData query options Graph supports on the resources we emulate:
// $filter (eq, ne, ge, le, gt, lt, in, has, startswith, isof, any(), and, or, not, type casts such as
// microsoft.graph.countryNamedLocation/countriesAndRegions), $select, $top with @odata.nextLink
// paging, and $count. Unsupported syntax is a 400, as in Graph.
import { errors, isObject } from './http';

type Value = string | number | boolean | null;
type Expr =
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt'; path: string; value: Value }
  | { kind: 'in'; path: string; values: Value[] }
  | { kind: 'has'; path: string; flags: string }
  | { kind: 'isof'; path: string | null; type: string }
  | { kind: 'startswith'; path: string; value: string }
  | { kind: 'any'; path: string; variable: string; body: Expr | null }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; inner: Expr };

const tokenPattern = /\s*('(?:[^']|'')*'|\(|\)|,|:|[A-Za-z_][\w./@#-]*|-?\d+(?:\.\d+)?(?:[T:\d.Z+-]*)?)/y;

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  let index = 0;
  while (index < input.length) {
    if (/^\s*$/.test(input.slice(index))) break;
    tokenPattern.lastIndex = index;
    const match = tokenPattern.exec(input);
    if (!match?.[1]) throw errors.badRequest(`Invalid filter clause: syntax error at position ${index} in '${input}'.`);
    tokens.push(match[1]);
    index = tokenPattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: string[],
    private readonly source: string,
  ) {}

  parse(): Expr {
    const expr = this.or();
    if (this.position < this.tokens.length) this.fail();
    return expr;
  }

  private fail(): never {
    throw errors.badRequest(`Invalid filter clause: unsupported or malformed expression '${this.source}'.`);
  }
  private peek() {
    return this.tokens[this.position];
  }
  private next() {
    const token = this.tokens[this.position++];
    if (token === undefined) this.fail();
    return token;
  }
  private expect(token: string) {
    if (this.next().toLowerCase() !== token) this.fail();
  }

  private or(): Expr {
    let left = this.and();
    while (this.peek()?.toLowerCase() === 'or') {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.unary();
    while (this.peek()?.toLowerCase() === 'and') {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.peek()?.toLowerCase() === 'not') {
      this.next();
      return { kind: 'not', inner: this.unary() };
    }
    if (this.peek() === '(') {
      this.next();
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const head = this.next();
    if (head.toLowerCase() === 'isof') {
      // isof('microsoft.graph.ipNamedLocation') tests the item; isof(path, 'type') a property.
      this.expect('(');
      const first = this.peek()?.startsWith("'") ? null : this.next();
      if (first !== null) this.expect(',');
      const type = this.literal();
      this.expect(')');
      if (typeof type !== 'string') this.fail();
      return { kind: 'isof', path: first, type: type.replace(/^#/, '') };
    }
    if (head.toLowerCase() === 'startswith') {
      this.expect('(');
      const path = this.next();
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      if (typeof value !== 'string') this.fail();
      return { kind: 'startswith', path, value };
    }
    // A lambda: path/any(x: x/prop eq 'v') or path/any()
    const lambda = /^(.*)\/any$/i.exec(head);
    if (lambda?.[1]) {
      this.expect('(');
      if (this.peek() === ')') {
        this.next();
        return { kind: 'any', path: lambda[1], variable: '', body: null };
      }
      const variable = this.next();
      this.expect(':');
      const body = this.or();
      this.expect(')');
      return { kind: 'any', path: lambda[1], variable, body };
    }
    const op = this.next().toLowerCase();
    if (op === 'in') {
      this.expect('(');
      const values: Value[] = [this.literal()];
      while (this.peek() === ',') {
        this.next();
        values.push(this.literal());
      }
      this.expect(')');
      return { kind: 'in', path: head, values };
    }
    if (op === 'has') {
      const flags = this.literal();
      if (typeof flags !== 'string') this.fail();
      return { kind: 'has', path: head, flags };
    }
    if (op === 'eq' || op === 'ne' || op === 'ge' || op === 'le' || op === 'gt' || op === 'lt') {
      return { kind: 'cmp', op, path: head, value: this.literal() };
    }
    return this.fail();
  }
  private literal(): Value {
    const token = this.next();
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (token === 'null') return null;
    if (token === 'true' || token === 'false') return token === 'true';
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    // Unquoted date-times, as Graph accepts for DateTimeOffset properties.
    if (/^\d{4}-\d{2}-\d{2}/.test(token)) return token;
    return this.fail();
  }
}

function read(item: unknown, path: string, scope: Record<string, unknown>): unknown {
  const segments = path.split('/');
  let current: unknown = item;
  for (const [index, segment] of segments.entries()) {
    if (index === 0 && segment in scope) {
      current = scope[segment];
      continue;
    }
    // A type cast such as microsoft.graph.countryNamedLocation/countriesAndRegions: items of
    // another type have no such property.
    if (segment.startsWith('microsoft.graph.')) {
      if (!isOfType(current, segment)) return undefined;
      continue;
    }
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function isOfType(value: unknown, type: string): boolean {
  return isObject(value) && String(value['@odata.type'] ?? '').toLowerCase() === `#${type}`.toLowerCase();
}

/** Flags enums travel as comma-separated names ("password, sms" or "password,sms"), in any order. */
function flagSet(value: string): Set<string> {
  return new Set(
    value
      .split(',')
      .map((flag) => flag.trim().toLowerCase())
      .filter(Boolean),
  );
}

function compare(actual: unknown, op: string, expected: Value): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  const a = norm(actual);
  const b = norm(expected);
  switch (op) {
    case 'eq':
      return a === b || (actual === undefined && expected === null);
    case 'ne':
      return !(a === b || (actual === undefined && expected === null));
    default: {
      if (a === null || a === undefined || b === null) return false;
      const x = typeof a === 'string' && typeof b === 'string' && /^\d{4}-/.test(a) ? Date.parse(a) : a;
      const y = typeof a === 'string' && typeof b === 'string' && /^\d{4}-/.test(b) ? Date.parse(b) : b;
      if (op === 'ge') return (x as number) >= (y as number);
      if (op === 'le') return (x as number) <= (y as number);
      if (op === 'gt') return (x as number) > (y as number);
      return (x as number) < (y as number);
    }
  }
}

function evaluate(expr: Expr, item: unknown, scope: Record<string, unknown>): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, item, scope) && evaluate(expr.right, item, scope);
    case 'or':
      return evaluate(expr.left, item, scope) || evaluate(expr.right, item, scope);
    case 'not':
      return !evaluate(expr.inner, item, scope);
    case 'cmp':
      return compare(read(item, expr.path, scope), expr.op, expr.value);
    case 'in': {
      const actual = read(item, expr.path, scope);
      return expr.values.some((value) => compare(actual, 'eq', value));
    }
    case 'has': {
      const actual = read(item, expr.path, scope);
      if (typeof actual !== 'string') return false;
      const present = flagSet(actual);
      return [...flagSet(expr.flags)].every((flag) => present.has(flag));
    }
    case 'isof':
      return isOfType(expr.path === null ? item : read(item, expr.path, scope), expr.type);
    case 'startswith': {
      const actual = read(item, expr.path, scope);
      return typeof actual === 'string' && actual.toLowerCase().startsWith(expr.value.toLowerCase());
    }
    case 'any': {
      const collection = read(item, expr.path, scope);
      if (!Array.isArray(collection)) return false;
      if (!expr.body) return collection.length > 0;
      const body = expr.body;
      return collection.some((element) => evaluate(body, item, { ...scope, [expr.variable]: element }));
    }
  }
}

export function compileFilter(filter: string | null): (item: unknown) => boolean {
  if (!filter) return () => true;
  const expr = new Parser(tokenize(filter), filter).parse();
  return (item) => evaluate(expr, item, {});
}

/** The properties a $filter reads, as paths from the item (a lambda's `t/id` over targetResources is targetResources/id). */
export function filterPaths(filter: string | null): string[] {
  if (!filter) return [];
  const paths: string[] = [];
  const walk = (expr: Expr, variables: Map<string, string>) => {
    const resolve = (path: string) => {
      const [head = '', ...rest] = path.split('/');
      const collection = variables.get(head);
      return collection === undefined ? path : [collection, ...rest].join('/');
    };
    switch (expr.kind) {
      case 'and':
      case 'or':
        walk(expr.left, variables);
        walk(expr.right, variables);
        return;
      case 'not':
        walk(expr.inner, variables);
        return;
      case 'isof':
        if (expr.path !== null) paths.push(resolve(expr.path));
        return;
      case 'any': {
        const collection = resolve(expr.path);
        paths.push(collection);
        if (expr.body) walk(expr.body, new Map(variables).set(expr.variable, collection));
        return;
      }
      default:
        paths.push(resolve(expr.path));
    }
  };
  walk(new Parser(tokenize(filter), filter).parse(), new Map());
  return paths;
}

/** Keeps the selected properties (plus id and @odata.type), typed as the item for convenience. */
/** $select read once for a whole collection: what it names, with id and @odata.type always kept. */
export function selector(select: string | null): <T extends object>(item: T) => T {
  if (!select) return (item) => item;
  const keys = new Set(select.split(',').map((key) => key.trim()));
  keys.add('id');
  keys.add('@odata.type');
  return <T extends object>(item: T) => {
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(item)) if (keys.has(key)) picked[key] = (item as Record<string, unknown>)[key];
    return picked as T;
  };
}

export function applySelect<T extends object>(item: T, select: string | null): T {
  return selector(select)(item);
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

/** Pages with $top and an opaque $skiptoken, as Graph's nextLink does. */
export function paginate<T>(items: T[], url: URL, defaultTop: number | null): Page<T> {
  const topParam = url.searchParams.get('$top');
  const top = topParam ? Number(topParam) : defaultTop;
  if (topParam && (!Number.isInteger(top) || (top as number) < 1)) throw errors.badRequest(`Invalid value '${topParam}' for $top.`);
  const skipToken = url.searchParams.get('$skiptoken');
  const start = skipToken ? Number.parseInt(atob(skipToken), 10) || 0 : 0;
  if (top === null) return { items: items.slice(start) };
  const end = start + top;
  const page = items.slice(start, end);
  if (end >= items.length) return { items: page };
  const next = new URL(url);
  next.searchParams.set('$skiptoken', btoa(String(end)));
  return { items: page, nextLink: next.toString() };
}

export function listBody<T>(context: string, page: Page<T>, count?: number): Record<string, unknown> {
  return {
    '@odata.context': context,
    ...(count === undefined ? {} : { '@odata.count': count }),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items,
  };
}
