// One world (emulator, sign-in, `gatehouse` as a process) for a whole test file: started in beforeAll, closed in
// afterAll. cliWorldForFile and tenantsWorldForFile are this for their worlds. It asserts nothing: the tests do.
import { afterAll, beforeAll } from 'vitest';

/**
 * The world `start` gives, started in beforeAll and closed in afterAll. What is returned stands for it from then on
 * (each property read or set on the started world), so the file's tests and helpers use it as they would the world.
 */
export function worldForFile<W extends { close(): Promise<void> }>(start: () => Promise<W>): W {
  let world: W | undefined;
  beforeAll(async () => {
    world = await start();
  }, 120_000);
  // Closing removes the world's folder: after 200 tenants' backups and plans, thousands of files (past the 10 s default).
  afterAll(async () => world?.close(), 60_000);
  const started = () => {
    if (!world) throw new Error('The world starts in beforeAll: use it inside a test or a hook.');
    return world;
  };
  return new Proxy({} as W, {
    get: (_target, key) => Reflect.get(started(), key),
    set: (_target, key, value) => Reflect.set(started(), key, value),
  });
}
