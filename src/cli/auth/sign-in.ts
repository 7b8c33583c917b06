// Sign-in for the command line through MSAL for Node, pipelines first: workload identity
// federation (the pipeline's OIDC token as client assertion), then a certificate, a client secret
// as the last resort, and the device code for a person at a terminal. The secret is taken from the
// environment only (a flag would show in the process list and the shell's history) and no
// credential is ever printed: errors pass through redact() before they are shown.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfidentialClientApplication, PublicClientApplication, type Configuration } from '@azure/msal-node';
import type { TokenProvider } from '../../graph/client';
import { CliError } from '../cli-error';
import { couldNotRead } from '../files';
import { federatedSource, type Env } from './federated-token';

export type SignInMethod = 'auto' | 'federated' | 'certificate' | 'secret' | 'device-code';
export const SIGN_IN_METHODS: readonly SignInMethod[] = ['auto', 'federated', 'certificate', 'secret', 'device-code'];

export interface SignInOptions {
  tenant: string;
  clientId: string;
  /** The token issuer; Entra ID's public cloud for the tenant when absent. */
  authority?: string;
  graphUrl: string;
  method: SignInMethod;
  certificatePath?: string;
  federatedTokenFile?: string;
  serviceConnectionId?: string;
  env: Env;
  /** Progress for people, on stderr. */
  log: (line: string) => void;
  /** Notes every secret value met, so any message can be scrubbed of it. */
  secret: (value: string) => void;
  interactive: boolean;
  /** What a person's sign-in asks, bare Graph scope names (delegatedScopes): the command's own, never .default. */
  delegatedScopes: readonly string[];
}

export interface SignedIn {
  getToken: TokenProvider;
  /** How it signed in, in words (never a credential). */
  method: string;
}

const MICROSOFT_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

/** Graph's resource: the Graph host's own for a national cloud, the public one for an emulator. */
function graphResource(graphUrl: string): string {
  const origin = new URL(graphUrl).origin;
  return /^https:\/\/(graph\.microsoft\.(com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)$/.test(origin)
    ? origin
    : 'https://graph.microsoft.com';
}

/** The scope for Graph's application permissions: the Graph host's own for a national cloud, the public one for an emulator. */
export function graphScope(graphUrl: string): string {
  return `${graphResource(graphUrl)}/.default`;
}

/** A person's delegated scopes, named on Graph's resource (`https://graph.microsoft.com/Policy.Read.All`). */
export function delegatedGraphScopes(graphUrl: string, names: readonly string[]): string[] {
  return names.map((name) => `${graphResource(graphUrl)}/${name}`);
}

function authConfig(options: SignInOptions): Pick<Configuration, 'auth' | 'system'> & { auth: Configuration['auth'] } {
  const authority = (options.authority ?? `https://login.microsoftonline.com/${options.tenant}`).replace(/\/$/, '');
  const host = new URL(authority).host;
  // Any other issuer is a generic OpenID Connect provider (a sovereign STS, or the tests' local one).
  const generic = !MICROSOFT_HOSTS.includes(host);
  return {
    auth: { clientId: options.clientId, authority, ...(generic && { knownAuthorities: [host] }) },
    system: generic ? { protocolMode: 'OIDC' } : {},
  };
}

/** A PEM holding the private key and the certificate (as `az ad sp create-for-rbac --create-cert` writes it). */
async function certificateCredential(path: string) {
  const pem = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new CliError(couldNotRead('the certificate file', path)(error));
  });
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certificate)
    throw new CliError(
      `${path} holds no certificate (-----BEGIN CERTIFICATE-----); give one PEM with the certificate and its private key.`,
    );
  let privateKey: string;
  try {
    privateKey = createPrivateKey(pem).export({ format: 'pem', type: 'pkcs8' }).toString();
  } catch {
    throw new CliError(`${path} holds no readable private key; give one PEM with the certificate and its unencrypted private key.`);
  }
  const der = new X509Certificate(certificate).raw;
  return { thumbprintSha256: createHash('sha256').update(der).digest('hex'), privateKey, x5c: certificate };
}

/** Which credential `auto` picks: the first one the environment offers, in the order of preference. */
export function chooseMethod(
  options: Pick<SignInOptions, 'method' | 'env' | 'certificatePath' | 'federatedTokenFile' | 'interactive' | 'serviceConnectionId'>,
): Exclude<SignInMethod, 'auto'> {
  if (options.method !== 'auto') return options.method;
  const env = options.env;
  // A credential given on the command line wins over what the runner's environment offers.
  if (options.federatedTokenFile) return 'federated';
  if (options.certificatePath) return 'certificate';
  // Every Azure DevOps job has SYSTEM_OIDCREQUESTURI: it is a credential only with a service connection to ask for.
  const azureDevOps = Boolean(env.SYSTEM_OIDCREQUESTURI && (options.serviceConnectionId || env.AZURESUBSCRIPTION_SERVICE_CONNECTION_ID));
  if (env.AZURE_FEDERATED_TOKEN_FILE || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) || azureDevOps)
    return 'federated';
  if (env.AZURE_CLIENT_CERTIFICATE_PATH) return 'certificate';
  if (env.AZURE_CLIENT_SECRET) return 'secret';
  if (options.interactive) return 'device-code';
  throw new CliError(
    'No credential to sign in with: run in a pipeline with workload identity federation (GitHub Actions with id-token: write, an Azure DevOps workload-identity service connection, or AZURE_FEDERATED_TOKEN_FILE), or give --certificate, or set AZURE_CLIENT_SECRET.' +
      (env.SYSTEM_OIDCREQUESTURI
        ? ' In Azure DevOps, name the service connection: --service-connection-id or AZURESUBSCRIPTION_SERVICE_CONNECTION_ID.'
        : ''),
  );
}

export async function signIn(options: SignInOptions): Promise<SignedIn> {
  if (!options.tenant) throw new CliError('Which tenant? Give --tenant <tenant id or domain> or set AZURE_TENANT_ID.');
  if (!options.clientId)
    throw new CliError("Which application? Give --client-id <the app registration's client id> or set AZURE_CLIENT_ID.");
  const method = chooseMethod(options);
  const config = authConfig(options);

  if (method === 'device-code') {
    // A person asks only the command's scopes: with .default a read command's token would carry every
    // consented write permission. The cache is this run's own (in memory), and acquireTokenSilent gives a
    // cached token only if it holds every scope asked, else redeems the refresh token for them.
    const scopes = delegatedGraphScopes(options.graphUrl, options.delegatedScopes);
    const app = new PublicClientApplication(config);
    let account: Awaited<ReturnType<typeof app.acquireTokenByDeviceCode>> = null;
    return {
      method: 'device code',
      getToken: async (_scopes, refresh) => {
        // forceRefresh: Graph refused a token before its expiry (revoked, or Continuous Access Evaluation).
        // The refresh token may still be good, so redeem it before asking the person again. GraphClient
        // forces a refresh once per request and gives up on a second refusal, so this cannot loop.
        const forced = Boolean(refresh?.forceRefresh);
        if (account?.account) {
          const silent = await app
            .acquireTokenSilent({ account: account.account, scopes: [...scopes], forceRefresh: forced })
            .catch(() => null);
          if (silent?.accessToken) return silent.accessToken;
          if (forced) options.log('Microsoft Graph refused the access token and the sign-in could not be renewed: sign in again.');
        }
        account = await app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (r) => options.log(r.message) });
        if (!account?.accessToken) throw new CliError('The device code sign-in gave no token.');
        return account.accessToken;
      },
    };
  }

  let credential: Configuration['auth'];
  let described: string;
  if (method === 'federated') {
    const source = federatedSource(options.env, {
      tokenFile: options.federatedTokenFile,
      serviceConnectionId: options.serviceConnectionId,
    });
    if (!source)
      throw new CliError(
        '--auth federated, but no OIDC token is offered: no ACTIONS_ID_TOKEN_REQUEST_URL, SYSTEM_OIDCREQUESTURI or AZURE_FEDERATED_TOKEN_FILE.',
      );
    credential = {
      ...config.auth,
      clientAssertion: async () => {
        const token = await source.read();
        options.secret(token);
        return token;
      },
    };
    described = `workload identity federation (${source.name})`;
  } else if (method === 'certificate') {
    const path = options.certificatePath ?? options.env.AZURE_CLIENT_CERTIFICATE_PATH;
    if (!path) throw new CliError('--auth certificate needs --certificate <PEM file> or AZURE_CLIENT_CERTIFICATE_PATH.');
    const certificate = await certificateCredential(path);
    options.secret(certificate.privateKey);
    credential = { ...config.auth, clientCertificate: certificate };
    described = `certificate (SHA-256 thumbprint ${certificate.thumbprintSha256.slice(0, 8)}…)`;
  } else {
    const secret = options.env.AZURE_CLIENT_SECRET;
    if (!secret) throw new CliError('--auth secret needs AZURE_CLIENT_SECRET in the environment (never on the command line).');
    options.secret(secret);
    credential = { ...config.auth, clientSecret: secret };
    described = 'client secret';
  }
  // An application signed in as itself (client credentials: federated, certificate, secret) can ask only
  // .default, which gives the application permissions granted it with admin consent: it cannot narrow them.
  const scopes = [graphScope(options.graphUrl)];
  const app = new ConfidentialClientApplication({ auth: credential, system: config.system });
  return {
    method: described,
    getToken: async (_scopes, refresh) => {
      const result = await app.acquireTokenByClientCredential({ scopes, skipCache: !!refresh?.forceRefresh });
      if (!result?.accessToken) throw new CliError('The sign-in gave no access token.');
      return result.accessToken;
    },
  };
}
