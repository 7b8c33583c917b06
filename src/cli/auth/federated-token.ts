// Workload identity federation: the pipeline's own OIDC token, given to Entra ID as the client
// assertion, so no secret is stored anywhere. Read fresh for every token request (a GitHub token
// lives minutes). Three sources, first present wins: GitHub Actions (the job needs
// `permissions: id-token: write`), Azure DevOps (a workload-identity service connection), or a file
// that a platform keeps current (AZURE_FEDERATED_TOKEN_FILE, as on Kubernetes).
import { readFile } from 'node:fs/promises';
import { CliError } from '../cli-error';
import { couldNotRead } from '../files';

/** Entra ID's audience for federated credentials. */
export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';

export type Env = Readonly<Record<string, string | undefined>>;

export interface FederatedSource {
  /** In words, for the log: where the assertion comes from (never the token). */
  name: string;
  read(): Promise<string>;
}

async function fetchToken(what: string, url: string, init: RequestInit, pick: (body: Record<string, unknown>) => unknown): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CliError(`Could not reach ${what} for its OIDC token: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new CliError(`${what} refused the OIDC token request: HTTP ${response.status}.`);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const token = pick(body);
  if (typeof token !== 'string' || !token) throw new CliError(`${what} answered without an OIDC token.`);
  return token;
}

export function federatedSource(env: Env, options: { tokenFile?: string; serviceConnectionId?: string } = {}): FederatedSource | null {
  const file = options.tokenFile ?? env.AZURE_FEDERATED_TOKEN_FILE;
  if (file) {
    return {
      name: `the token file ${file}`,
      read: async () => {
        const text = (
          await readFile(file, 'utf8').catch((error: unknown) => {
            throw new CliError(couldNotRead('the federated token file', file)(error));
          })
        ).trim();
        if (!text) throw new CliError(`The federated token file ${file} is empty.`);
        return text;
      },
    };
  }
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    url.searchParams.set('audience', FEDERATED_AUDIENCE);
    return {
      name: "GitHub Actions' OIDC token",
      read: () =>
        fetchToken(
          'GitHub Actions',
          url.toString(),
          { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } },
          (b) => b.value,
        ),
    };
  }
  if (env.SYSTEM_OIDCREQUESTURI) {
    const connection = options.serviceConnectionId ?? env.AZURESUBSCRIPTION_SERVICE_CONNECTION_ID;
    if (!connection)
      throw new CliError(
        'Azure DevOps OIDC needs the service connection: set --service-connection-id or AZURESUBSCRIPTION_SERVICE_CONNECTION_ID.',
      );
    if (!env.SYSTEM_ACCESSTOKEN)
      throw new CliError(
        'Azure DevOps OIDC needs SYSTEM_ACCESSTOKEN mapped into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).',
      );
    // As Azure DevOps' release notes (sprint 240) request a fresh token: POST
    // $SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=…, Bearer System.AccessToken,
    // answer { oidcToken }. The service connection's id is in AZURESUBSCRIPTION_SERVICE_CONNECTION_ID
    // inside AzureCLI@2 and AzurePowerShell@5 only; elsewhere it is given. (The REST reference,
    // Oidctoken - Create, names api-version 7.1-preview.1; the release notes and Azure's SDKs use 7.1.)
    const url = new URL(env.SYSTEM_OIDCREQUESTURI);
    url.searchParams.set('api-version', '7.1');
    url.searchParams.set('serviceConnectionId', connection);
    return {
      name: "Azure DevOps' OIDC token",
      read: () =>
        fetchToken(
          'Azure DevOps',
          url.toString(),
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${env.SYSTEM_ACCESSTOKEN}`,
              'content-type': 'application/json',
              // A refused token gets its status, not a redirect to a sign-in page (as Azure's SDKs ask).
              'x-tfs-fedauthredirect': 'Suppress',
            },
          },
          (b) => b.oidcToken,
        ),
    };
  }
  return null;
}
