// Deleted items: policies and named locations kept for 30 days, with who deleted them (audit log),
// the days left and the state they were in. One policy or several can be restored (as they were or
// in report-only, deleted named locations they need restored first) or deleted for good; policies
// beyond deleted items can be re-created from their last known version.
import {
  Button,
  makeStyles,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowCounterclockwiseRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { deletionsFrom, SOFT_DELETE_DAYS, type DeletedNamedLocation, type DeletedPolicy } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { REPORT_ONLY, type ConditionalAccessPolicy } from '../../domain/types';
import { LocationNotRestored } from '../../operations/restore-policy';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import {
  deletedLocationsQuery,
  deletedPoliciesQuery,
  policiesQuery,
  recentAuditQuery,
  tenantLocalHistoryQuery,
  useNames,
} from '../../policy-ui/queries';
import { usePurgePolicy, useRestorePolicy, useSetPolicyState } from '../../policy-ui/writes';
import { findMissingDependencies } from '../../domain/dependencies';
import { BulkConfirmDialog, BulkProgress } from './bulk-panel';
import { AuditUnread } from './audit-unread';
import { useBulkRunState } from './use-bulk-run';
import { usePurgeFocus } from './use-purge-focus';
import { newRun, type BulkKind } from '../../operations/bulk-run';
import { goneNames } from './gone-names';
import { PurgeDialog, RestoreDialog, SecondStepFailed, type RestoreMode } from './deleted-actions';
import { DeletedLocationsSection, type LocationUser, type TenantPolicies } from './deleted-locations-section';
import { DeletedPoliciesTable } from './deleted-policies-table';
import { DeletedPolicyDetails } from './deleted-policy-details';
import { lastKnownVersions } from './last-known-versions';
import { RecreateSection } from './recreate-section';
import { paths } from '../../shared/routes/paths';
import { Isolated } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';
import { SpokenStatus } from '../../shared/ui/live-status';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Action = { kind: 'restore' | 'purge'; policy: DeletedPolicy } | null;

export function DeletedPoliciesPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const write = useWriteAccess();
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const deleted = useQuery({ ...deletedPoliciesQuery(tenant), staleTime: 0 });
  const locations = useQuery({ ...deletedLocationsQuery(tenant), staleTime: 0 });
  const audit = useQuery(recentAuditQuery(tenant));
  const local = useQuery(tenantLocalHistoryQuery(tenant));
  const current = useQuery(policiesQuery(tenant));
  const names = useNames(tenant, deleted.data);

  const deletions = useMemo(() => (audit.data ? deletionsFrom(audit.data) : undefined), [audit.data]);
  const locationDeletions = useMemo(() => (audit.data ? deletionsFrom(audit.data, 'NamedLocation') : undefined), [audit.data]);
  const deletedLocations = useMemo(() => locations.data ?? [], [locations.data]);
  const missingOf = (policy: DeletedPolicy) => findMissingDependencies(policy, names.data, deletedLocations);
  // A failed lookup (or one that failed in part) leaves ids unresolved, which would read as nothing
  // missing: the restore dialogs say it could not be checked, and why, with Try again.
  const namesFailure = names.isError
    ? describeError(names.error, 'look up what they refer to').message
    : names.data?.failures.length
      ? `Some lookups failed: ${names.data.failures
          .map((f) => `${f.what} (${f.error.status === 403 ? 'permission needed' : describeError(f.error).title.toLowerCase()})`)
          .join(', ')}.`
      : null;
  const unchecked = namesFailure ? { reason: namesFailure, onRetry: () => void names.refetch() } : null;
  // Until both are read (or read again after a failure), a policy's deleted named locations are not known: a restore waits.
  const checking = names.isPending || locations.isPending || (!!namesFailure && names.isFetching);
  const known = useMemo(() => goneNames(audit.data ?? [], deletedLocations), [audit.data, deletedLocations]);
  const recreatable = useMemo(() => {
    if (!deleted.data || !current.data) return [];
    const present = new Set([...deleted.data, ...current.data].map((p) => p.id!));
    return lastKnownVersions(audit.data ?? [], local.data ?? [], present);
  }, [audit.data, local.data, deleted.data, current.data]);

  const [action, setAction] = useState<Action>(null);
  // The bulk dialogs are focus-restore sources: Esc or Cancel returns focus to the button that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  // Said once the audit log, unread at first, is read on Try again.
  const [auditRead, setAuditRead] = useState(false);
  // The last policy deleted for good, said in a notice (a new occasion says it again).
  const [purged, setPurged] = useState<{ name: string; occasion: number } | null>(null);
  const [secondStep, setSecondStep] = useState<{ id: string; name: string; error: ErrorDescription } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmBulk, setConfirmBulk] = useState<BulkKind | null>(null);
  const restorePolicy = useRestorePolicy();
  const setPolicyState = useSetPolicyState();
  const purgePolicy = usePurgePolicy();
  // The bulk run (use-bulk-run.ts). Leaving the page asks first while it goes; leaving anyway stops it
  // after the item under way, and it can be resumed here later.
  const bulk = useBulkRunState({ deleted: deleted.data, missingOf, onEnd: () => setSelected(new Set()) });
  const leave = useLeaveGuard(bulk.running);
  const run = bulk.run;

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

  // A policy deleted for good leaves the list: the focus goes to the next row's Delete permanently…, or to
  // the heading (use-purge-focus.ts). Only the policies' table: the deleted named locations below have such buttons too.
  const heading = useRef<HTMLHeadingElement>(null);
  const policiesTable = useRef<HTMLDivElement>(null);
  const purgeFocus = usePurgeFocus({ busy, heading, table: policiesTable });

  const purge = async (policy: DeletedPolicy) => {
    setBusy(true);
    setError(null);
    try {
      await purgePolicy.mutateAsync(policy.id!);
      purgeFocus.purged(policy.id!);
      setPurged((last) => ({ name: policy.displayName ?? policy.id!, occasion: (last?.occasion ?? 0) + 1 }));
      setAction(null);
      setSelected((current) => {
        if (!current.has(policy.id!)) return current;
        const next = new Set(current);
        next.delete(policy.id!);
        return next;
      });
    } catch (caught) {
      setError(describeError(caught, 'delete the policy permanently'));
    } finally {
      setBusy(false);
    }
  };

  // Only what is in the list now counts: a policy purged from its own row, or restored elsewhere and gone
  // once the list is read again, is no longer selected (the toolbar's count and the run agree).
  const selectedPolicies = (deleted.data ?? []).filter((p) => selected.has(p.id!));
  const selectedCount = selectedPolicies.length;
  const openedPolicy = deleted.data?.find((p) => p.id === opened);
  // The tenant's policies first: one that still refers to a deleted location is why it must not be purged.
  const usedBy = (locationId: string): LocationUser[] => {
    const refers = (p: ConditionalAccessPolicy) =>
      [...(p.conditions?.locations?.includeLocations ?? []), ...(p.conditions?.locations?.excludeLocations ?? [])].includes(locationId);
    return [
      ...(current.data ?? []).filter(refers).map((p) => ({ name: p.displayName ?? p.id!, state: p.state, inTenant: true })),
      ...(deleted.data ?? []).filter(refers).map((p) => ({ name: p.displayName ?? p.id!, state: p.state, inTenant: false })),
    ];
  };
  // A trusted location restored counts again for the tenant's policies that use All trusted locations.
  const trustedUsers: LocationUser[] = (current.data ?? [])
    .filter((p) =>
      [...(p.conditions?.locations?.includeLocations ?? []), ...(p.conditions?.locations?.excludeLocations ?? [])].includes('AllTrusted'),
    )
    .map((p) => ({ name: p.displayName ?? p.id!, state: p.state, inTenant: true }));
  // Until the tenant's policies are read, which of them use a deleted location is not known (not: none).
  const tenantPolicies: TenantPolicies = current.isError
    ? {
        status: 'failed',
        reason: describeError(current.error, "read the tenant's policies").message,
        retrying: current.isFetching,
        onRetry: () => void current.refetch(),
      }
    : current.data
      ? { status: 'read' }
      : { status: 'loading' };

  return (
    <section className={styles.page} aria-labelledby="deleted-title">
      <h1 id="deleted-title" className={styles.title} ref={heading} tabIndex={-1}>
        Deleted policies
      </h1>
      <Text>
        Microsoft Entra keeps deleted policies and named locations for {SOFT_DELETE_DAYS} days. Until then they can be restored as they
        were.
      </Text>
      {secondStep && (
        <SecondStepFailed
          name={secondStep.name}
          error={secondStep.error}
          busy={busy}
          onRetry={() => void toReportOnly(secondStep.id, secondStep.name)}
        />
      )}
      {purged && (
        <Notice intent="success" occasion={purged.occasion}>
          <MessageBarBody>
            “<Isolated>{purged.name}</Isolated>” was deleted permanently.
          </MessageBarBody>
        </Notice>
      )}
      {audit.isError && (
        <AuditUnread
          reason={describeError(audit.error).title.toLowerCase()}
          occasion={audit.errorUpdateCount}
          retrying={audit.isFetching}
          onRetry={() => {
            setAuditRead(false);
            void audit.refetch().then((answer) => setAuditRead(answer.isSuccess));
          }}
          heading={heading}
        />
      )}
      <SpokenStatus>{auditRead ? 'The audit log was read: who deleted each policy is shown.' : null}</SpokenStatus>
      {run && (
        <BulkProgress
          run={run}
          locations={run.locations ?? null}
          running={bulk.running || bulk.finishingElsewhere}
          stopping={bulk.stopping || bulk.finishingElsewhere}
          checking={run.kind === 'restore' && checking}
          onStop={bulk.stop}
          onResume={() => void bulk.start(run)}
          onDismiss={() => {
            // The bar goes with its buttons: the focus goes to the page's heading rather than to its start.
            heading.current?.focus();
            bulk.dismiss();
          }}
        />
      )}
      {deleted.isPending && (
        <Skeleton aria-label="Loading deleted policies">
          <SkeletonItem size={64} />
        </Skeleton>
      )}
      {deleted.isError && (
        <ErrorState {...describeError(deleted.error, 'load the deleted policies')} onRetry={() => void deleted.refetch()} />
      )}
      {deleted.data?.length === 0 && (
        <EmptyState title="No deleted policies">Policies deleted in the last {SOFT_DELETE_DAYS} days appear here.</EmptyState>
      )}
      {deleted.data && deleted.data.length > 0 && (
        <>
          {/* Focusable while a run goes (and with nothing selected, as after a run): the confirmation gives the
              focus back to the button that opened it, which disabled would drop to the page's start. */}
          <div className={styles.toolbar} role="toolbar" aria-label="Selected policies">
            <Button
              icon={<ArrowCounterclockwiseRegular />}
              disabledFocusable={!write.allowed || bulk.running || selectedCount === 0}
              title={write.reason ?? undefined}
              onClick={() => setConfirmBulk('restore')}
              {...restoreFocusTarget}
            >
              Restore selected ({selectedCount})…
            </Button>
            <Button
              icon={<DeleteRegular />}
              disabledFocusable={!write.allowed || bulk.running || selectedCount === 0}
              title={write.reason ?? undefined}
              onClick={() => setConfirmBulk('purge')}
              {...restoreFocusTarget}
            >
              Delete selected permanently ({selectedCount})…
            </Button>
          </div>
          <div ref={policiesTable}>
            <DeletedPoliciesTable
              policies={deleted.data}
              deletions={deletions}
              now={now}
              selected={selected}
              onSelect={(ids, on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  for (const id of ids)
                    if (on) next.add(id);
                    else next.delete(id);
                  return next;
                })
              }
              opened={opened}
              onOpen={setOpened}
              onRestore={(policy) => {
                setError(null);
                setAction({ kind: 'restore', policy });
              }}
              onPurge={(policy) => {
                setError(null);
                setAction({ kind: 'purge', policy });
              }}
              disabled={bulk.running}
            />
          </div>
        </>
      )}
      {openedPolicy && (
        <DeletedPolicyDetails
          policy={openedPolicy}
          current={current.data}
          names={names.data}
          missing={missingOf(openedPolicy)}
          known={known}
        />
      )}
      {locations.data && (
        <DeletedLocationsSection
          locations={locations.data}
          now={now}
          usedBy={usedBy}
          trustedUsers={trustedUsers}
          tenantPolicies={tenantPolicies}
          deletions={locationDeletions}
        />
      )}
      {locations.isError && (
        <ErrorState {...describeError(locations.error, 'load the deleted named locations')} onRetry={() => void locations.refetch()} />
      )}
      {deleted.data && current.data && !local.isPending && !audit.isPending && (
        <RecreateSection items={recreatable} deletedLocations={deletedLocations} known={known} auditUnavailable={audit.isError} />
      )}

      {action?.kind === 'restore' && (
        <RestoreDialog
          policy={action.policy}
          missing={missingOf(action.policy)}
          known={known}
          checking={checking}
          unchecked={unchecked}
          busy={busy}
          progress={progress}
          error={error}
          onRestore={(mode, locationsFirst) => void restore(action.policy, mode, locationsFirst)}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === 'purge' && (
        <PurgeDialog
          name={action.policy.displayName ?? ''}
          busy={busy}
          error={error}
          onPurge={() => void purge(action.policy)}
          onClose={() => setAction(null)}
        />
      )}
      <LeaveDialog
        guard={leave}
        title={run?.kind === 'purge' ? 'Stop deleting and leave?' : 'Stop restoring and leave?'}
        done="The run has ended, so leaving cuts nothing short. Stay to see how it went."
      >
        Leaving stops the run after the policy under way. What is done stays done, and the rest can be resumed when you come back to Deleted
        policies.
      </LeaveDialog>
      {confirmBulk && (
        <BulkConfirmDialog
          kind={confirmBulk}
          policies={selectedPolicies}
          missingOf={missingOf}
          known={known}
          checking={checking}
          unchecked={unchecked}
          onStart={(reportOnly, included) => {
            setConfirmBulk(null);
            void bulk.start(
              newRun(
                confirmBulk,
                reportOnly,
                included.map((p) => ({ id: p.id!, name: p.displayName ?? p.id! })),
              ),
            );
          }}
          onClose={() => setConfirmBulk(null)}
        />
      )}
    </section>
  );
}
