// `npm run emulator -- --port 4010 [--sign-in | --issuer <url>] [--latency <ms>] [--no-rate-limit] [--policies <35-195>] [--tenants <n>]`
// (`--help` lists them, options.ts reads them). Serves the demo tenants at http://localhost:<port>/v1.0
// and /beta. Without --issuer it signs its own tokens and prints one per built-in account, and an
// app-only one per tenant (application permissions in `roles`, as client credentials give); with
// --issuer it verifies that provider's tokens, delegated or app-only. --sign-in also starts a sign-in
// server (sign-in.ts) and prints how `npx gatehouse` signs in through it. --tenants serves that many
// copies of Contoso instead of the demo's two. --policies (or EMULATOR_POLICIES, which the e2e setup
// passes on) loads Contoso with that many policies, up to the service's limit of 195.
import type { Authenticator } from '../core/emulator';
import { CONTOSO_TENANT_ID, PREPROD_TENANT_ID, seedAccounts } from '../seed';
import { startEmulatorServer } from './server';
import { tenantCopy } from './many-tenants';
import { readEmulatorOptions } from './options';
import { startSignInServer } from './sign-in';
import { ADMIN_SCOPES, APP_PERMISSIONS, createIssuerVerifier, createLocalIssuer, READER_SCOPES } from './tokens';

const read = readEmulatorOptions(process.argv.slice(2), process.env);
if (read.kind === 'help') {
  process.stdout.write(read.text);
  process.exit(0);
}
if (read.kind === 'error') {
  process.stderr.write(`${read.message}\n`);
  process.exit(2);
}
const values = read.options;

const port = values.port;
const origin = `http://localhost:${port}`;
const local = values.issuer ? null : await createLocalIssuer(`${origin}/_emulator/issuer`, [origin], CONTOSO_TENANT_ID);
const tenantIds = values.tenants
  ? Array.from({ length: values.tenants }, (_, i) => tenantCopy(i + 1).id)
  : [CONTOSO_TENANT_ID, PREPROD_TENANT_ID];
const signIn = values.signIn ? await startSignInServer(tenantIds, CONTOSO_TENANT_ID) : null;
// With --sign-in, the printed tokens still work: the emulator's own are tried first.
const either =
  (first: Authenticator, second: Authenticator): Authenticator =>
  (request) =>
    first(request).catch(() => second(request));
const authenticate = local
  ? signIn
    ? either(local.authenticate, signIn.authenticate)
    : local.authenticate
  : await createIssuerVerifier(values.issuer!, [origin], CONTOSO_TENANT_ID);

const server = await startEmulatorServer({
  port,
  authenticate,
  latencyMs: values.latencyMs,
  rateLimits: values.rateLimits,
  policies: values.policies,
  tenants: values.tenants,
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
if (signIn) {
  // What `npx gatehouse` needs, to paste into another terminal: it signs in as an application.
  const [first, ...others] = served;
  const env = (tenantId: string) => `AZURE_TENANT_ID=${tenantId} AZURE_CLIENT_ID=${signIn.clientIdFor(tenantId)}`;
  console.log('');
  console.log(
    `Sign-in server: ${signIn.url} (any client secret is taken). For \`npx gatehouse\` against ${first!.displayName}, in another terminal:`,
  );
  console.log(
    `  export NODE_EXTRA_CA_CERTS=${signIn.certPath} GATEHOUSE_AUTHORITY=${signIn.url} GATEHOUSE_GRAPH_URL=${server.url} ${env(first!.id)} AZURE_CLIENT_SECRET=anything`,
  );
  console.log('  npx gatehouse backup --out contoso-backup');
  // Each tenant signs in through a client id of its own: a --tenants run needs every one (one line each, named).
  for (const tenant of others) console.log(`For ${tenant.displayName}: ${env(tenant.id)}`);
}

const stop = () => void Promise.all([server.close(), signIn?.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
