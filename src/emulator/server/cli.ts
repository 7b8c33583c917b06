// `npm run emulator -- --port 4010 [--issuer <url>] [--latency <ms>] [--no-rate-limit] [--policies <35-195>] [--tenants <n>]`
// Serves the demo tenants at http://localhost:<port>/v1.0 and /beta. Without --issuer it signs its
// own tokens and prints one per built-in account, and an app-only one per tenant (application
// permissions in `roles`, as client credentials give); with --issuer it verifies that provider's
// tokens, delegated or app-only. --tenants serves that many copies of Contoso instead of the demo's two.
// --policies (or EMULATOR_POLICIES, which the e2e setup passes on) loads Contoso with that many
// policies, up to the service's limit of 195: the benchmark's large tenant.
import { parseArgs } from 'node:util';
import { CONTOSO_TENANT_ID, seedAccounts } from '../seed';
import { startEmulatorServer } from './server';
import { tenantCopy } from './many-tenants';
import { ADMIN_SCOPES, APP_PERMISSIONS, createIssuerVerifier, createLocalIssuer, READER_SCOPES } from './tokens';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    issuer: { type: 'string' },
    latency: { type: 'string', default: '0' },
    'no-rate-limit': { type: 'boolean', default: false },
    policies: { type: 'string', default: process.env.EMULATOR_POLICIES },
    tenants: { type: 'string' },
  },
});

const port = Number(values.port);
const origin = `http://localhost:${port}`;
const local = values.issuer ? null : await createLocalIssuer(`${origin}/_emulator/issuer`, [origin], CONTOSO_TENANT_ID);
const authenticate = local?.authenticate ?? (await createIssuerVerifier(values.issuer!, [origin], CONTOSO_TENANT_ID));

const server = await startEmulatorServer({
  port,
  authenticate,
  latencyMs: Number(values.latency),
  rateLimits: !values['no-rate-limit'],
  policies: values.policies ? Number(values.policies) : undefined,
  tenants: values.tenants ? Number(values.tenants) : undefined,
});
const APP = { appId: '5f0c1e7a-6d1b-4c55-9a37-0b1d2c3e4f50', name: 'Gatehouse command line' };

const served = server.emulator.state.tenants;
const tenants = values.tenants
  ? [`${served.length} copies of Contoso, ${served[0]!.policies.length} policies each (GET ${server.url}/_emulator/tenants lists them)`]
  : served.map((t) => `${t.displayName}, ${t.policies.length} policies`);
console.log(`Graph emulator: ${server.url}/v1.0 and ${server.url}/beta (tenants: ${tenants.join('; ')})`);
if (local && values.tenants) {
  // Hundreds of tokens help nobody: the first copy's, app-only; a test signs the others itself.
  const first = tenantCopy(1);
  const token = await local.signApp({
    tenantId: first.id,
    appId: APP.appId,
    servicePrincipalId: APP.appId,
    name: APP.name,
    roles: APP_PERMISSIONS,
  });
  console.log(`app (${first.displayName}): Bearer ${token}`);
} else if (local) {
  for (const tenant of served) {
    const prefix = tenant.id === CONTOSO_TENANT_ID ? '' : 'preprod-';
    const token = await local.signApp({
      tenantId: tenant.id,
      appId: APP.appId,
      servicePrincipalId: APP.appId,
      name: APP.name,
      roles: APP_PERMISSIONS,
    });
    console.log(`${prefix}app: Bearer ${token}`);
  }
  for (const account of seedAccounts()) {
    const prefix = account.tenantId === CONTOSO_TENANT_ID ? '' : 'preprod-';
    const token = await local.sign({
      tenantId: account.tenantId,
      userId: account.user.id,
      userPrincipalName: account.user.userPrincipalName,
      name: account.user.displayName,
      scopes: account.role === 'admin' ? ADMIN_SCOPES : READER_SCOPES,
    });
    console.log(`${prefix}${account.role}: Bearer ${token}`);
  }
} else {
  console.log(`Verifying tokens of ${values.issuer}`);
}

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
