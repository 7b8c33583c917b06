// Test set-up the apply resume tests share (apply-resume, apply-restore-resume) beside cli-world-for-file's: a
// backed-up object read back. Used by *.test.ts only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliWorld } from './cli-world';

/** The file `gatehouse backup --out <backup>` wrote in `folder` whose name starts with `prefix` (e.g. policies, CA001). */
export function backedUp(world: CliWorld, backup: string, folder: string, prefix: string) {
  const dir = join(world.dir, backup, folder);
  const name = readdirSync(dir).find((n) => n.startsWith(prefix))!;
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string; displayName: string };
}
