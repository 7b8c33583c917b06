// Run-time configuration from /config.json (with build-time VITE_* values as defaults), so one
// static build serves any tenant or national cloud. No client id means the demo tenant.

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
    graphBaseUrl: checkUrl('graphBaseUrl', text(raw.graphBaseUrl, 'https://graph.microsoft.com')),
    loginHost: checkUrl('loginHost', text(raw.loginHost, 'https://login.microsoftonline.com')),
    ...(typeof raw.authority === 'string' && raw.authority ? { authority: checkUrl('authority', raw.authority) } : {}),
    ...(protocolMode ? { protocolMode } : {}),
  };
}

export async function loadConfig(): Promise<AppConfig> {
  const defaults = fromEnv();
  let file: RawConfig = {};
  const response = await fetch('/config.json', { cache: 'no-store' }).catch(() => null);
  if (response?.ok) {
    try {
      file = (await response.json()) as RawConfig;
    } catch {
      throw new ConfigError('config.json is not valid JSON.');
    }
  }
  const merged: RawConfig = { ...defaults };
  for (const [key, value] of Object.entries(file)) if (value !== '' && value !== undefined) merged[key as keyof AppConfig] = value;
  return parseConfig(merged);
}
