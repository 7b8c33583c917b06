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
import { deletionsFrom, SOFT_DELETE_DAYS, type DeletedPolicy } from '../../graph/deleted-items';
import { describeError, titleInSentence } from '../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../domain/types';
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
import { findMissingDependencies } from '../../domain/dependencies';
import { BulkConfirmDialog } from './bulk-panel';
import { BulkProgress } from './bulk-progress';
import { AuditUnread } from './audit-unread';
import { useBulkRunState } from './use-bulk-run';
import { usePolicyActions } from './use-policy-actions';
import { newRun, type BulkKind } from '../../operations/bulk-run';
import { goneNames } from './gone-names';
import { PurgeDialog, RestoreDialog, SecondStepFailed } from './deleted-actions';
import { DeletedLocationsSection, type LocationUser, type TenantPolicies } from './deleted-locations-section';
import { DeletedPoliciesTable } from './deleted-policies-table';
import { DeletedPolicyDetails } from './deleted-policy-details';
import { lastKnownVersions } from './last-known-versions';
import { RecreateSection } from './recreate-section';
import { Isolated } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';
import { SpokenStatus } from '../../shared/ui/live-status';
import { LeaveDialog, useLeaveGuard } from '../../shared/routes/leave-guard';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function DeletedPoliciesPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const write = useWriteAccess();
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
          .map((f) => `${f.what} (${f.error.status === 403 ? 'permission needed' : titleInSentence(describeError(f.error).title)})`)
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

  // The bulk dialogs are focus-restore sources: Esc or Cancel returns focus to the button that opened them.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [opened, setOpened] = useState<string | null>(null);
  // Said once the audit log, unread at first, is read on Try again.
  const [auditRead, setAuditRead] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmBulk, setConfirmBulk] = useState<BulkKind | null>(null);
  // Counts the runs started from the confirmation: each moves the focus to the run's own button.
  const [runsStarted, setRunsStarted] = useState(0);
  // One policy's restore or permanent delete (use-policy-actions.ts). A policy deleted for good leaves the
  // list and the selection: the focus goes to the next row's Delete permanently…, or to the heading.
  // Only the policies' table: the deleted named locations below have such buttons too.
  const heading = useRef<HTMLHeadingElement>(null);
  const policiesTable = useRef<HTMLDivElement>(null);
  const one = usePolicyActions({
    heading,
    table: policiesTable,
    onPurged: (policy) =>
      setSelected((current) => {
        if (!current.has(policy.id!)) return current;
        const next = new Set(current);
        next.delete(policy.id!);
        return next;
      }),
  });
  const { action } = one;
  // The bulk run (use-bulk-run.ts). Leaving the page asks first while it goes; leaving anyway stops it
  // after the item under way, and it can be resumed here later.
  const bulk = useBulkRunState({ deleted: deleted.data, missingOf, onEnd: () => setSelected(new Set()) });
  const leave = useLeaveGuard(bulk.running);
  const run = bulk.run;

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
      {one.secondStep && (
        <SecondStepFailed name={one.secondStep.name} error={one.secondStep.error} busy={one.busy} onRetry={one.retrySecondStep} />
      )}
      {one.purged && (
        <Notice intent="success" occasion={one.purged.occasion}>
          <MessageBarBody>
            “<Isolated>{one.purged.name}</Isolated>” was deleted permanently.
          </MessageBarBody>
        </Notice>
      )}
      {audit.isError && (
        <AuditUnread
          reason={titleInSentence(describeError(audit.error).title)}
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
          wait={bulk.wait}
          takeFocus={runsStarted}
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
          {/* Focusable while a run goes and with nothing selected: a confirmation cancelled gives the focus back to
              the button that opened it (one that starts a run gives it to the run's Stop), and a disabled button
              would drop it to the page's start. */}
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
              onRestore={(policy) => one.open('restore', policy)}
              onPurge={(policy) => one.open('purge', policy)}
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
          unchecked={unchecked}
          checking={checking}
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
          busy={one.busy}
          progress={one.progress}
          error={one.error}
          onRestore={(mode, locationsFirst) => void one.restore(action.policy, mode, locationsFirst)}
          onClose={one.close}
        />
      )}
      {action?.kind === 'purge' && (
        <PurgeDialog
          name={action.policy.displayName ?? ''}
          busy={one.busy}
          error={one.error}
          onPurge={() => void one.purge(action.policy)}
          onClose={one.close}
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
            setRunsStarted((n) => n + 1);
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
