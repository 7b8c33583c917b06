// Restoring a deleted named location, or deleting it for good: one write at a time, its outcome said
// (a new occasion says it again), and its row's going handed on to the focus: once the list is read
// again the focus goes to the same button of the next row (or the one before), or to the section's
// heading when it was the only one; never dropped to the page's start.
import { useEffect, useRef, useState } from 'react';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { usePurgeNamedLocation, useRestoreNamedLocation } from '../../policy-ui/writes';

type Action = 'restore' | 'purge';

export function useLocationWrites(locations: DeletedNamedLocation[]) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [purging, setPurging] = useState<DeletedNamedLocation | null>(null);
  // What was done last, said in the notice (a new occasion says it again).
  const [outcome, setOutcome] = useState<{ text: string; name: string; occasion: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableElement>(null);

  const restoreLocation = useRestoreNamedLocation();
  const purgeLocation = usePurgeNamedLocation();

  // The row goes once the list is read again: the buttons are found (their data-restore or data-purge
  // attribute) once they are no longer disabled for the write, that is after the render that ends it.
  const focusAfter = useRef<{ action: Action; id: string | null } | null>(null);
  const moveFocusFrom = (location: DeletedNamedLocation, action: Action) => {
    const at = locations.findIndex((l) => l.id === location.id);
    focusAfter.current = { action, id: (locations[at + 1] ?? locations[at - 1])?.id ?? null };
  };
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || busy) return;
    focusAfter.current = null;
    const target = [...(table.current?.querySelectorAll<HTMLElement>(`[data-${wanted.action}]`) ?? [])].find(
      (b) => b.dataset[wanted.action] === wanted.id,
    );
    (target ?? heading.current)?.focus();
  });

  const restore = async (location: DeletedNamedLocation) => {
    setBusy(location.id);
    setError(null);
    try {
      await restoreLocation.mutateAsync(location.id);
      setOutcome((last) => ({ text: 'was restored.', name: location.displayName, occasion: (last?.occasion ?? 0) + 1 }));
      moveFocusFrom(location, 'restore');
    } catch (caught) {
      setError(describeError(caught, `restore the named location “${location.displayName}”`));
    } finally {
      setBusy(null);
    }
  };

  const purge = async (location: DeletedNamedLocation) => {
    setBusy(location.id);
    setError(null);
    try {
      await purgeLocation.mutateAsync(location.id);
      setPurging(null);
      setOutcome((last) => ({ text: 'was deleted permanently.', name: location.displayName, occasion: (last?.occasion ?? 0) + 1 }));
      moveFocusFrom(location, 'purge');
    } catch (caught) {
      setError(describeError(caught, `delete the named location “${location.displayName}” permanently`));
    } finally {
      setBusy(null);
    }
  };

  return { busy, error, setError, purging, setPurging, outcome, heading, table, restore, purge };
}
