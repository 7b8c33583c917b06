// Deleted policies: what was deleted, when and by whom, how many of its 30 days are left, the state
// it was in; open one to read it; restore it (as it was, or in report-only) or delete it for good.
import { Button, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { WRITE_SCOPES } from '../../../auth/scopes';
import { daysLeft, listDeletedPolicies, listDeletions, purgeDeletedPolicy, restoreDeletedPolicy, SOFT_DELETE_DAYS, type DeletedPolicy } from '../../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../../graph/describe-error';
import { updatePolicy } from '../../../graph/policies';
import { useTenantSession } from '../../../session/tenant-session';
import { EmptyState } from '../../../shared/ui/empty-state';
import { ErrorState } from '../../../shared/ui/error-state';
import { formatDateTime } from '../../../shared/ui/format';
import { refreshAfterWrite, useNames } from '../api/policy-queries';
import { PolicySummaryView } from '../components/policy-summary-view';
import { StateBadge } from '../components/state-badge';
import { describePolicy } from '../lib/describe-policy';
import { PurgeDialog, RestoreDialog, SecondStepFailed, type RestoreMode } from './deleted-actions';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  soon: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type Action = { kind: 'restore' | 'purge'; policy: DeletedPolicy } | null;

export function DeletedPoliciesPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const deletedKey = [...tenant.scopeKey, 'deleted-policies'] as const;
  const deleted = useQuery({ queryKey: deletedKey, queryFn: ({ signal }) => listDeletedPolicies(tenant.client, signal), staleTime: 0 });
  const [now] = useState(() => new Date());
  const deletions = useQuery({
    queryKey: [...tenant.scopeKey, 'deletions'],
    queryFn: ({ signal }) => listDeletions(tenant.client, new Date(now.getTime() - SOFT_DELETE_DAYS * 86_400_000), signal),
    staleTime: 60_000,
  });
  const names = useNames(tenant, deleted.data);
  const [action, setAction] = useState<Action>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState<{ id: string; name: string; error: ErrorDescription } | null>(null);

  const refresh = () => refreshAfterWrite(queryClient, tenant);

  const toReportOnly = async (id: string, name: string) => {
    try {
      await updatePolicy(tenant.client, id, { state: 'enabledForReportingButNotEnforced' }, WRITE_SCOPES);
      setSecondStep(null);
      navigate(`/policies/${id}`, { state: { restored: true } });
    } catch (caught) {
      setSecondStep({ id, name, error: describeError(caught, 'set the policy to report-only') });
    }
  };

  const restore = async (policy: DeletedPolicy, mode: RestoreMode) => {
    setBusy(true);
    setError(null);
    try {
      const restored = await restoreDeletedPolicy(tenant.client, policy.id!, WRITE_SCOPES);
      await refresh();
      setAction(null);
      if (mode === 'reportOnly' && restored.state !== 'enabledForReportingButNotEnforced') await toReportOnly(restored.id!, restored.displayName ?? '');
      else navigate(`/policies/${restored.id}`, { state: { restored: true } });
    } catch (caught) {
      setError(describeError(caught, 'restore the policy'));
    } finally {
      setBusy(false);
    }
  };

  const purge = async (policy: DeletedPolicy) => {
    setBusy(true);
    setError(null);
    try {
      await purgeDeletedPolicy(tenant.client, policy.id!, WRITE_SCOPES);
      await refresh();
      setAction(null);
    } catch (caught) {
      setError(describeError(caught, 'delete the policy permanently'));
    } finally {
      setBusy(false);
    }
  };

  const openedPolicy = deleted.data?.find((p) => p.id === opened);
  return (
    <section className={styles.page} aria-labelledby="deleted-title">
      <h1 id="deleted-title" className={styles.title}>
        Deleted policies
      </h1>
      <Text>Microsoft Entra keeps deleted policies for {SOFT_DELETE_DAYS} days. Until then they can be restored as they were.</Text>
      {secondStep && <SecondStepFailed name={secondStep.name} error={secondStep.error} busy={busy} onRetry={() => void toReportOnly(secondStep.id, secondStep.name)} />}
      {deletions.isError && (
        <MessageBar intent="warning">
          <MessageBarBody>Who deleted each policy comes from the audit log, which could not be read: {describeError(deletions.error).title.toLowerCase()}.</MessageBarBody>
        </MessageBar>
      )}
      {deleted.isPending && <Skeleton aria-label="Loading deleted policies"><SkeletonItem size={64} /></Skeleton>}
      {deleted.isError && <ErrorState {...describeError(deleted.error, 'load the deleted policies')} onRetry={() => void deleted.refetch()} />}
      {deleted.data?.length === 0 && <EmptyState title="No deleted policies">Policies deleted in the last {SOFT_DELETE_DAYS} days appear here.</EmptyState>}
      {deleted.data && deleted.data.length > 0 && (
        <Table aria-label="Deleted policies">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>State when deleted</TableHeaderCell>
              <TableHeaderCell>Deleted</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell>Days left</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...deleted.data].sort((a, b) => String(b.deletedDateTime).localeCompare(String(a.deletedDateTime))).map((policy) => {
              const left = daysLeft(policy.deletedDateTime, now);
              return (
                <TableRow key={policy.id}>
                  <TableCell>
                    <Button appearance="transparent" onClick={() => setOpened(opened === policy.id ? null : policy.id!)} aria-expanded={opened === policy.id}>
                      {policy.displayName}
                    </Button>
                  </TableCell>
                  <TableCell>
                    <StateBadge state={policy.state ?? 'disabled'} />
                  </TableCell>
                  <TableCell>{formatDateTime(policy.deletedDateTime)}</TableCell>
                  <TableCell>{deletions.data?.get(policy.id!)?.by ?? '—'}</TableCell>
                  <TableCell>
                    <span className={left <= 3 ? styles.soon : undefined}>{left <= 1 ? 'Last day' : `${left} days`}</span>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button appearance="primary" onClick={() => { setError(null); setAction({ kind: 'restore', policy }); }}>
                        Restore…
                      </Button>
                      <Button onClick={() => { setError(null); setAction({ kind: 'purge', policy }); }}>Delete permanently…</Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {openedPolicy && (
        <section aria-label={`Summary of ${openedPolicy.displayName}`}>
          <PolicySummaryView sections={describePolicy(openedPolicy, names.data)} />
        </section>
      )}
      {action?.kind === 'restore' && <RestoreDialog policy={action.policy} busy={busy} error={error} onRestore={(mode) => void restore(action.policy, mode)} onClose={() => setAction(null)} />}
      {action?.kind === 'purge' && <PurgeDialog policy={action.policy} busy={busy} error={error} onPurge={() => void purge(action.policy)} onClose={() => setAction(null)} />}
    </section>
  );
}
