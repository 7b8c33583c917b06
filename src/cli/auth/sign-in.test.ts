import { describe, expect, it } from 'vitest';
import { delegatedScopes } from '../permissions';
import { chooseMethod, delegatedGraphScopes, graphScope } from './sign-in';

const choose = (env: Record<string, string>, extra: { certificatePath?: string; interactive?: boolean } = {}) =>
  chooseMethod({ method: 'auto', env, interactive: extra.interactive ?? false, certificatePath: extra.certificatePath });

describe('chooseMethod (auto)', () => {
  it('prefers workload identity federation, then a certificate, then a secret, then the device code at a terminal', () => {
    const all = {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      AZURE_CLIENT_CERTIFICATE_PATH: 'c.pem',
      AZURE_CLIENT_SECRET: 's',
    };
    expect(choose(all)).toBe('federated');
    expect(choose({ SYSTEM_OIDCREQUESTURI: 'u', AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: 'sc', AZURE_CLIENT_SECRET: 's' })).toBe(
      'federated',
    );
    expect(choose({ AZURE_FEDERATED_TOKEN_FILE: 'f' })).toBe('federated');
    expect(choose({ AZURE_CLIENT_SECRET: 's' }, { certificatePath: 'c.pem' })).toBe('certificate');
    expect(choose({ AZURE_CLIENT_SECRET: 's' }, { interactive: true })).toBe('secret');
    expect(choose({}, { interactive: true })).toBe('device-code');
    // GitHub's URL without its request token is no credential (the job lacks id-token: write).
    expect(() => choose({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u' })).toThrow(/No credential to sign in with/);
  });

  it('takes the credential given on the command line, and Azure DevOps OIDC only with a service connection', () => {
    const github = { ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' };
    expect(choose(github, { certificatePath: 'c.pem' })).toBe('certificate');
    // Every Azure DevOps job has SYSTEM_OIDCREQUESTURI; a job using a secret or a certificate is not federated.
    expect(choose({ SYSTEM_OIDCREQUESTURI: 'u', AZURE_CLIENT_SECRET: 's' })).toBe('secret');
    expect(choose({ SYSTEM_OIDCREQUESTURI: 'u' }, { certificatePath: 'c.pem' })).toBe('certificate');
    expect(() => choose({ SYSTEM_OIDCREQUESTURI: 'u' })).toThrow(/name the service connection: --service-connection-id/);
  });

  it('asks Graph for its own .default in the public and national clouds, and the public one for an emulator', () => {
    expect(graphScope('https://graph.microsoft.com')).toBe('https://graph.microsoft.com/.default');
    expect(graphScope('https://graph.microsoft.us/')).toBe('https://graph.microsoft.us/.default');
    expect(graphScope('http://localhost:4010')).toBe('https://graph.microsoft.com/.default');
  });

  it("asks a person's sign-in for the command's scopes, on Graph's resource: writes only for apply, groups only for a plan that creates them", () => {
    expect(delegatedScopes('backup')).toEqual(['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All']);
    expect(delegatedScopes('apply', { asks: (p) => p.name !== 'Group.Create' })).toEqual([
      'Policy.Read.All',
      'Policy.ReadWrite.ConditionalAccess',
      'Application.Read.All',
    ]);
    // Group.Create is an application permission only; a signed-in user creates groups with Group.ReadWrite.All.
    expect(delegatedScopes('apply', { asks: () => true })).toContain('Group.ReadWrite.All');
    expect(delegatedGraphScopes('https://graph.microsoft.us', ['Policy.Read.All'])).toEqual(['https://graph.microsoft.us/Policy.Read.All']);
    expect(delegatedGraphScopes('http://localhost:4010', ['Policy.Read.All'])).toEqual(['https://graph.microsoft.com/Policy.Read.All']);
  });

  it('never asks an optional permission, nor one the run goes on without: an unconsented one would stop the person at consent', () => {
    expect(delegatedScopes('diff')).toEqual(['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All']);
    expect(delegatedScopes('report')).not.toContain('AuditLog.Read.All');
    expect(delegatedScopes('apply')).not.toContain('Group.ReadWrite.All');
    expect(delegatedScopes('impact')).toContain('AuditLog.Read.All');
    expect(delegatedScopes('impact', { goesOnWithout: ['AuditLog.Read.All'] })).toEqual(['Policy.Read.All', 'Directory.Read.All']);
  });
});
