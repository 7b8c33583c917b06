import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../vite.config';
import { graphHosts, loginHosts } from './cloud-hosts';
import { ConfigError, loadConfig, parseConfig } from './config';

describe('parseConfig', () => {
  it('runs the demo when no client id is configured', () => {
    expect(parseConfig({})).toMatchObject({ mode: 'demo', graphBaseUrl: 'https://graph.microsoft.com', tenant: 'organizations' });
  });

  it('accepts a national cloud', () => {
    const config = parseConfig({
      clientId: '11111111-2222-3333-4444-555555555555',
      graphBaseUrl: 'https://graph.microsoft.us/',
      loginHost: 'https://login.microsoftonline.us',
    });
    expect(config).toMatchObject({
      mode: 'tenant',
      graphBaseUrl: 'https://graph.microsoft.us',
      loginHost: 'https://login.microsoftonline.us',
    });
  });

  it('explains a client id that is not a GUID', () => {
    expect(() => parseConfig({ clientId: 'my-app' })).toThrow(ConfigError);
    expect(() => parseConfig({ clientId: 'my-app' })).toThrow(/application \(client\) id/);
  });

  it('refuses plain http except on localhost', () => {
    expect(() => parseConfig({ graphBaseUrl: 'http://graph.example' })).toThrow(/https/);
    expect(parseConfig({ graphBaseUrl: 'http://localhost:4010' }).graphBaseUrl).toBe('http://localhost:4010');
  });
});

describe('parseConfig and the Content-Security-Policy', () => {
  it('refuses a Graph or login host the policy does not let the page reach, naming the ones it does', () => {
    expect(() => parseConfig({ graphBaseUrl: 'https://graph.contoso.com' })).toThrow(ConfigError);
    expect(() => parseConfig({ graphBaseUrl: 'https://graph.contoso.com' })).toThrow(
      /graphBaseUrl .*Content-Security-Policy.*graph\.microsoft\.us/,
    );
    expect(() => parseConfig({ loginHost: 'https://login.contoso.com' })).toThrow(
      /loginHost .*Content-Security-Policy.*login\.microsoftonline\.us/,
    );
    // Sign-in would fail later with an unexplained endpoints_resolution_error: said here, with the hosts that work.
    expect(() => parseConfig({ clientId: '00000000-0000-0000-0000-000000000001', authority: 'https://evil.example/t' })).toThrow(
      /authority .*Content-Security-Policy.*login\.microsoftonline\.com/,
    );
    expect(
      parseConfig({
        clientId: '00000000-0000-0000-0000-000000000001',
        authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      }).authority,
    ).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
  });

  it('accepts every host the production policy allows, and localhost', () => {
    const connect = contentSecurityPolicy({ allowLocalhost: false })
      .split('; ')
      .find((d) => d.startsWith('connect-src '))!
      .split(' ');
    for (const host of graphHosts) {
      expect(connect).toContain(host);
      expect(parseConfig({ graphBaseUrl: host }).graphBaseUrl).toBe(host);
    }
    for (const host of loginHosts) {
      expect(connect).toContain(host);
      expect(parseConfig({ loginHost: host }).loginHost).toBe(host);
    }
    expect(parseConfig({ loginHost: 'https://localhost:4443' }).loginHost).toBe('https://localhost:4443');
  });
});

describe('loadConfig', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (response: Response | Error) =>
    vi.stubGlobal('fetch', () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));

  it('runs the demo when there is no config.json (404)', async () => {
    answer(new Response('Not found', { status: 404 }));
    await expect(loadConfig()).resolves.toMatchObject({ mode: 'demo' });
  });

  it('stops with the reason when config.json cannot be read, rather than running the demo', async () => {
    answer(new Response('Unavailable', { status: 503 }));
    await expect(loadConfig()).rejects.toThrow(new ConfigError('config.json could not be read (HTTP 503). Reload the page to try again.'));
    answer(new Response('Forbidden', { status: 403 }));
    await expect(loadConfig()).rejects.toThrow(/config\.json could not be read \(HTTP 403\)/);
    answer(new TypeError('Failed to fetch'));
    await expect(loadConfig()).rejects.toThrow(/config\.json could not be read \(the connection failed\)/);
  });

  it('says config.json must hold an object when it holds null or a list', async () => {
    answer(new Response('null', { status: 200 }));
    await expect(loadConfig()).rejects.toThrow(/config\.json must hold a JSON object/);
    answer(new Response('[]', { status: 200 }));
    await expect(loadConfig()).rejects.toThrow(ConfigError);
  });

  it('reads a tenant from config.json', async () => {
    answer(new Response(JSON.stringify({ clientId: '11111111-2222-3333-4444-555555555555' }), { status: 200 }));
    await expect(loadConfig()).resolves.toMatchObject({ mode: 'tenant', clientId: '11111111-2222-3333-4444-555555555555' });
  });
});
