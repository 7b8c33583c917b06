// One deleted policy's actions on the deleted policies page: the restore (its named locations first,
// then, in report-only, the state set as a second step that can fail on its own and be tried again)
// and the permanent delete, said once done and followed by the focus hand-off of use-purge-focus.ts.
import { useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { REPORT_ONLY } from '../../domain/types';
import { LocationNotRestored } from '../../operations/restore-policy';
import { usePurgePolicy, useRestorePolicy, useSetPolicyState } from '../../policy-ui/writes';
import { paths } from '../../shared/routes/paths';
import type { RestoreMode } from './deleted-actions';
import { usePurgeFocus } from './use-purge-focus';

/** The dialog open for one policy. */
export type PolicyAction = { kind: 'restore' | 'purge'; policy: DeletedPolicy } | null;

export function usePolicyActions({
  heading,
  table,
  onPurged,
}: {
  /** Where the focus goes when the last policy is deleted for good. */
  heading: RefObject<HTMLElement | null>;
  /** Around the policies' table, whose rows' Delete permanently… take the focus after a permanent delete. */
  table: RefObject<HTMLElement | null>;
  /** The policy was deleted for good (before the list is read again). */
  onPurged(policy: DeletedPolicy): void;
}) {
  const navigate = useNavigate();
  const restorePolicy = useRestorePolicy();
  const setPolicyState = useSetPolicyState();
  const purgePolicy = usePurgePolicy();
  const [action, setAction] = useState<PolicyAction>(null);
  const [busy, setBusy] = useState(false);
  // The restore's step under way, e.g. restoring a named location first.
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  // The last policy deleted for good, said in a notice (a new occasion says it again).
  const [purged, setPurged] = useState<{ name: string; occasion: number } | null>(null);
  // Restored, but setting report-only failed: said, with a retry.
  const [secondStep, setSecondStep] = useState<{ id: string; name: string; error: ErrorDescription } | null>(null);
  const purgeFocus = usePurgeFocus({ busy, heading, table });

  const toReportOnly = async (id: string, name: string) => {
    setBusy(true);
    try {
      await setPolicyState.mutateAsync({ id, state: REPORT_ONLY });
      setSecondStep(null);
      navigate(paths.policy(id), { state: { restored: true } });
    } catch (caught) {
      setSecondStep({ id, name, error: describeError(caught, 'set the policy to report-only') });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (policy: DeletedPolicy, mode: RestoreMode, locationsFirst: DeletedNamedLocation[]) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await restorePolicy.mutateAsync({
        id: policy.id!,
        reportOnly: mode === 'reportOnly',
        locationsFirst,
        onProgress: setProgress,
      });
      setAction(null);
      if (outcome.kind === 'stateNotSet') {
        setSecondStep({
          id: outcome.policy.id!,
          name: outcome.policy.displayName ?? '',
          error: describeError(outcome.error, 'set the policy to report-only'),
        });
        return;
      }
      navigate(paths.policy(outcome.policy.id!), { state: { restored: true } });
    } catch (caught) {
      if (caught instanceof LocationNotRestored) {
        const reason = describeError(caught.reason, `restore the named location “${caught.location.displayName}”`);
        setError({ ...reason, message: `${reason.message} The policy was not restored.` });
      } else {
        setError(describeError(caught, 'restore the policy'));
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const purge = async (policy: DeletedPolicy) => {
    setBusy(true);
    setError(null);
    try {
      await purgePolicy.mutateAsync(policy.id!);
      purgeFocus.purged(policy.id!);
      setPurged((last) => ({ name: policy.displayName ?? policy.id!, occasion: (last?.occasion ?? 0) + 1 }));
      setAction(null);
      onPurged(policy);
    } catch (caught) {
      setError(describeError(caught, 'delete the policy permanently'));
    } finally {
      setBusy(false);
    }
  };

  return {
    action,
    busy,
    progress,
    error,
    purged,
    secondStep,
    /** Opens the restore or permanent delete dialog of one policy. */
    open(kind: 'restore' | 'purge', policy: DeletedPolicy) {
      setError(null);
      setAction({ kind, policy });
    },
    close: () => setAction(null),
    restore,
    purge,
    /** Sets report-only again after the second step failed. */
    retrySecondStep: () => {
      if (secondStep) void toReportOnly(secondStep.id, secondStep.name);
    },
  };
}
