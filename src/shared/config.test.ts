import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

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
