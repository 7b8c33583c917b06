// Arguments: each command declares its options (with the words for its --help), and the
// connection options every tenant-reading command shares. Parsed strictly: an unknown option or a
// missing value is an error that names it, never silently ignored.
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { SIGN_IN_METHODS } from './auth/sign-in';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** e.g. "<file>" */
  value?: string;
  description: string;
  /** Parsed (so a misplaced option is refused in words, not as unknown) but left out of --help. */
  hidden?: boolean;
  /** A one-letter form (-h), as other command lines take it. */
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export const CONNECTION_OPTIONS: OptionSpecs = {
  tenant: { type: 'string', value: '<id or domain>', description: 'The tenant to sign in to (default: AZURE_TENANT_ID).' },
  'client-id': { type: 'string', value: '<guid>', description: "The app registration's client id (default: AZURE_CLIENT_ID)." },
  auth: {
    type: 'string',
    value: `<${SIGN_IN_METHODS.join('|')}>`,
    description: 'How to sign in (default auto: federated, then certificate, then AZURE_CLIENT_SECRET, then device code at a terminal).',
  },
  certificate: {
    type: 'string',
    value: '<pem>',
    description: 'A PEM with the certificate and its private key (default: AZURE_CLIENT_CERTIFICATE_PATH).',
  },
  'federated-token-file': {
    type: 'string',
    value: '<file>',
    description: 'An OIDC token to present (default: AZURE_FEDERATED_TOKEN_FILE).',
  },
  'service-connection-id': { type: 'string', value: '<id>', description: "Azure DevOps: the workload-identity service connection's id." },
  authority: {
    type: 'string',
    value: '<url>',
    description: 'The token issuer (default: https://login.microsoftonline.com/<tenant>; GATEHOUSE_AUTHORITY).',
  },
  'graph-url': {
    type: 'string',
    value: '<url>',
    description: 'Microsoft Graph (default: https://graph.microsoft.com; GATEHOUSE_GRAPH_URL).',
  },
};

export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'Show this help.' } };

/** Edits (insert, delete, replace, swap two neighbours) turning one word into the other. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known option a mistyped one most likely meant: a few edits away, or the start of it. */
export function closestOption(given: string, known: readonly string[]): string | null {
  const word = given.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  if (!word) return null;
  const ranked = known
    .map((name) => ({ name, d: name.startsWith(word) && word.length >= 2 ? 0.5 : distance(word, name) }))
    .filter((c) => c.d <= Math.max(1, Math.min(3, Math.floor(c.name.length / 3))))
    .sort((a, b) => a.d - b.d);
  return ranked[0]?.name ?? null;
}

/** One line for Node's parser errors (its own text for an unknown option is long and quotes unevenly). */
function parseFailure(error: unknown, specs: OptionSpecs, command: string): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const help = `See gatehouse ${command} --help.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /Unknown option '([^']*)'/.exec(message)?.[1] ?? message;
    const near = closestOption(given, Object.keys(specs));
    return `Unknown option ${given}.${near ? ` Did you mean --${near}?` : ''} ${help}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /Option '(--[^ ']+)/.exec(message)?.[1];
    if (option && specs[option.slice(2)]?.type === 'boolean') return `${option} takes no value. ${help}`;
    if (option) return `${option} needs a value${specs[option.slice(2)]?.value ? ` (${specs[option.slice(2)]!.value})` : ''}. ${help}`;
  }
  return `${message.split('\n')[0]} ${help}`;
}

/**
 * `--days -5` as `--days=-5`: Node's parser takes a value starting with a dash for an option and
 * refuses it as missing; given to the option, its own check says what numbers it takes.
 */
function withNegativeValues(args: readonly string[], specs: OptionSpecs): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === '--') return [...joined, ...args.slice(i)];
    if (arg.startsWith('--') && specs[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

export function parse(
  args: readonly string[],
  specs: OptionSpecs,
  positionals: { min: number; max: number; usage: string; command: string },
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: withNegativeValues(args, specs),
      options: Object.fromEntries(
        Object.entries(specs).map(([name, s]) => [
          name,
          { type: s.type, ...(s.multiple && { multiple: true }), ...(s.short && { short: s.short }) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new CliError(parseFailure(error, specs, positionals.command));
  }
  // An option that takes one value, given twice with two values: Node keeps the last, and the first is silently lost.
  const givenValues = new Map<string, string[]>();
  for (const token of parsed.tokens)
    if (token.kind === 'option' && token.value !== undefined && !specs[token.name]?.multiple)
      givenValues.set(token.name, [...(givenValues.get(token.name) ?? []), token.value]);
  for (const [name, list] of givenValues)
    if (new Set(list).size > 1)
      throw new CliError(`--${name} is given ${list.length} times (${list.map((v) => `'${v}'`).join(', ')}): it takes one. Give it once.`);
  const values = parsed.values as Values;
  const given = parsed.positionals.length;
  if (!values.help && (given < positionals.min || given > positionals.max)) {
    // Only the bound crossed is named: a command may take fewer arguments with an option (diff with --tenants).
    const expected =
      positionals.min === positionals.max
        ? `${positionals.min}`
        : given > positionals.max
          ? `at most ${positionals.max}`
          : `at least ${positionals.min}`;
    throw new CliError(`Expected ${expected} argument(s), got ${given}.\nUsage: ${positionals.usage}`);
  }
  return { values, positionals: parsed.positionals };
}

export const text = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};
export const texts = (values: Values, name: string): string[] => {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

export function choice<T extends string>(values: Values, name: string, allowed: readonly T[], fallback: T): T {
  const v = text(values, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`--${name} takes ${allowed.join(', ')}; not '${v}'.`);
  return v as T;
}

/** A whole-number option (days, a cap, a count), within bounds; the words say what it takes. */
export function wholeNumber(values: Values, name: string, fallback: number, min: number, max: number): number {
  const given = text(values, name);
  if (given === undefined) return fallback;
  const n = Number(given);
  if (!/^\d+$/.test(given) || n < min || n > max) {
    const what = min === 1 ? 'a positive whole number' : min === 0 ? 'a whole number (0 or more)' : `a whole number from ${min}`;
    throw new CliError(`--${name} takes ${what} up to ${max}, not '${given}'.`);
  }
  return n;
}

export function helpText(usage: string, summary: string, specs: OptionSpecs, more = ''): string {
  const rows = Object.entries(specs)
    .filter(([, s]) => !s.hidden)
    .map(([name, s]) => [`--${name}${s.value ? ` ${s.value}` : ''}`, s.description] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.map(([flag, d]) => `  ${flag.padEnd(width)}  ${d}`).join('\n')}\n${more ? `\n${more}\n` : ''}`;
}
