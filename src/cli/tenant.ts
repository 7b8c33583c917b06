// Signing in to the tenant a command reads, and the Graph client over it: the token's tenant and
// permissions are checked against the command's row of the permissions table before any read, so
// a missing grant is named with what it is for. Sign-in failures become one clear, scrubbed line.
import type { Plan } from '../domain/plan/types';
import { GraphClient } from '../graph/client';
import { memoryContext } from '../operations/memory-stores';
import type { OperationContext } from '../operations/ports';
import { text, type Values } from './args';
import { signIn, type SignInMethod } from './auth/sign-in';
import { CliError } from './cli-error';
import type { CliIo } from './io';
import { delegatedScopes, missingPermissions, type CommandName, type Permission } from './permissions';
import { readTokenClaims, type TokenClaims } from './token-claims';

export interface TenantConnection {
  context: OperationContext;
  tenantId: string;
  /** The permissions the token carries; null when it does not say. */
  granted: string[] | null;
  has(permission: string): boolean;
  /** Of the permissions the run may go on without (ConnectOptions.goesOnWithout), those the token lacks. */
  lacking: Permission[];
  /** Writes Graph accepted since sign-in (POST, PATCH, PUT, DELETE; not a $batch of reads): what a run really changed. */
  writes(): number;
}

export interface ConnectOptions {
  /** Whether the run needs an optional permission (default: every one): a note is said only for those it needs. */
  needs?: (permission: Permission) => boolean;
  /** Required permissions this run can go on without (impact told --allow-no-logs): not refused, listed in `lacking`. */
  goesOnWithout?: readonly string[];
  /** Which optional permissions a person's sign-in asks as delegated scopes, as this run cannot do without them (default: none). */
  asks?: (permission: Permission) => boolean;
}

/** What applying the plan needs of the optional permissions: Group.Create only when it creates a group. */
export function planNeeds(plan: Plan): (permission: Permission) => boolean {
  const createsGroups = plan.rows.some((r) => r.kind === 'group' && r.action === 'create');
  return (permission) => permission.name !== 'Group.Create' || createsGroups;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function signInFailure(error: unknown, io: CliIo, authority: string): CliError {
  if (error instanceof CliError) return error;
  const record = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const code = typeof record.errorCode === 'string' && record.errorCode ? `${record.errorCode}: ` : '';
  const message = typeof record.errorMessage === 'string' && record.errorMessage ? record.errorMessage : String(record.message ?? error);
  // MSAL wraps the service's reason in "Error(s): … - Description: <reason> - Correlation ID: …"; the reason is what helps.
  const reason = (/Description: ([\s\S]*?)(?: - Correlation ID:|$)/.exec(message)?.[1] ?? message).split(/\r?\n|\s+Trace ID:/)[0]!.trim();
  return new CliError(io.redactor.redact(`Sign-in failed at ${authority}: ${code}${reason}`));
}

/** What a token lacks for a command, in words: each permission with what it is for. */
export function lacksMessage(command: CommandName, tenant: string, required: readonly Permission[], claims: TokenClaims): string {
  const none = claims.appOnly && claims.permissions?.length === 0;
  return `The token for ${tenant} lacks ${required.map((p) => `${p.name} (${p.why})`).join('; ')}.${none ? ' It holds no application permission: none has admin consent yet.' : ''} Grant the application these permissions with admin consent; \`gatehouse permissions ${command}\` lists them all.`;
}

export async function connectTenant(
  command: CommandName,
  values: Values,
  io: CliIo,
  options: ConnectOptions = {},
): Promise<TenantConnection> {
  const tenant = text(values, 'tenant') ?? io.env.AZURE_TENANT_ID ?? '';
  const graphUrl = text(values, 'graph-url') ?? io.env.GATEHOUSE_GRAPH_URL ?? 'https://graph.microsoft.com';
  const authority = text(values, 'authority') ?? io.env.GATEHOUSE_AUTHORITY;
  const signedIn = await signIn({
    tenant,
    clientId: text(values, 'client-id') ?? io.env.AZURE_CLIENT_ID ?? '',
    authority,
    graphUrl,
    method: (text(values, 'auth') ?? 'auto') as SignInMethod,
    certificatePath: text(values, 'certificate'),
    federatedTokenFile: text(values, 'federated-token-file'),
    serviceConnectionId: text(values, 'service-connection-id'),
    env: io.env,
    log: (line) => io.err(`${line}\n`),
    secret: io.redactor.note,
    interactive: io.interactive,
    delegatedScopes: delegatedScopes(command, { asks: options.asks, goesOnWithout: options.goesOnWithout }),
  });
  io.err(`Signing in to ${tenant} with ${signedIn.method}…\n`);
  let token: string;
  try {
    token = await signedIn.getToken([]);
  } catch (error) {
    throw signInFailure(error, io, authority ?? 'login.microsoftonline.com');
  }
  const claims = readTokenClaims(token);
  // A tenant named by id is the one to read: an authority that does not name it can sign in to another
  // tenant, whose objects would then be backed up, planned or reported under this one's name. A
  // domain name cannot be compared with the token's id.
  if (GUID.test(tenant) && claims.tenantId && claims.tenantId.toLowerCase() !== tenant.toLowerCase())
    throw new CliError(
      `Signed in to tenant ${claims.tenantId}, not ${tenant}: nothing was read. The authority ${authority ?? `https://login.microsoftonline.com/${tenant}`} gave a token for another tenant; name this tenant in it (with --tenants, "{tenant}" stands for each tenant's id), or check the application's client id.`,
    );
  let lacking: Permission[] = [];
  if (claims.permissions) {
    const missing = missingPermissions(command, claims.permissions);
    const tolerated = (p: Permission) => (options.goesOnWithout ?? []).includes(p.name);
    lacking = missing.required.filter(tolerated);
    const required = missing.required.filter((p) => !tolerated(p));
    if (required.length > 0) throw new CliError(lacksMessage(command, tenant, required, claims));
    for (const p of missing.optional.filter(options.needs ?? (() => true)))
      io.err(`Without ${p.name}, ${command} goes on without ${p.why}.\n`);
  }
  let writes = 0;
  const client = new GraphClient({
    baseUrl: graphUrl,
    getToken: signedIn.getToken,
    readScopes: [],
    onRoundTrip: ({ method, url, status }) => {
      if (method !== 'GET' && status >= 200 && status < 300 && !new URL(url).pathname.endsWith('/$batch')) writes++;
    },
  });
  const tenantId = claims.tenantId ?? tenant;
  const granted = claims.permissions;
  return {
    context: memoryContext(client, tenantId, { now: io.now }),
    tenantId,
    granted,
    has: (permission) => granted === null || missingPermissions(command, granted).optional.every((p) => p.name !== permission),
    lacking,
    writes: () => writes,
  };
}
