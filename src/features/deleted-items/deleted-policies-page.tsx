// Deleted items: policies and named locations kept for 30 days, with who deleted them (audit log),
// the days left and the state they were in. One policy or several can be restored (as they were or
// in report-only, deleted named locations they need restored first) or deleted for good; policies
// beyond deleted items can be re-created from their last known version.
import { Button, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { ArrowCounterclockwiseRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { deletionsFrom, listDeletedNamedLocations, listDeletedPolicies, SOFT_DELETE_DAYS, type DeletedNamedLocation, type DeletedPolicy } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { purgePolicySafely, restoreNamedLocationSafely, restorePolicySafely, setPolicyStateSafely } from '../../operations/restore-deleted';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { listScopeVersions } from '../../shared/storage/version-history';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { policiesQuery, policyKeys, recentAuditQuery, refreshAfterWrite, useNames } from '../../policy-ui/policy-queries';
import { findMissingDependencies } from '../../domain/dependencies';
import { BulkConfirmDialog, BulkProgress } from './bulk-panel';
import { bulkStore, newRun, runBulk, type BulkKind, type BulkRun } from '../../operations/bulk-run';
import { bulkStep } from '../../operations/bulk-steps';
import { PurgeDialog, RestoreDialog, SecondStepFailed, type RestoreMode } from './deleted-actions';
import { DeletedLocationsSection } from './deleted-locations-section';
import { DeletedPoliciesTable } from './deleted-policies-table';
import { DeletedPolicyDetails } from './deleted-policy-details';
import { lastKnownVersions } from './last-known-versions';
import { RecreateSection } from './recreate-section';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const REPORT_ONLY = 'enabledForReportingButNotEnforced';
type Action = { kind: 'restore' | 'purge'; policy: DeletedPolicy } | null;

export function DeletedPoliciesPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const write = useWriteAccess();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [now] = useState(() => new Date());
  const deleted = useQuery({ queryKey: [...tenant.scopeKey, 'deleted-policies'], queryFn: ({ signal }) => listDeletedPolicies(tenant.client, signal), staleTime: 0 });
  const locations = useQuery({ queryKey: [...tenant.scopeKey, 'deleted-locations'], queryFn: ({ signal }) => listDeletedNamedLocations(tenant.client, signal), staleTime: 0 });
  const audit = useQuery(recentAuditQuery(tenant));
  const local = useQuery({ queryKey: [...tenant.scopeKey, 'local-history', 'tenant'], queryFn: () => listScopeVersions(tenant.account.tenantId) });
  const current = useQuery(policiesQuery(tenant));
  const names = useNames(tenant, deleted.data);

  const deletions = useMemo(() => (audit.data ? deletionsFrom(audit.data) : undefined), [audit.data]);
  const locationDeletions = useMemo(() => (audit.data ? deletionsFrom(audit.data, 'NamedLocation') : undefined), [audit.data]);
  const deletedLocations = useMemo(() => locations.data ?? [], [locations.data]);
  const missingOf = (policy: DeletedPolicy) => findMissingDependencies(policy, names.data, deletedLocations);
  const recreatable = useMemo(() => {
    if (!deleted.data || !current.data) return [];
    const present = new Set([...deleted.data, ...current.data].map((p) => p.id!));
    return lastKnownVersions(audit.data ?? [], local.data ?? [], present);
  }, [audit.data, local.data, deleted.data, current.data]);

  const [action, setAction] = useState<Action>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState<{ id: string; name: string; error: ErrorDescription } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmBulk, setConfirmBulk] = useState<BulkKind | null>(null);
  const [run, setRun] = useState<BulkRun | null>(() => bulkStore.load(tenant.account.key));
  const [running, setRunning] = useState(false);
  const stopper = useRef<AbortController | null>(null);
  // Leaving the page stops a run after the item under way; it can be resumed here later.
  useEffect(() => () => stopper.current?.abort(), []);

  const refresh = () => refreshAfterWrite(queryClient, tenant);

  /** What the admin sees afterwards: the policy as the tenant now holds it, lists refreshed once the last step is done. */
  const finish = async (policy: ConditionalAccessPolicy, namedLocationsChanged: boolean) => {
    queryClient.setQueryData(policyKeys.detail(tenant, policy.id!), policy);
    await refreshAfterWrite(queryClient, tenant, { namedLocations: namedLocationsChanged });
  };

  const toReportOnly = async (id: string, name: string) => {
    setBusy(true);
    try {
      const policy = await setPolicyStateSafely(tenant.client, id, REPORT_ONLY);
      setSecondStep(null);
      await finish(policy, false);
      navigate(paths.policy(id), { state: { restored: true } });
    } catch (caught) {
      setSecondStep({ id, name, error: describeError(caught, 'set the policy to report-only') });
      await refreshAfterWrite(queryClient, tenant);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (policy: DeletedPolicy, mode: RestoreMode, locationsFirst: DeletedNamedLocation[]) => {
    setBusy(true);
    setError(null);
    let restored: ConditionalAccessPolicy | null = null;
    try {
      for (const location of locationsFirst) {
        setProgress(`Restoring named location “${location.displayName}”…`);
        try {
          await restoreNamedLocationSafely(tenant.client, location.id);
        } catch (caught) {
          const reason = describeError(caught, `restore the named location “${location.displayName}”`);
          setError({ ...reason, message: `${reason.message} The policy was not restored.` });
          return;
        }
      }
      setProgress('Restoring the policy…');
      restored = await restorePolicySafely(tenant.client, policy.id!);
      if (mode === 'reportOnly' && restored.state !== REPORT_ONLY) {
        setProgress('Setting it to report-only…');
        try {
          restored = await setPolicyStateSafely(tenant.client, restored.id!, REPORT_ONLY);
        } catch (caught) {
          setAction(null);
          setSecondStep({ id: restored.id!, name: restored.displayName ?? '', error: describeError(caught, 'set the policy to report-only') });
          return;
        }
      }
      await finish(restored, locationsFirst.length > 0);
      setAction(null);
      navigate(paths.policy(restored.id!), { state: { restored: true } });
    } catch (caught) {
      setError(describeError(caught, 'restore the policy'));
    } finally {
      // Whatever happened, the lists show what the tenant now holds.
      if (!restored || (mode === 'reportOnly' && restored.state !== REPORT_ONLY)) await refreshAfterWrite(queryClient, tenant, { namedLocations: locationsFirst.length > 0 });
      setBusy(false);
      setProgress(null);
    }
  };

  const purge = async (policy: DeletedPolicy) => {
    setBusy(true);
    setError(null);
    try {
      await purgePolicySafely(tenant.client, policy.id!);
      setAction(null);
    } catch (caught) {
      setError(describeError(caught, 'delete the policy permanently'));
    } finally {
      await refresh();
      setBusy(false);
    }
  };

  const startRun = async (start: BulkRun) => {
    const controller = new AbortController();
    stopper.current = controller;
    setRunning(true);
    const save = (next: BulkRun) => {
      bulkStore.save(tenant.account.key, next);
      setRun(next);
    };
    save(start);
    try {
      await runBulk(start, bulkStep(tenant.client, start.kind, start.reportOnly), save, controller.signal);
    } finally {
      setRunning(false);
      stopper.current = null;
      setSelected(new Set());
      await refresh();
    }
  };

  const selectedPolicies = (deleted.data ?? []).filter((p) => selected.has(p.id!));
  const openedPolicy = deleted.data?.find((p) => p.id === opened);
  const usedBy = (locationId: string) => (deleted.data ?? []).filter((p) => [...(p.conditions?.locations?.includeLocations ?? []), ...(p.conditions?.locations?.excludeLocations ?? [])].includes(locationId)).map((p) => p.displayName ?? p.id!);

  return (
    <section className={styles.page} aria-labelledby="deleted-title">
      <h1 id="deleted-title" className={styles.title}>
        Deleted policies
      </h1>
      <Text>Microsoft Entra keeps deleted policies and named locations for {SOFT_DELETE_DAYS} days. Until then they can be restored as they were.</Text>
      {secondStep && <SecondStepFailed name={secondStep.name} error={secondStep.error} busy={busy} onRetry={() => void toReportOnly(secondStep.id, secondStep.name)} />}
      {audit.isError && (
        <MessageBar intent="warning">
          <MessageBarBody>Who deleted each policy comes from the audit log, which could not be read: {describeError(audit.error).title.toLowerCase()}.</MessageBarBody>
        </MessageBar>
      )}
      {run && (
        <BulkProgress
          run={run}
          running={running}
          onStop={() => stopper.current?.abort()}
          onResume={() => void startRun(run)}
          onDismiss={() => {
            bulkStore.clear(tenant.account.key);
            setRun(null);
          }}
        />
      )}
      {deleted.isPending && <Skeleton aria-label="Loading deleted policies"><SkeletonItem size={64} /></Skeleton>}
      {deleted.isError && <ErrorState {...describeError(deleted.error, 'load the deleted policies')} onRetry={() => void deleted.refetch()} />}
      {deleted.data?.length === 0 && <EmptyState title="No deleted policies">Policies deleted in the last {SOFT_DELETE_DAYS} days appear here.</EmptyState>}
      {deleted.data && deleted.data.length > 0 && (
        <>
          <div className={styles.toolbar} role="toolbar" aria-label="Selected policies">
            <Button icon={<ArrowCounterclockwiseRegular />} disabled={selected.size === 0 || running} disabledFocusable={!write.allowed} title={write.reason ?? undefined} onClick={() => setConfirmBulk('restore')}>
              Restore selected ({selected.size})…
            </Button>
            <Button icon={<DeleteRegular />} disabled={selected.size === 0 || running} disabledFocusable={!write.allowed} title={write.reason ?? undefined} onClick={() => setConfirmBulk('purge')}>
              Delete selected permanently ({selected.size})…
            </Button>
          </div>
          <DeletedPoliciesTable
            policies={deleted.data}
            deletions={deletions}
            now={now}
            selected={selected}
            onSelect={(ids, on) =>
              setSelected((current) => {
                const next = new Set(current);
                for (const id of ids) if (on) next.add(id); else next.delete(id);
                return next;
              })
            }
            opened={opened}
            onOpen={setOpened}
            onRestore={(policy) => { setError(null); setAction({ kind: 'restore', policy }); }}
            onPurge={(policy) => { setError(null); setAction({ kind: 'purge', policy }); }}
            disabled={running}
          />
        </>
      )}
      {openedPolicy && <DeletedPolicyDetails policy={openedPolicy} current={current.data} names={names.data} missing={missingOf(openedPolicy)} />}
      {locations.data && <DeletedLocationsSection locations={locations.data} now={now} usedBy={usedBy} deletions={locationDeletions} />}
      {locations.isError && <ErrorState {...describeError(locations.error, 'load the deleted named locations')} onRetry={() => void locations.refetch()} />}
      {deleted.data && current.data && !local.isPending && !audit.isPending && <RecreateSection items={recreatable} deletedLocations={deletedLocations} auditUnavailable={audit.isError} />}

      {action?.kind === 'restore' && (
        <RestoreDialog
          policy={action.policy}
          missing={missingOf(action.policy)}
          checking={names.isPending || locations.isPending}
          busy={busy}
          progress={progress}
          error={error}
          onRestore={(mode, locationsFirst) => void restore(action.policy, mode, locationsFirst)}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === 'purge' && <PurgeDialog name={action.policy.displayName ?? ''} busy={busy} error={error} onPurge={() => void purge(action.policy)} onClose={() => setAction(null)} />}
      {confirmBulk && (
        <BulkConfirmDialog
          kind={confirmBulk}
          policies={selectedPolicies}
          missingOf={missingOf}
          onStart={(reportOnly) => {
            setConfirmBulk(null);
            void startRun(newRun(confirmBulk, reportOnly, selectedPolicies.map((p) => ({ id: p.id!, name: p.displayName ?? p.id! }))));
          }}
          onClose={() => setConfirmBulk(null)}
        />
      )}
    </section>
  );
}
