// The deleted policies page's bulk run: the run (as the journal holds it when the page opens), whether it
// goes, stopping it after the item under way, resuming it, a run still finishing a write begun
// before the page was left and opened again, and the wait Graph put it in.
import { useEffect, useRef, useState } from 'react';
import type { DeletedPolicy } from '../../graph/deleted-items';
import { describeError } from '../../graph/describe-error';
import type { MissingDependency } from '../../domain/dependencies';
import { unfinished, type BulkRun } from '../../operations/bulk-run';
import type { CurrentWait } from '../../session/retry-waits';
import { useBulkJournal, useBulkLocationStep, useBulkRetryWait, useBulkRun, useRunFinishingElsewhere } from '../../policy-ui/writes';
import { neededLocations, restoreWithLocationsFirst, withLocationSteps } from './bulk-restore-plan';

export interface BulkRunState {
  /** The run shown: this page's, or the journal's from before. */
  run: BulkRun | null;
  /** This page's run goes. */
  running: boolean;
  /** Stop was pressed: the item under way finishes, nothing after it starts. */
  stopping: boolean;
  /** Back before the item under way answered: the run is shown finishing it, with no Resume. */
  finishingElsewhere: boolean;
  /** The wait Graph put the run's requests in (a 429's Retry-After, a 503): null when none. */
  wait: CurrentWait | null;
  /** Starts a new run, or resumes one: only what is not done is run. */
  start(run: BulkRun): Promise<void>;
  stop(): void;
  /** Forgets the run, journal included. */
  dismiss(): void;
}

export function useBulkRunState({
  deleted,
  missingOf,
  onEnd,
}: {
  /** The deleted policies as last read: a restore works out the named locations to restore first from them. */
  deleted: DeletedPolicy[] | undefined;
  missingOf(policy: DeletedPolicy): MissingDependency[];
  /** The run ended (done, stopped or failed). */
  onEnd(): void;
}): BulkRunState {
  const journal = useBulkJournal();
  const [run, setRun] = useState<BulkRun | null>(() => journal.load());
  const bulkRun = useBulkRun();
  const restoreLocation = useBulkLocationStep();
  const wait = useBulkRetryWait();
  const [running, setRunning] = useState(false);
  const [stopping, setStopping] = useState(false);
  const stopper = useRef<AbortController | null>(null);
  // Leaving the page stops a run after the item under way; it can be resumed here later.
  useEffect(() => () => stopper.current?.abort(), []);
  // A location restored on its own (the section below the policies) is not the run's.
  const finishingElsewhere = useRunFinishingElsewhere(running, () => setRun(journal.load()), 'bulk', 'bulkLocation');

  const start = async (begin: BulkRun) => {
    const controller = new AbortController();
    stopper.current = controller;
    setStopping(false);
    setRunning(true);
    try {
      // Worked out from the tenant when the run starts (or a run journalled before runs kept them resumes);
      // after that the run's own steps say what is left, so a resume restores no location twice.
      const pending = new Set(unfinished(begin).map((item) => item.id));
      const planned =
        begin.kind === 'restore' && !begin.locations
          ? withLocationSteps(
              begin,
              neededLocations(
                (deleted ?? []).filter((p) => pending.has(p.id!)),
                missingOf,
              ),
            )
          : begin;
      if (!planned.locations?.length) {
        await bulkRun.mutateAsync({ run: planned, onChange: setRun, signal: controller.signal });
        return;
      }
      await restoreWithLocationsFirst(
        planned,
        {
          restoreLocation: (id) => restoreLocation.mutateAsync(id),
          runPolicies: (policies, onChange) => bulkRun.mutateAsync({ run: policies, onChange, signal: controller.signal }),
          // The location steps and the policies held back are kept in the journal too, so that a resume goes on from them.
          onRun: (current) => {
            journal.save(current);
            setRun(current);
          },
          describe: (error) => describeError(error, 'restore the named location').message,
        },
        controller.signal,
      );
    } catch {
      // A failed item is shown in the run itself; the run resolves with it.
    } finally {
      setRunning(false);
      stopper.current = null;
      onEnd();
    }
  };

  return {
    run,
    running,
    stopping,
    finishingElsewhere,
    wait,
    start,
    stop: () => {
      setStopping(true);
      stopper.current?.abort();
    },
    dismiss: () => {
      journal.clear();
      setRun(null);
    },
  };
}
