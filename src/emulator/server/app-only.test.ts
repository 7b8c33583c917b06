// App-only tokens (client credentials: application permissions in `roles`, no `scp`) and many
// tenants (--tenants): authorized route by route as Graph does, written to the audit log as the
// application, and each copy of Contoso paced on its own.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed';
import { tenantCopy } from './many-tenants';
import { startEmulatorServer, type EmulatorServer } from './server';
import { createLocalIssuer, type LocalIssuer } from './tokens';

let server: EmulatorServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const APP = {
  appId: '11111111-2222-4333-8444-555555555555',
  servicePrincipalId: '66666666-7777-4888-9999-000000000000',
  name: 'Nightly backup',
};

async function start(options: { tenants?: number; rateLimits?: boolean } = {}): Promise<{ issuer: LocalIssuer; url: string }> {
  const issuer = await createLocalIssuer('http://localhost/_emulator/issuer', [], CONTOSO_TENANT_ID);
  server = await startEmulatorServer({ port: 0, authenticate: issuer.authenticate, rateLimits: options.rateLimits ?? false, ...options });
  return { issuer, url: server.url };
}

const get = (url: string, token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

describe('app-only tokens', () => {
  it('reads with Policy.Read.All in roles, and is refused a write without Policy.ReadWrite.ConditionalAccess', async () => {
    const { issuer, url } = await start();
    const token = await issuer.signApp({ tenantId: CONTOSO_TENANT_ID, ...APP, roles: ['Policy.Read.All'] });
    const list = await get(`${url}/beta/identity/conditionalAccess/policies`, token);
    expect(list.status).toBe(200);
    const [first] = ((await list.json()) as { value: { id: string }[] }).value;
    const patch = await fetch(`${url}/v1.0/identity/conditionalAccess/policies/${first!.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'disabled' }),
    });
    expect(patch.status).toBe(403);
    expect(((await patch.json()) as { error: { message: string } }).error.message).toContain('Policy.ReadWrite.ConditionalAccess');
  });

  it('does not take a delegated-only scope as an application permission (User.Read reads no organization)', async () => {
    const { issuer, url } = await start();
    const app = (roles: string[]) => issuer.signApp({ tenantId: CONTOSO_TENANT_ID, ...APP, roles });
    expect((await get(`${url}/v1.0/organization`, await app(['User.Read']))).status).toBe(403);
    expect((await get(`${url}/v1.0/organization`, await app(['Organization.Read.All']))).status).toBe(200);
    const user = await issuer.sign({
      tenantId: CONTOSO_TENANT_ID,
      userId: 'u',
      userPrincipalName: 'u@contoso.example',
      name: 'U',
      scopes: ['User.Read'],
    });
    expect((await get(`${url}/v1.0/organization`, user)).status).toBe(200);
  });

  it('records the application as the initiator of its writes in the directory audit log', async () => {
    const { issuer, url } = await start();
    const token = await issuer.signApp({
      tenantId: CONTOSO_TENANT_ID,
      ...APP,
      roles: ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'AuditLog.Read.All'],
    });
    const list = (await (await get(`${url}/v1.0/identity/conditionalAccess/policies`, token)).json()) as { value: { id: string }[] };
    const id = list.value[0]!.id;
    const patch = await fetch(`${url}/v1.0/identity/conditionalAccess/policies/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'disabled' }),
    });
    expect(patch.status).toBe(204);
    const audits = (await (await get(`${url}/v1.0/auditLogs/directoryAudits?$top=5`, token)).json()) as {
      value: {
        activityDisplayName: string;
        initiatedBy: { user: unknown; app: { appId: string; displayName: string } | null };
        targetResources: { id: string }[];
      }[];
    };
    const event = audits.value.find((e) => e.targetResources[0]?.id === id && e.activityDisplayName === 'Update conditional access policy');
    expect(event?.initiatedBy).toEqual({
      user: null,
      app: { appId: APP.appId, displayName: APP.name, servicePrincipalId: APP.servicePrincipalId, servicePrincipalName: null },
    });
  });
});

describe('--tenants', () => {
  it('serves copies of Contoso with their own ids, names and domains, the same on every start', async () => {
    const { issuer, url } = await start({ tenants: 3 });
    const tenants = (await (await fetch(`${url}/_emulator/tenants`)).json()) as { id: string; displayName: string; policies: number }[];
    expect(tenants.map((t) => t.displayName)).toEqual(['Contoso 001', 'Contoso 002', 'Contoso 003']);
    expect(tenants.map((t) => t.id)).toEqual([1, 2, 3].map((n) => tenantCopy(n).id));
    expect(new Set(tenants.map((t) => t.id)).size).toBe(3);
    const second = tenantCopy(2);
    const token = await issuer.signApp({ tenantId: second.id, ...APP, roles: ['Directory.Read.All'] });
    const org = (await (await get(`${url}/v1.0/organization`, token)).json()) as {
      value: { id: string; verifiedDomains: { name: string }[] }[];
    };
    expect(org.value[0]).toMatchObject({ id: second.id, verifiedDomains: [{ name: 'contoso-002.example' }] });
    const users = (await (await get(`${url}/v1.0/users?$top=999`, token)).json()) as { value: { userPrincipalName: string }[] };
    expect(users.value.length).toBeGreaterThan(5);
    expect(users.value.every((u) => u.userPrincipalName.endsWith('@contoso-002.example'))).toBe(true);
  });

  it("paces each tenant's Conditional Access requests on its own", async () => {
    const { issuer, url } = await start({ tenants: 2, rateLimits: true });
    const tokens = await Promise.all([1, 2].map((n) => issuer.signApp({ tenantId: tenantCopy(n).id, ...APP, roles: ['Policy.Read.All'] })));
    const policies = (token: string) => get(`${url}/v1.0/identity/conditionalAccess/policies`, token).then((r) => r.status);
    // The burst of four, then the one-a-second limit answers 429 in the first tenant…
    const first = [];
    for (let i = 0; i < 5; i++) first.push(await policies(tokens[0]!));
    expect(first).toEqual([200, 200, 200, 200, 429]);
    // …while the second tenant's bucket is untouched.
    expect(await policies(tokens[1]!)).toBe(200);
  });
});
