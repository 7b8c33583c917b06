// The rule language of Conditional Access filters (devices, applications, service principals): the
// syntax of dynamic membership rules in Entra ID, which the filter docs point to. Expressions are
// `object.property -operator value`, joined by -and / -or, negated by -not, grouped by parentheses;
// -and binds tighter than -or, -not tighter than both (the documented precedence). Operators are
// case-insensitive and may be written without their hyphen; string comparisons and regular
// expressions ignore case; strings are quoted with " (a " inside escaped with a backtick) or ' (doubled);
// -in and -notIn take a [list]; true, false and null stand bare. A rule that does not parse is returned
// as an error with its column, never thrown. Evaluation is three-valued: a property the caller does
// not know makes an expression unknown only where its value could change the answer.

export type PropertyType = 'string' | 'boolean' | 'collection' | 'any';

export interface PropertySpec {
  /** The documented spelling, e.g. device.isCompliant. */
  name: string;
  type: PropertyType;
}

export interface RuleVocabulary {
  /** What the rules are about, for messages: "device". */
  subject: string;
  /** The property a written name stands for, or undefined when there is no such property. */
  property(written: string): PropertySpec | undefined;
  /** The properties, for the error message that lists them. */
  known: string;
}

export const COMPARISONS = [
  'eq',
  'ne',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
  'contains',
  'notContains',
  'in',
  'notIn',
  'match',
  'notMatch',
] as const;
export type Comparison = (typeof COMPARISONS)[number];

export type Scalar = string | boolean | number | null;

export type RuleExpression =
  | { kind: 'compare'; property: PropertySpec; operator: Comparison; value: Scalar | Scalar[]; regex?: RegExp; column: number }
  | { kind: 'and' | 'or'; left: RuleExpression; right: RuleExpression }
  | { kind: 'not'; operand: RuleExpression };

export interface RuleError {
  message: string;
  /** 1-based column in the rule text. */
  column: number;
}

export type ParsedRule = { ok: true; expression: RuleExpression } | { ok: false; error: RuleError };

/** The documented maximum length of a filter rule. */
export const MAX_RULE_LENGTH = 3072;

type Token =
  | { kind: 'punct'; text: '(' | ')' | '[' | ']' | ','; column: number }
  | { kind: 'operator'; text: string; column: number }
  | { kind: 'string'; text: string; column: number }
  | { kind: 'word'; text: string; column: number };

class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const HYPHENS = new Set(['-', '\u2013', '\u2212']); // the docs' own examples use an en dash now and then

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i]!;
    const column = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punct', text: c, column });
      i++;
    } else if (c === '"' || c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= rule.length) throw new RuleSyntaxError(`The string that starts here is not closed with ${c}.`, column);
        const d = rule[i]!;
        if (c === '"' && d === '`' && i + 1 < rule.length) {
          text += rule[i + 1];
          i += 2;
        } else if (d === c && c === "'" && rule[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (d === c) {
          i++;
          break;
        } else {
          text += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', text, column });
    } else if (HYPHENS.has(c) && /[A-Za-z]/.test(rule[i + 1] ?? '')) {
      let j = i + 1;
      while (j < rule.length && /[A-Za-z]/.test(rule[j]!)) j++;
      tokens.push({ kind: 'operator', text: rule.slice(i + 1, j), column });
      i = j;
    } else {
      let j = i;
      while (j < rule.length && !/[\s()[\],"']/.test(rule[j]!)) j++;
      tokens.push({ kind: 'word', text: rule.slice(i, j), column });
      i = j;
    }
  }
  return tokens;
}

const comparisonNamed = (text: string): Comparison | undefined => COMPARISONS.find((op) => op.toLowerCase() === text.toLowerCase());
const NEGATIVE: ReadonlySet<Comparison> = new Set(['ne', 'notStartsWith', 'notEndsWith', 'notContains', 'notIn', 'notMatch']);
export const isNegative = (op: Comparison) => NEGATIVE.has(op);
/** Operators of dynamic membership rules that filters do not take. */
const UNSUPPORTED = new Set(['any', 'all', 'le', 'ge', 'lt', 'gt', 'plus', 'memberof']);

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly vocabulary: RuleVocabulary,
    private readonly end: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private column(): number {
    return this.peek()?.column ?? this.end;
  }

  /** A logical keyword here (-and, or, -not…), written with or without its hyphen. */
  private keyword(name: 'and' | 'or' | 'not'): boolean {
    const token = this.peek();
    if (!token || (token.kind !== 'operator' && token.kind !== 'word')) return false;
    if (token.text.toLowerCase() !== name) return false;
    this.at++;
    return true;
  }

  parse(): RuleExpression {
    if (this.tokens.length === 0) throw new RuleSyntaxError(`The rule is empty: write an expression such as ${this.example()}.`, 1);
    const expression = this.or();
    const rest = this.peek();
    if (rest) {
      const hint = rest.kind === 'punct' && rest.text === ')' ? 'This ) closes no (.' : 'Expected -and or -or before this.';
      throw new RuleSyntaxError(hint, rest.column);
    }
    return expression;
  }

  private example(): string {
    return this.vocabulary.subject === 'device' ? 'device.isCompliant -eq True' : `${this.vocabulary.subject}.Name -eq "value"`;
  }

  private or(): RuleExpression {
    let left = this.and();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): RuleExpression {
    let left = this.not();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.not() };
    return left;
  }

  private not(): RuleExpression {
    if (this.keyword('not')) return { kind: 'not', operand: this.not() };
    return this.primary();
  }

  private primary(): RuleExpression {
    const token = this.peek();
    if (!token) throw new RuleSyntaxError(`The rule ends where an expression was expected, such as ${this.example()}.`, this.end);
    if (token.kind === 'punct' && token.text === '(') {
      this.at++;
      const inner = this.or();
      const close = this.peek();
      if (!close || close.kind !== 'punct' || close.text !== ')')
        throw new RuleSyntaxError(`The ( at column ${token.column} is not closed.`, close?.column ?? this.end);
      this.at++;
      return inner;
    }
    return this.comparison();
  }

  private comparison(): RuleExpression {
    const token = this.peek()!;
    if (token.kind !== 'word') throw new RuleSyntaxError(`Expected a property such as ${this.example()} here.`, token.column);
    const property = this.vocabulary.property(token.text);
    if (!property)
      throw new RuleSyntaxError(
        `'${token.text}' is not a ${this.vocabulary.subject} property a filter can use (${this.vocabulary.known}).`,
        token.column,
      );
    this.at++;
    const opToken = this.peek();
    if (!opToken || (opToken.kind !== 'operator' && opToken.kind !== 'word'))
      throw new RuleSyntaxError(`Expected an operator such as -eq after ${property.name}.`, opToken?.column ?? this.end);
    const operator = comparisonNamed(opToken.text);
    if (!operator) {
      const why = UNSUPPORTED.has(opToken.text.toLowerCase()) ? 'is not supported in filter rules' : 'is not an operator';
      throw new RuleSyntaxError(
        `'-${opToken.text.replace(/^-/, '')}' ${why}; use one of ${COMPARISONS.map((o) => `-${o}`).join(' ')}.`,
        opToken.column,
      );
    }
    this.at++;
    const valueColumn = this.column();
    const value = this.value(operator);
    return this.checked(property, operator, value, opToken.column, valueColumn);
  }

  private value(operator: Comparison): Scalar | Scalar[] {
    const token = this.peek();
    if (!token) throw new RuleSyntaxError(`-${operator} needs a value after it.`, this.end);
    if (token.kind === 'punct' && token.text === '[') {
      this.at++;
      const items: Scalar[] = [];
      while (!(this.peek()?.kind === 'punct' && this.peek()?.text === ']')) {
        const item = this.peek();
        if (!item) throw new RuleSyntaxError(`The list that starts at column ${token.column} is not closed with ].`, this.end);
        items.push(this.scalar());
        const next = this.peek();
        if (next?.kind === 'punct' && next.text === ',') this.at++;
        else if (!next) throw new RuleSyntaxError(`The list that starts at column ${token.column} is not closed with ].`, this.end);
        else if (!(next.kind === 'punct' && next.text === ']')) throw new RuleSyntaxError('Expected , or ] in the list.', next.column);
      }
      this.at++;
      return items;
    }
    return this.scalar();
  }

  private scalar(): Scalar {
    const token = this.peek()!;
    if (token.kind === 'string') {
      this.at++;
      return token.text;
    }
    if (token.kind === 'word') {
      this.at++;
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      if (lower === 'null') return null;
      if (/^-?[0-9]+(\.[0-9]+)?$/.test(token.text)) return Number(token.text);
      throw new RuleSyntaxError(`'${token.text}' is not a value: put a string in double quotes ("${token.text}").`, token.column);
    }
    throw new RuleSyntaxError('Expected a value here: a quoted string, true, false, null or a number.', token.column);
  }

  private checked(
    property: PropertySpec,
    operator: Comparison,
    value: Scalar | Scalar[],
    opColumn: number,
    valueColumn: number,
  ): RuleExpression {
    const list = operator === 'in' || operator === 'notIn';
    if (list !== Array.isArray(value))
      throw new RuleSyntaxError(
        list
          ? `-${operator} takes a list in brackets, such as ["a", "b"].`
          : `-${operator} takes one value, not a list (use -in for a list).`,
        valueColumn,
      );
    if (value === null && operator !== 'eq' && operator !== 'ne')
      throw new RuleSyntaxError(`null can only be compared with -eq or -ne.`, valueColumn);
    if (property.type === 'collection' && operator !== 'contains' && operator !== 'notContains')
      throw new RuleSyntaxError(`${property.name} is a list of values: it takes -contains or -notContains.`, opColumn);
    if (property.type === 'boolean') {
      if (operator !== 'eq' && operator !== 'ne')
        throw new RuleSyntaxError(`${property.name} is true or false: it takes -eq or -ne.`, opColumn);
      const text = String(value).toLowerCase();
      if (value !== null && text !== 'true' && text !== 'false')
        throw new RuleSyntaxError(`${property.name} is compared with True or False.`, valueColumn);
    }
    let regex: RegExp | undefined;
    if (operator === 'match' || operator === 'notMatch') {
      try {
        regex = new RegExp(String(value), 'i');
      } catch (error) {
        throw new RuleSyntaxError(`Not a regular expression: ${error instanceof Error ? error.message : String(error)}.`, valueColumn);
      }
    }
    return { kind: 'compare', property, operator, value, column: opColumn, ...(regex ? { regex } : {}) };
  }
}

/** Parses a rule, or says where and why it cannot. */
export function parseRule(rule: string, vocabulary: RuleVocabulary): ParsedRule {
  if (rule.length > MAX_RULE_LENGTH)
    return {
      ok: false,
      error: {
        message: `The rule is ${rule.length} characters long; the service accepts at most ${MAX_RULE_LENGTH}.`,
        column: MAX_RULE_LENGTH + 1,
      },
    };
  try {
    return { ok: true, expression: new Parser(tokenize(rule), vocabulary, rule.length + 1).parse() };
  } catch (error) {
    if (error instanceof RuleSyntaxError) return { ok: false, error: { message: error.message, column: error.column } };
    throw error;
  }
}

/** A property's value: null when the object has none, undefined when the caller does not know it. */
export type PropertyValue = string | boolean | readonly string[] | null | undefined;

export interface RuleAnswer {
  value: boolean | undefined;
  /** The properties whose values would settle an unknown answer. */
  missing: string[];
}

const text = (v: Scalar): string => (typeof v === 'string' ? v.toLowerCase() : String(v).toLowerCase());

/** The positive form of an operator on one string (null has no substring, prefix or match). */
function holds(operator: Comparison, actual: string, expected: Scalar | Scalar[], regex: RegExp | undefined): boolean {
  const a = actual.toLowerCase();
  switch (operator) {
    case 'eq':
    case 'ne':
      return a === text(expected as Scalar);
    case 'startsWith':
    case 'notStartsWith':
      return a.startsWith(text(expected as Scalar));
    case 'endsWith':
    case 'notEndsWith':
      return a.endsWith(text(expected as Scalar));
    case 'contains':
    case 'notContains':
      return a.includes(text(expected as Scalar));
    case 'in':
    case 'notIn':
      return (expected as Scalar[]).some((e) => e !== null && a === text(e));
    case 'match':
    case 'notMatch':
      return regex!.test(actual);
  }
}

function compare(expression: Extract<RuleExpression, { kind: 'compare' }>, actual: PropertyValue): boolean | undefined {
  const { operator, value, regex } = expression;
  if (actual === undefined) return undefined;
  const negative = isNegative(operator);
  let positive: boolean;
  if (value === null) positive = actual === null;
  else if (actual === null) positive = false;
  else if (Array.isArray(actual)) {
    // For a list, -contains asks whether one of its values is the string (whole), as the docs say.
    const items = actual as readonly string[];
    positive =
      operator === 'contains' || operator === 'notContains'
        ? items.some((item) => item.toLowerCase() === text(value as Scalar))
        : items.some((item) => holds(operator, item, value, regex));
  } else positive = holds(operator, typeof actual === 'boolean' ? String(actual) : (actual as string), value, regex);
  return negative ? !positive : positive;
}

/** Evaluates a parsed rule against property values, three-valued. */
export function evaluateRule(expression: RuleExpression, read: (property: PropertySpec) => PropertyValue): RuleAnswer {
  switch (expression.kind) {
    case 'compare': {
      const value = compare(expression, read(expression.property));
      return { value, missing: value === undefined ? [expression.property.name] : [] };
    }
    case 'not': {
      const inner = evaluateRule(expression.operand, read);
      return { value: inner.value === undefined ? undefined : !inner.value, missing: inner.missing };
    }
    case 'and':
    case 'or': {
      const decisive = expression.kind === 'or';
      const left = evaluateRule(expression.left, read);
      if (left.value === decisive) return left;
      const right = evaluateRule(expression.right, read);
      if (right.value === decisive) return right;
      if (left.value === undefined || right.value === undefined)
        return { value: undefined, missing: [...new Set([...left.missing, ...right.missing])] };
      return { value: !decisive, missing: [] };
    }
  }
}
