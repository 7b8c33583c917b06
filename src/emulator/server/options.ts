// The emulator server's command line, read without throwing: --help gives the usage, and a mistyped
// option or a bad value gives one line saying which (cli.ts prints it and exits 2), not a stack trace.
import { parseArgs } from 'node:util';
import { POLICY_LIMIT } from '../seed/large-seed';
import { MAX_TENANTS } from './many-tenants';

export interface EmulatorOptions {
  port: number;
  issuer: string | undefined;
  latencyMs: number;
  rateLimits: boolean;
  policies: number | undefined;
  tenants: number | undefined;
  signIn: boolean;
}

export type ReadOptions = { kind: 'run'; options: EmulatorOptions } | { kind: 'help'; text: string } | { kind: 'error'; message: string };

const MIN_POLICIES = 35;

export const USAGE = `Usage: npm run emulator -- [options]

Serves the demo's emulated Microsoft Graph at http://localhost:<port>/v1.0 and /beta, and prints a
token for each built-in account.

Options:
  --port <n>             The port to listen on (default 4010).
  --sign-in              Also start a local sign-in server (OAuth2 over https, with a certificate made now) and
                         print the environment with which \`npx gatehouse\` signs in to the emulator.
  --issuer <url>         Verify the tokens of this OpenID Connect provider instead of signing its own
                         (default: the emulator signs its own).
  --latency <ms>         Delay every request by this many milliseconds (default 0).
  --no-rate-limit        Lift the Conditional Access and reports rate limits (default: they apply).
  --policies <n>         Contoso with ${MIN_POLICIES} to ${POLICY_LIMIT} policies (default ${MIN_POLICIES}; EMULATOR_POLICIES).
  --tenants <n>          Serve n copies of Contoso (1 to ${MAX_TENANTS}) instead of the demo's two tenants (default: the two).
  --help                 Show this help.
`;

const HINT = 'Run `npm run emulator -- --help` for the options.';

function whole(value: string, name: string, min: number, max: number): number | string {
  const n = Number(value);
  return /^\d+$/.test(value.trim()) && n >= min && n <= max ? n : `--${name} takes a whole number from ${min} to ${max}, not '${value}'.`;
}

export function readEmulatorOptions(args: string[], env: Record<string, string | undefined> = {}): ReadOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '4010' },
        issuer: { type: 'string' },
        latency: { type: 'string', default: '0' },
        'no-rate-limit': { type: 'boolean', default: false },
        policies: { type: 'string', default: env.EMULATOR_POLICIES || undefined },
        tenants: { type: 'string' },
        'sign-in': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // Node's words ("Unknown option '--x'. To specify a positional argument …") without its error code.
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    return { kind: 'error', message: `${message.replace(/\.$/, '')}. ${HINT}` };
  }
  if (values.help) return { kind: 'help', text: USAGE };
  const fail = (message: string): ReadOptions => ({ kind: 'error', message: `${message} ${HINT}` });

  const port = whole(values.port, 'port', 1, 65535);
  if (typeof port === 'string') return fail(port);
  const latencyMs = whole(values.latency, 'latency', 0, 600_000);
  if (typeof latencyMs === 'string') return fail(latencyMs);
  const policies = values.policies === undefined ? undefined : whole(values.policies, 'policies', MIN_POLICIES, POLICY_LIMIT);
  if (typeof policies === 'string') return fail(policies);
  const tenants = values.tenants === undefined ? undefined : whole(values.tenants, 'tenants', 1, MAX_TENANTS);
  if (typeof tenants === 'string') return fail(tenants);
  if (tenants !== undefined && policies !== undefined) return fail('--tenants and --policies do not go together.');
  const issuer = values.issuer;
  if (issuer !== undefined && !/^https?:\/\/[^/]/.test(issuer)) return fail(`--issuer takes an http or https URL, not '${issuer}'.`);
  if (issuer !== undefined && values['sign-in'])
    return fail('--sign-in and --issuer do not go together: --sign-in starts the provider that --issuer would name.');

  return {
    kind: 'run',
    options: { port, issuer, latencyMs, rateLimits: !values['no-rate-limit'], policies, tenants, signIn: values['sign-in'] },
  };
}
