// `gatehouse diff <desired> --baseline` with a file of the desired state that cannot be read (a merge
// conflict left in it, JSON cut short): comparing without it would call the tenant as desired (or
// drift it by less) while the pipeline reads a pass. The file is named with why, and the exit is 2.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

describe('gatehouse diff <desired> --baseline, a desired file that cannot be read', () => {
  it('names the file and why, and exits 2 instead of comparing without it', async () => {
    const answer = await fetch(`${world.graphUrl}/beta/identity/conditionalAccess/policies`, {
      headers: { authorization: `Bearer ${await world.adminToken()}` },
    });
    const policies = ((await answer.json()) as { value: { id: string; displayName: string }[] }).value;
    const ca001 = policies.find((p) => p.displayName.startsWith('CA001'))!;
    const desired = join(world.dir, 'desired');
    mkdirSync(desired, { recursive: true });
    writeFileSync(join(desired, 'ca001.json'), JSON.stringify(ca001, null, 2));
    // What git leaves in a file after a conflicting merge.
    writeFileSync(
      join(desired, 'ca002.json'),
      '{\n<<<<<<< HEAD\n  "displayName": "CA002: Block legacy",\n=======\n  "displayName": "CA002: Block legacy auth",\n>>>>>>> main\n}\n',
    );

    const result = await world.gatehouse(['diff', 'desired', '--baseline'], secret);

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/ca002\.json/);
    expect(result.stderr).toMatch(/[Ll]ine 2/);
    expect(result.stdout).not.toMatch(/Nothing differs/);
  }, 120_000);
});
