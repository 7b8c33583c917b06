// The tenant's Conditional Access timeline: the audit log's events in a date window (every page of
// it) merged with the versions this device kept, newest first. Each entry says who changed which
// policy and how, in words; its diff opens in place, and a policy can be reverted to the version
// before a change (through the editor's save flow). Without audit access, the local versions remain.
import { Field, Input, makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../graph/describe-error';
import type { JsonObject } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import {
  auditWindowQuery,
  deletedLocationsQuery,
  namedLocationsQuery,
  policiesQuery,
  tenantLocalHistoryQuery,
} from '../../policy-ui/queries';
import { stillResolving, useNamesKnownFirst } from '../../policy-ui/known-names';
import { AuditUnreadable, auditEntries, deviceEntries, newestFirst, Timeline, type TimelineLocations } from './timeline';
import { mergeDeviceEntries } from './merge-device-entries';
import { asPolicies, isJsonObject, policyJson } from '../../domain/json';
import { useRevertNamedLocation } from '../../policy-ui/writes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

// The window's days are the admin's own (the query reads them as local midnights): built from the
// local date, not toISOString()'s UTC one, which east of UTC early in the day is still yesterday.
const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const daysBefore = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() - days);

/** The policy list's failure, and what the timeline lacks without it. */
function policiesUnread(error: unknown) {
  const described = describeError(error, 'read the policies');
  return { ...described, message: `${described.message} Until the policies are read, the changes are shown without revert.` };
}

export function ChangeHistoryPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => new Date());
  const from = params.get('from') ?? localDay(daysBefore(today, 7));
  const to = params.get('to') ?? localDay(today);
  const window = useMemo(() => ({ since: new Date(`${from}T00:00:00`), until: new Date(`${to}T23:59:59.999`) }), [from, to]);
  const validWindow = !Number.isNaN(window.since.getTime()) && !Number.isNaN(window.until.getTime()) && window.since <= window.until;

  const audit = useQuery(auditWindowQuery(tenant, from, to));
  const local = useQuery(tenantLocalHistoryQuery(tenant));
  const policies = useQuery(policiesQuery(tenant));
  // Named locations' changes can be reverted while the location is there, or lead to Deleted items.
  const namedLocations = useQuery(namedLocationsQuery(tenant));
  const deletedLocations = useQuery(deletedLocationsQuery(tenant));
  const revertLocation = useRevertNamedLocation();
  const locationsNow = useMemo(
    () => new Map((namedLocations.data ?? []).flatMap((l) => (isJsonObject(l) && typeof l.id === 'string' ? [[l.id, l] as const] : []))),
    [namedLocations.data],
  );
  const locations = useMemo<TimelineLocations>(
    () => ({
      current: locationsNow,
      deleted: new Set((deletedLocations.data ?? []).map((l) => l.id)),
      policies: policies.data,
      revert: revertLocation,
    }),
    [locationsNow, deletedLocations.data, policies.data, revertLocation],
  );
  const entries = useMemo(() => {
    const current = new Map<string, JsonObject>([...(policies.data ?? []).map((p) => [p.id!, policyJson(p)] as const), ...locationsNow]);
    const inWindow = (local.data ?? []).filter(
      (v) => v.recordedAt >= window.since.toISOString() && v.recordedAt <= window.until.toISOString(),
    );
    return newestFirst(
      mergeDeviceEntries(
        auditEntries(audit.data ?? []),
        deviceEntries(inWindow, (id) => current.get(id) ?? null),
      ),
    );
  }, [audit.data, local.data, policies.data, locationsNow, window]);

  const versions = useMemo(() => asPolicies(entries.flatMap((e) => [e.before, e.after]).filter((v): v is JsonObject => !!v)), [entries]);
  const names = useNamesKnownFirst(tenant, entries.length ? versions : undefined);
  // Unknown while the list is on its way or failed: no entry is said to be of a deleted policy then.
  const existing = useMemo(() => (policies.data ? new Set(policies.data.map((p) => p.id!)) : undefined), [policies.data]);

  const setWindow = (key: 'from' | 'to', value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

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
      {audit.isError && <AuditUnreadable error={audit.error} onRetry={() => void audit.refetch()} />}
      {/* Only while the list is unknown: a later read that failed keeps the list before it, and its reverts with it. */}
      {policies.isError && !policies.data && <ErrorState {...policiesUnread(policies.error)} onRetry={() => void policies.refetch()} />}
      {loading && (
        <Skeleton aria-label="Loading the change history">
          <SkeletonItem size={64} />
        </Skeleton>
      )}
      {/* An inverted window is said once, at its field: "no changes" would read as an answer. */}
      {!loading &&
        validWindow &&
        entries.length === 0 &&
        (audit.isError ? (
          // Only the device's versions were looked in: wider dates would not bring the log's changes back.
          <EmptyState title="No version kept on this device in this window">
            The audit log’s changes show once it can be read again.
          </EmptyState>
        ) : (
          <EmptyState title="No changes in this window">Widen the dates to see older changes. The audit log keeps 30 days.</EmptyState>
        ))}
      <Timeline
        entries={entries}
        names={names.data}
        namesOnTheirWay={stillResolving(names)}
        existing={existing}
        showPolicy
        locations={locations}
      />
    </section>
  );
}
