// A bulk restore of policies that refer to deleted named locations, as the single restore does it:
// the locations are restored first (one write at a time, each read back), then the policies. A
// policy whose location the admin chose not to restore is left out of the run; one whose location
// could not be restored is not tried (restored, it would point at a deleted location), and says why.
// The location steps are worked out from the tenant when the run starts and kept in the run, which the
// journal saves at every step: a resume goes on from where it stopped, never restoring one twice.
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import { unfinished, type BulkLocation, type BulkRun } from '../../operations/bulk-run';

export interface NeededLocation {
  location: DeletedNamedLocation;
  neededBy: { id: string; name: string }[];
}

const nameOf = (policy: DeletedPolicy) => policy.displayName ?? policy.id!;

/** The deleted named locations these policies need (still restorable), each once, in the order first needed. */
export function neededLocations(
  policies: readonly DeletedPolicy[],
  missingOf: (policy: DeletedPolicy) => MissingDependency[],
): NeededLocation[] {
  const needed = new Map<string, NeededLocation>();
  for (const policy of policies)
    for (const { restorable } of missingOf(policy)) {
      if (!restorable) continue;
      const entry = needed.get(restorable.id) ?? { location: restorable, neededBy: [] };
      if (!entry.neededBy.some((p) => p.id === policy.id)) entry.neededBy.push({ id: policy.id!, name: nameOf(policy) });
      needed.set(restorable.id, entry);
    }
  return [...needed.values()];
}

/** A policy left out of the run: the deleted named locations it needs that the admin chose not to restore. */
export interface LeftOut {
  policy: DeletedPolicy;
  locations: DeletedNamedLocation[];
}

/** Which policies go into the run, given the needed locations the admin unticked. */
export function splitForRestore(
  policies: readonly DeletedPolicy[],
  missingOf: (policy: DeletedPolicy) => MissingDependency[],
  skipped: ReadonlySet<string>,
): { included: DeletedPolicy[]; leftOut: LeftOut[] } {
  const included: DeletedPolicy[] = [];
  const leftOut: LeftOut[] = [];
  for (const policy of policies) {
    const locations = missingOf(policy)
      .flatMap((m) => (m.restorable ? [m.restorable] : []))
      .filter((l) => skipped.has(l.id));
    if (locations.length) leftOut.push({ policy, locations });
    else included.push(policy);
  }
  return { included, leftOut };
}

/** A named location restored before the policies of a run. */
export type LocationStep = BulkLocation;

/** The run with the locations it restores first, each waiting. */
export function withLocationSteps(run: BulkRun, needed: readonly NeededLocation[]): BulkRun {
  return {
    ...run,
    locations: needed.map(({ location, neededBy }) => ({ id: location.id, name: location.displayName, neededBy, status: 'pending' })),
  };
}

export interface LocationsFirstPorts {
  /** Restores one named location and reads it back (the safe operation, through its mutation). */
  restoreLocation(id: string): Promise<unknown>;
  /** Runs the policies' part: the bulk run as it always was. */
  runPolicies(run: BulkRun, onChange: (run: BulkRun) => void): Promise<BulkRun>;
  /** Every change of the run, its location steps included: to be journalled before it is shown. */
  onRun(run: BulkRun): void;
  /** The reason a restore failed, in words. */
  describe(error: unknown): string;
}

const held = (step: LocationStep) =>
  `not tried: it needs the named location “${step.name}”, which could not be restored${step.message ? ` (${step.message})` : ''}`;

/**
 * Restores the run's locations not yet done, one at a time, then runs the policies, holding back
 * those whose location failed (shown failed with the reason; a resume tries the location again
 * first). Stopped while locations are restored, no policy is tried.
 */
export async function restoreWithLocationsFirst(run: BulkRun, ports: LocationsFirstPorts, signal?: AbortSignal): Promise<BulkRun> {
  let current = run;
  const update = (id: string, patch: Partial<LocationStep>) => {
    current = { ...current, locations: current.locations?.map((step) => (step.id === id ? { ...step, ...patch } : step)) };
    ports.onRun(current);
  };
  ports.onRun(current);
  for (const step of run.locations ?? []) {
    if (step.status === 'done') continue;
    if (signal?.aborted) return current;
    update(step.id, { status: 'running', message: undefined, interrupted: undefined });
    try {
      await ports.restoreLocation(step.id);
      update(step.id, { status: 'done' });
    } catch (error) {
      update(step.id, { status: 'failed', message: ports.describe(error) });
    }
  }
  const reasons = new Map<string, string>();
  for (const step of current.locations ?? [])
    if (step.status === 'failed') for (const policy of step.neededBy) reasons.set(policy.id, held(step));
  const locations = current.locations;
  const withHeld = (latest: BulkRun): BulkRun => ({
    ...latest,
    locations,
    items: run.items.map((item) => {
      const reason = reasons.get(item.id);
      if (reason && item.status !== 'done') return { ...item, status: 'failed', message: reason };
      return latest.items.find((i) => i.id === item.id) ?? item;
    }),
  });
  const rest: BulkRun = { ...current, items: run.items.filter((item) => !reasons.has(item.id)) };
  if (unfinished(rest).length === 0) {
    const done = withHeld(rest);
    ports.onRun(done);
    return done;
  }
  return withHeld(await ports.runPolicies(rest, (latest) => ports.onRun(withHeld(latest))));
}
