// The set-up the many-tenant command-line tests repeat: one TenantsWorld of N copies of Contoso for the test file
// (started before its tests, with the tenants files they name written in its folder, and closed after them), and
// the folder a --tenants command writes each tenant in. It asserts nothing: the tests do.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { startTenantsWorld, type TenantsWorld } from './tenants-world';
import { worldForFile } from './world-for-file';

/** The file's TenantsWorld of `tenants` copies, with `files` (name: text, e.g. tenantsFileOf's) written in its folder. */
export function tenantsWorldForFile(tenants: number, files: Record<string, string> = {}): TenantsWorld {
  return worldForFile(async () => {
    const world = await startTenantsWorld(tenants);
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(world.dir, name), text);
    } catch (error) {
      await world.close();
      throw error;
    }
    return world;
  });
}

/** The folder a --tenants command (backup, plan) writes copy n of Contoso in: its tenant id in lower case. */
export const folderOf = (n: number) => tenantCopy(n).id.toLowerCase();
