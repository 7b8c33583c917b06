// Test set-up the apply resume tests share (apply-resume, apply-restore-resume): the pipeline's secret and writer
// roles, the tenant's admin calling Graph outside the command line, a backed-up object read back, and the
// plan's sha256 that apply asks for. Used by *.test.ts only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_READS, GOOD_SECRET, type CliRun, type CliWorld } from './cli-world';

export const secret = { AZURE_CLIENT_SECRET: GOOD_SECRET };
export const WRITER = [...ALL_READS, 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'];

/** The tenant's admin changing or reading it behind the command line's back. */
export async function asAdmin(world: CliWorld, method: string, path: string, body?: unknown) {
  return fetch(`${world.graphUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await world.adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The file `gatehouse backup --out <backup>` wrote in `folder` whose name starts with `prefix` (e.g. policies, CA001). */
export function backedUp(world: CliWorld, backup: string, folder: string, prefix: string) {
  const dir = join(world.dir, backup, folder);
  return JSON.parse(
    readFileSync(
      join(
        dir,
        readdirSync(dir).find((n) => n.startsWith(prefix))!,
      ),
      'utf8',
    ),
  ) as {
    id: string;
    displayName: string;
  };
}

/** The sha256 `gatehouse plan` printed, which `apply --sha256` must be given. */
export const planHash = (planned: CliRun) => /^sha256 ([0-9a-f]{64})$/m.exec(planned.stdout)![1]!;

/** `run` with the roles to write (as a pipeline's apply job has), then back to reading only. */
export async function asWriter<T>(world: CliWorld, run: () => Promise<T>): Promise<T> {
  world.roles = WRITER;
  try {
    return await run();
  } finally {
    world.roles = [...ALL_READS];
  }
}
