// The tenant's Conditional Access timeline: the audit log's events in a date window (every page of
// it) merged with the versions this device kept, newest first. Each entry says who changed which
// policy and how, in words; its diff opens in place, and a policy can be reverted to the version
// before a change (through the editor's save flow). Without audit access, the local versions remain.
import { Button, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { listConditionalAccessEvents } from '../../../graph/audit';
import { describeError } from '../../../graph/describe-error';
import type { JsonObject } from '../../../graph/policy-body';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { useTenantSession } from '../../../session/tenant-session';
import { listScopeVersions } from '../../../shared/storage/version-history';
import { EmptyState } from '../../../shared/ui/empty-state';
import { formatDateTime } from '../../../shared/ui/format';
import { policiesQuery, useNames } from '../api/policy-queries';
import { PolicyDiff, useDiffView } from '../compare/policy-diff';
import { describeChanges } from '../lib/describe-changes';
import { useRevert } from './use-revert';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  local: { borderLeftColor: tokens.colorNeutralStroke1 },
  meta: { color: tokens.colorNeutralForeground3 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface TimelineEntry {
  key: string;
  at: string;
  by: string;
  activity: string;
  policyId: string;
  policyName: string;
  before: JsonObject | null;
  after: JsonObject | null;
  fromDevice: boolean;
  /** Named locations appear too: they change what policies mean. */
  isPolicy: boolean;
}

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function ChangeHistoryPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [today] = useState(() => new Date());
  const from = params.get('from') ?? isoDay(new Date(today.getTime() - 7 * DAY));
  const to = params.get('to') ?? isoDay(today);
  const window = useMemo(() => ({ since: new Date(`${from}T00:00:00`), until: new Date(`${to}T23:59:59.999`) }), [from, to]);
  const validWindow = !Number.isNaN(window.since.getTime()) && !Number.isNaN(window.until.getTime()) && window.since <= window.until;

  const audit = useQuery({
    queryKey: [...tenant.scopeKey, 'audit', 'tenant', from, to],
    queryFn: ({ signal }) => listConditionalAccessEvents(tenant.client, window, signal),
    enabled: validWindow,
    retry: false,
  });
  const local = useQuery({ queryKey: [...tenant.scopeKey, 'local-history', 'tenant'], queryFn: () => listScopeVersions(tenant.account.tenantId) });
  const policies = useQuery(policiesQuery(tenant));
  const [opened, setOpened] = useState<string | null>(null);
  const [view, setView] = useDiffView();
  const [revertError, setRevertError] = useState<string | null>(null);
  const revertTo = useRevert();

  const entries = useMemo<TimelineEntry[]>(() => {
    const current = new Map((policies.data ?? []).map((p) => [p.id, p as unknown as JsonObject]));
    const fromAudit = (audit.data ?? [])
      .map((e) => ({ key: e.id, at: e.at, by: e.by, activity: e.activity, policyId: e.targetId, policyName: e.targetName, before: e.before, after: e.after, fromDevice: false, isPolicy: e.targetType === 'Policy' }));
    const fromDevice = (local.data ?? [])
      .filter((v) => v.recordedAt >= window.since.toISOString() && v.recordedAt <= window.until.toISOString())
      .map((v, i) => {
        const version = JSON.parse(v.json) as JsonObject;
        return {
          key: `local-${i}-${v.recordedAt}`,
          at: v.recordedAt,
          by: 'you, on this device',
          activity: `Version kept ${v.reason}`,
          policyId: v.itemId,
          policyName: typeof version.displayName === 'string' ? version.displayName : v.itemId,
          before: version,
          // What it became is the policy as it is now, when it still exists.
          after: current.get(v.itemId) ?? null,
          fromDevice: true,
          isPolicy: true,
        };
      });
    return [...fromAudit, ...fromDevice].sort((a, b) => b.at.localeCompare(a.at));
  }, [audit.data, local.data, policies.data, window]);

  const versions = useMemo(() => entries.flatMap((e) => [e.before, e.after]).filter((v): v is JsonObject => !!v) as unknown as ConditionalAccessPolicy[], [entries]);
  const names = useNames(tenant, entries.length ? versions : undefined);
  const exists = new Set((policies.data ?? []).map((p) => p.id));

  const setWindow = (key: 'from' | 'to', value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const revert = (entry: TimelineEntry) => {
    if (!entry.before) return;
    setRevertError(null);
    revertTo(entry.policyId, entry.before, `Reverting ${entry.policyName} to the version before “${entry.activity}” of ${formatDateTime(entry.at)}`).catch((error: unknown) =>
      setRevertError(describeError(error, `read ${entry.policyName}`).title),
    );
  };

  const loading = (audit.isPending && validWindow) || local.isPending;
  return (
    <section className={styles.page} aria-labelledby="history-title">
      <h1 id="history-title" className={styles.title}>
        Change history
      </h1>
      <div className={styles.filters}>
        <Field label="From" validationMessage={validWindow ? undefined : 'The window must start before it ends.'}>
          <Input type="date" value={from} max={to} onChange={(_, data) => setWindow('from', data.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={to} min={from} onChange={(_, data) => setWindow('to', data.value)} />
        </Field>
      </div>
      {audit.isError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The audit log could not be read ({describeError(audit.error).title.toLowerCase()}): it needs the AuditLog.Read.All permission, a role that reads reports, and a Microsoft Entra ID P1 licence. Only the versions kept on this device are shown.
          </MessageBarBody>
        </MessageBar>
      )}
      {revertError && (
        <MessageBar intent="error">
          <MessageBarBody>Could not start the revert: {revertError}</MessageBarBody>
        </MessageBar>
      )}
      {loading && <Skeleton aria-label="Loading the change history"><SkeletonItem size={64} /></Skeleton>}
      {!loading && entries.length === 0 && <EmptyState title="No changes in this window">Widen the dates to see older changes. The audit log keeps 30 days.</EmptyState>}
      <ol className={styles.list} aria-label="Changes, newest first">
        {entries.map((entry) => {
          const changes = entry.before && entry.after ? describeChanges(entry.before, entry.after, names.data).map((c) => c.text) : [];
          return (
            <li key={entry.key} className={`${styles.entry} ${entry.fromDevice ? styles.local : ''}`}>
              <Text weight="semibold">
                {entry.activity}:{' '}
                {exists.has(entry.policyId) ? (
                  <Link
                    href={`/policies/${entry.policyId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/policies/${entry.policyId}`);
                    }}
                  >
                    {entry.policyName}
                  </Link>
                ) : (
                  entry.policyName
                )}
              </Text>
              <Text className={styles.meta}>
                {formatDateTime(entry.at)} · {entry.by}
                {entry.fromDevice ? '' : ' · audit log'}
              </Text>
              {changes.length > 0 && (
                <ul className={styles.changes} aria-label={entry.fromDevice ? 'Changes since then' : 'Changes'}>
                  {changes.map((change) => (
                    <li key={change}>{change}</li>
                  ))}
                </ul>
              )}
              <div className={styles.actions}>
                {(entry.before || entry.after) && (
                  <Button size="small" aria-expanded={opened === entry.key} onClick={() => setOpened(opened === entry.key ? null : entry.key)}>
                    {opened === entry.key ? 'Hide diff' : 'Show diff'}
                  </Button>
                )}
                {entry.before && exists.has(entry.policyId) && (
                  <Button size="small" onClick={() => revert(entry)}>
                    Revert to the version before this…
                  </Button>
                )}
                {entry.isPolicy && !exists.has(entry.policyId) && entry.before && (
                  <Button size="small" onClick={() => navigate('/deleted')}>
                    Deleted: see deleted policies
                  </Button>
                )}
              </div>
              {opened === entry.key && (
                <PolicyDiff
                  before={entry.before ?? {}}
                  after={entry.after ?? {}}
                  beforeLabel={entry.fromDevice ? 'The version kept' : 'Before'}
                  afterLabel={entry.fromDevice ? 'The policy now' : 'After'}
                  names={names.data}
                  view={view}
                  onViewChange={setView}
                  height="360px"
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
