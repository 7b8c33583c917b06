// A bulk restore of policies that need deleted named locations: the locations come back first, a
// policy whose location is not restored is left out or held back with the reason, never restored
// pointing at a deleted location.
import { describe, expect, it } from 'vitest';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import { newRun, type BulkRun } from '../../operations/bulk-run';
import { neededLocations, restoreWithLocationsFirst, splitForRestore, type LocationStep } from './bulk-restore-plan';

const oldVpn: DeletedNamedLocation = { id: 'loc-vpn', displayName: 'Old VPN egress' };
const lab: DeletedNamedLocation = { id: 'loc-lab', displayName: 'Lab network' };
const policy = (id: string, ...locations: DeletedNamedLocation[]): DeletedPolicy & { locations: DeletedNamedLocation[] } => ({
  id,
  displayName: `${id}: policy`,
  locations,
});
const ca090 = policy('CA090', oldVpn);
const ca091 = policy('CA091');
const ca093 = policy('CA093', oldVpn, lab);
const missingOf = (p: DeletedPolicy): MissingDependency[] =>
  ((p as { locations?: DeletedNamedLocation[] }).locations ?? []).map((restorable) => ({
    id: restorable.id,
    where: 'Included location',
    kind: 'namedLocation',
    exclusion: false,
    restorable,
    explanation: '',
  }));

describe('neededLocations', () => {
  it('names each deleted location once, with every policy that needs it', () => {
    expect(neededLocations([ca090, ca091, ca093], missingOf)).toEqual([
      {
        location: oldVpn,
        neededBy: [
          { id: 'CA090', name: 'CA090: policy' },
          { id: 'CA093', name: 'CA093: policy' },
        ],
      },
      { location: lab, neededBy: [{ id: 'CA093', name: 'CA093: policy' }] },
    ]);
  });
});

describe('splitForRestore', () => {
  it('leaves out the policies whose location the admin chose not to restore, saying which', () => {
    const { included, leftOut } = splitForRestore([ca090, ca091, ca093], missingOf, new Set(['loc-lab']));
    expect(included.map((p) => p.id)).toEqual(['CA090', 'CA091']);
    expect(leftOut).toEqual([{ policy: ca093, locations: [lab] }]);
  });
});

function harness(failing: string[] = []) {
  const writes: string[] = [];
  let locations: LocationStep[] = [];
  const runs: BulkRun[] = [];
  const ports = {
    restoreLocation: async (id: string) => {
      writes.push(`location ${id}`);
      if (failing.includes(id)) throw new Error('refused');
    },
    runPolicies: async (run: BulkRun, onChange: (run: BulkRun) => void) => {
      const done: BulkRun = { ...run, items: run.items.map((item) => ({ ...item, status: 'done' })) };
      for (const item of run.items) writes.push(`policy ${item.id}`);
      onChange(done);
      return done;
    },
    onLocations: (steps: LocationStep[]) => (locations = steps),
    onRun: (run: BulkRun) => runs.push(run),
    describe: (error: unknown) => (error as Error).message,
  };
  return { ports, writes, locations: () => locations, runs };
}

const runOf = (...policies: DeletedPolicy[]) =>
  newRun(
    'restore',
    true,
    policies.map((p) => ({ id: p.id!, name: p.displayName! })),
  );

describe('restoreWithLocationsFirst', () => {
  it('restores the locations before the policies that use them, one at a time', async () => {
    const { ports, writes, locations } = harness();
    const run = runOf(ca090, ca091, ca093);
    const result = await restoreWithLocationsFirst(run, neededLocations([ca090, ca091, ca093], missingOf), ports);
    expect(writes).toEqual(['location loc-vpn', 'location loc-lab', 'policy CA090', 'policy CA091', 'policy CA093']);
    expect(locations().map((s) => [s.name, s.status])).toEqual([
      ['Old VPN egress', 'done'],
      ['Lab network', 'done'],
    ]);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });

  it('does not try a policy whose location could not be restored, and says why; the others go on', async () => {
    const { ports, writes, runs } = harness(['loc-lab']);
    const run = runOf(ca090, ca091, ca093);
    const result = await restoreWithLocationsFirst(run, neededLocations([ca090, ca091, ca093], missingOf), ports);
    expect(writes).toEqual(['location loc-vpn', 'location loc-lab', 'policy CA090', 'policy CA091']);
    expect(result.items.map((i) => [i.id, i.status])).toEqual([
      ['CA090', 'done'],
      ['CA091', 'done'],
      ['CA093', 'failed'],
    ]);
    expect(result.items[2]!.message).toBe('not tried: it needs the named location “Lab network”, which could not be restored (refused)');
    // What the panel shows keeps the held-back policy in its place.
    expect(runs.at(-1)!.items.map((i) => i.id)).toEqual(['CA090', 'CA091', 'CA093']);
  });

  it('stopped while the locations are restored, tries no policy', async () => {
    const { ports, writes } = harness();
    const stop = new AbortController();
    const run = runOf(ca090, ca093);
    const result = await restoreWithLocationsFirst(
      run,
      neededLocations([ca090, ca093], missingOf),
      {
        ...ports,
        restoreLocation: async (id) => {
          await ports.restoreLocation(id);
          stop.abort();
        },
      },
      stop.signal,
    );
    expect(writes).toEqual(['location loc-vpn']);
    expect(result.items.map((i) => i.status)).toEqual(['pending', 'pending']);
  });
});
