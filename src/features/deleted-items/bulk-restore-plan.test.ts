// A bulk restore of policies that need deleted named locations: the locations come back first, a
// policy whose location is not restored is left out or held back with the reason, never restored
// pointing at a deleted location. The run keeps its location steps, so a resume from the journal goes
// on from where it stopped.
import { describe, expect, it } from 'vitest';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import { bulkJournal, newRun, runBulk, type BulkRun } from '../../operations/bulk-run';
import { memoryJournals } from '../../operations/memory-stores';
import {
  neededLocations,
  restoreWithLocationsFirst,
  splitForRestore,
  withLocationSteps,
  type LocationsFirstPorts,
} from './bulk-restore-plan';

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

/** The page's wiring: every change of the run journalled, the policies' part a real bulk run. */
function harness(failing: string[] = [], journal = bulkJournal(memoryJournals(), 'account-1'), signal?: AbortSignal) {
  const writes: string[] = [];
  const runs: BulkRun[] = [];
  const ports: LocationsFirstPorts = {
    restoreLocation: async (id: string) => {
      writes.push(`location ${id}`);
      if (failing.includes(id)) throw new Error('refused');
    },
    runPolicies: (run, onChange) => runBulk(run, async (item) => void writes.push(`policy ${item.id}`), { journal, onChange, signal }),
    onRun: (run) => {
      journal.save(run);
      runs.push(run);
    },
    describe: (error: unknown) => (error as Error).message,
  };
  return { ports, writes, locations: () => runs.at(-1)?.locations ?? [], runs, journal };
}

const runOf = (...policies: DeletedPolicy[]) =>
  withLocationSteps(
    newRun(
      'restore',
      true,
      policies.map((p) => ({ id: p.id!, name: p.displayName! })),
    ),
    neededLocations(policies, missingOf),
  );

describe('restoreWithLocationsFirst', () => {
  it('restores the locations before the policies that use them, one at a time', async () => {
    const { ports, writes, locations } = harness();
    const result = await restoreWithLocationsFirst(runOf(ca090, ca091, ca093), ports);
    expect(writes).toEqual(['location loc-vpn', 'location loc-lab', 'policy CA090', 'policy CA091', 'policy CA093']);
    expect(locations().map((s) => [s.name, s.status])).toEqual([
      ['Old VPN egress', 'done'],
      ['Lab network', 'done'],
    ]);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });

  it('does not try a policy whose location could not be restored, and says why; the others go on', async () => {
    const { ports, writes, runs } = harness(['loc-lab']);
    const result = await restoreWithLocationsFirst(runOf(ca090, ca091, ca093), ports);
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
    const result = await restoreWithLocationsFirst(
      runOf(ca090, ca093),
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

describe('a resume from the journal', () => {
  it('after the locations were restored but before the policies, restores only the policies', async () => {
    const stop = new AbortController();
    const first = harness([], undefined, stop.signal);
    // Stopped once the last location is back, before any policy.
    const restoreLocation = async (id: string) => {
      await first.ports.restoreLocation(id);
      if (id === 'loc-lab') stop.abort();
    };
    await restoreWithLocationsFirst(runOf(ca090, ca091, ca093), { ...first.ports, restoreLocation }, stop.signal);
    expect(first.writes).toEqual(['location loc-vpn', 'location loc-lab']);

    // A reload: the page has nothing but the journal, and no location to restore again.
    const saved = first.journal.load()!;
    expect(saved.locations?.map((s) => s.status)).toEqual(['done', 'done']);
    const resumed = harness([], first.journal);
    const result = await restoreWithLocationsFirst(saved, resumed.ports);
    expect(resumed.writes).toEqual(['policy CA090', 'policy CA091', 'policy CA093']);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(first.journal.load()?.locations?.map((s) => s.status)).toEqual(['done', 'done']);
  });

  it('after a tab closed mid-location, restores that one and those after it, then the policies', async () => {
    const first = harness();
    // The tab closes while the second location is under way: the journal is all that survives.
    let atClose: BulkRun | null = null;
    const restoreLocation = async (id: string) => {
      if (id === 'loc-lab') {
        atClose = first.journal.load();
        throw new Error('closed');
      }
      await first.ports.restoreLocation(id);
    };
    await restoreWithLocationsFirst(runOf(ca090, ca093), { ...first.ports, restoreLocation });
    expect(atClose!.locations?.map((s) => [s.id, s.status])).toEqual([
      ['loc-vpn', 'done'],
      ['loc-lab', 'pending'],
    ]);

    const resumed = harness();
    await restoreWithLocationsFirst(atClose!, resumed.ports);
    expect(resumed.writes).toEqual(['location loc-lab', 'policy CA090', 'policy CA093']);
  });

  it('after a location failed, tries it again before the policies it held back', async () => {
    const first = harness(['loc-lab']);
    await restoreWithLocationsFirst(runOf(ca090, ca093), first.ports);
    expect(first.writes).toEqual(['location loc-vpn', 'location loc-lab', 'policy CA090']);

    const resumed = harness([], first.journal);
    const result = await restoreWithLocationsFirst(first.journal.load()!, resumed.ports);
    expect(resumed.writes).toEqual(['location loc-lab', 'policy CA093']);
    expect(result.items.map((i) => [i.id, i.status])).toEqual([
      ['CA090', 'done'],
      ['CA093', 'done'],
    ]);
  });
});
