// The set-up the command-line tests repeat: one CliWorld for the test file (started before its tests, closed after
// them), the pipeline's secret, the permissions a writer is granted, a plan's hash as plan prints it, a request as
// the Contoso administrator, and the policy the policy-file tests plan. It asserts nothing: the tests do.
import { ALL_READS, GOOD_SECRET, startCliWorld, type CliWorld } from './cli-world';
import { worldForFile } from './world-for-file';

export const secret = { AZURE_CLIENT_SECRET: GOOD_SECRET };
export const WRITER = [...ALL_READS, 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'];

/** The hash plan prints on its line `sha256 <hex>`. */
export function hashOf(stdout: string): string {
  const hash = /^sha256 ([0-9a-f]{64})$/m.exec(stdout)?.[1];
  if (!hash) throw new Error(`No sha256 line in what plan printed:\n${stdout}`);
  return hash;
}

/** The file's CliWorld, started in beforeAll and closed in afterAll (see worldForFile). */
export const cliWorldForFile = (): CliWorld => worldForFile(startCliWorld);

/** A Graph request as the Contoso administrator, as an admin changes the tenant beside the pipeline. */
export const adminRequests =
  (world: CliWorld) =>
  async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${world.graphUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await world.adminToken()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

/** `run` while the pipeline's application holds `roles` (a writer's unless said), then only the reads again. */
export async function granted<T>(world: CliWorld, run: () => Promise<T>, roles = WRITER): Promise<T> {
  world.roles = roles;
  try {
    return await run();
  } finally {
    world.roles = [...ALL_READS];
  }
}

/** A policy file's policy: block the device code flow for all users, report-only unless said. */
export const deviceCodeBlock = (displayName: string, state = 'enabledForReportingButNotEnforced') => ({
  displayName,
  state,
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    authenticationFlows: { transferMethods: 'deviceCodeFlow' },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
