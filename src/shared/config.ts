// Run-time configuration from /config.json (with build-time VITE_* values as defaults), so one
// static build serves any tenant or national cloud. No client id means the demo tenant; so does no
// config.json at all (a 404), but a file that could not be read (403, 5xx, a dropped connection) or
// that says something unusable stops the start with the reason, rather than running the demo in its place.
import { graphHosts, loginHosts } from './cloud-hosts';

export interface AppConfig {
  mode: 'demo' | 'tenant';
  clientId: string;
  /** A tenant id or domain, or "organizations" for any work account. */
  tenant: string;
  /** Graph's base URL, e.g. https://graph.microsoft.com or https://graph.microsoft.us. */
  graphBaseUrl: string;
  /** The login host, e.g. https://login.microsoftonline.com. */
  loginHost: string;
  /** Optional full authority URL (an OIDC provider other than Entra ID, as in the e2e tests). */
  authority?: string;
  /** "OIDC" for a generic OpenID Connect provider; Entra ID uses the default. */
  protocolMode?: 'AAD' | 'OIDC';
}

export class ConfigError extends Error {}

type RawConfig = Partial<Record<keyof AppConfig, unknown>>;

function fromEnv(): RawConfig {
  const env = import.meta.env;
  return {
    clientId: env.VITE_GATEHOUSE_CLIENT_ID,
    tenant: env.VITE_GATEHOUSE_TENANT,
    graphBaseUrl: env.VITE_GATEHOUSE_GRAPH_BASE_URL,
    loginHost: env.VITE_GATEHOUSE_LOGIN_HOST,
  };
}

const isLocalhost = (url: URL) => url.hostname === 'localhost' || url.hostname === '127.0.0.1';

function checkUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} in config.json is not a URL: "${value}".`);
  }
  if (url.protocol !== 'https:' && !isLocalhost(url)) throw new ConfigError(`${name} must use https: "${value}".`);
  return value.replace(/\/$/, '');
}

/** A host the Content-Security-Policy lets the page reach: otherwise every request to it fails as "unreachable". */
function checkHost(name: string, value: string, allowed: readonly string[]): string {
  const url = new URL(value);
  if (isLocalhost(url) || allowed.includes(url.origin)) return value;
  throw new ConfigError(
    `${name} in config.json is "${value}", a host the console's Content-Security-Policy does not let it reach. Use one of: ${allowed.join(', ')}.`,
  );
}

export function parseConfig(raw: RawConfig): AppConfig {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);
  const clientId = text(raw.clientId, '');
  if (clientId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId) && !raw.authority) {
    throw new ConfigError(
      `clientId in config.json must be the application (client) id of your app registration, a GUID. Got "${clientId}".`,
    );
  }
  const protocolMode = raw.protocolMode === 'OIDC' ? 'OIDC' : raw.protocolMode === 'AAD' ? 'AAD' : undefined;
  return {
    mode: clientId ? 'tenant' : 'demo',
    clientId,
    tenant: text(raw.tenant, 'organizations'),
    graphBaseUrl: checkHost('graphBaseUrl', checkUrl('graphBaseUrl', text(raw.graphBaseUrl, graphHosts[0])), graphHosts),
    loginHost: checkHost('loginHost', checkUrl('loginHost', text(raw.loginHost, loginHosts[0])), loginHosts),
    ...(typeof raw.authority === 'string' && raw.authority
      ? { authority: checkHost('authority', checkUrl('authority', raw.authority), loginHosts) }
      : {}),
    ...(protocolMode ? { protocolMode } : {}),
  };
}

/** What /config.json says: nothing when there is none (404); a ConfigError when it cannot be read or is not an object. */
async function readConfigFile(): Promise<RawConfig> {
  let response: Response;
  try {
    response = await fetch('/config.json', { cache: 'no-store' });
  } catch {
    throw new ConfigError('config.json could not be read (the connection failed). Reload the page to try again.');
  }
  if (response.status === 404) return {};
  if (!response.ok) throw new ConfigError(`config.json could not be read (HTTP ${response.status}). Reload the page to try again.`);
  let file: unknown;
  try {
    file = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON.');
  }
  if (!file || typeof file !== 'object' || Array.isArray(file)) {
    throw new ConfigError('config.json must hold a JSON object, such as { "clientId": "…", "tenant": "…" }.');
  }
  return file as RawConfig;
}

export async function loadConfig(): Promise<AppConfig> {
  const defaults = fromEnv();
  const file = await readConfigFile();
  const merged: RawConfig = { ...defaults };
  for (const [key, value] of Object.entries(file)) if (value !== '' && value !== undefined) merged[key as keyof AppConfig] = value;
  return parseConfig(merged);
}
