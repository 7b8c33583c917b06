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

export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', description: 'Show this help.' } };

export function parse(args: readonly string[], specs: OptionSpecs, positionals: { min: number; max: number; usage: string }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.multiple && { multiple: true }) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\nUsage: ${positionals.usage}`);
  }
  const values = parsed.values as Values;
  if (!values.help && (parsed.positionals.length < positionals.min || parsed.positionals.length > positionals.max)) {
    throw new CliError(
      `Expected ${positionals.min === positionals.max ? positionals.min : `${positionals.min} to ${positionals.max}`} argument(s), got ${parsed.positionals.length}.\nUsage: ${positionals.usage}`,
    );
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

export function helpText(usage: string, summary: string, specs: OptionSpecs, more = ''): string {
  const rows = Object.entries(specs).map(([name, s]) => [`--${name}${s.value ? ` ${s.value}` : ''}`, s.description] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.map(([flag, d]) => `  ${flag.padEnd(width)}  ${d}`).join('\n')}\n${more ? `\n${more}\n` : ''}`;
}
