// The policies page: every policy of the tenant, searchable and filterable, with the count against
// the 195-policy limit. Rows appear as soon as the list arrives; names fill in when resolved.
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { OptionalPart } from '../../shared/ui/optional-part';
import { useLocation, useNavigate } from 'react-router';
import { AddRegular } from '@fluentui/react-icons';
import { describeError, titleInSentence } from '../../graph/describe-error';
import { POLICY_LIMIT } from '../../graph/policies';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { policiesQuery, useNames } from '../../policy-ui/queries';
import { findingsByPolicy, findingsOf, matchesFindings } from '../../policy-ui/lint-summary';
import { useTenantLint } from '../../policy-ui/use-tenant-lint';
import { filterRows, sortRows, type PolicyRow, type SortColumn } from './policy-rows';
import { createHintedRows, createRowCache, describeWhenIdle } from './row-cache';
import { describeMatch } from '../../domain/search-match';
import { PoliciesGrid } from './policies-grid';
import { PoliciesToolbar } from './policies-toolbar';
import { ListNotReadAgain, ReadAgain } from './read-again';
import { useListFilters } from './use-list-filters';
import { useWatched } from '../../policy-ui/watch-store';
import { paths } from '../../shared/routes/paths';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { Isolated } from '../../shared/ui/isolated-text';
import { Notice } from '../../shared/ui/notice';

// Loaded only when something is watched: the first screen stays small.

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  titleGroup: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  capacity: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 'min(100%, 220px)' },
  gridArea: { overflowX: 'auto' },
  // No match, shown where the count was, as the page's other empty states are.
  noMatch: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXXL,
    textAlign: 'center',
  },
  noMatchTitle: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  skeletonRow: {
    display: 'grid',
    gridTemplateColumns: '3fr 1fr 1fr 2fr 2fr 1.5fr 1.5fr 1fr',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
  },
});

const sortable: SortColumn[] = ['name', 'state', 'modified', 'findings'];

export interface PoliciesPageProps {
  /** What changed in watched policies, shown above the list when any are watched: composed by the route. */
  watchedChanges?: (policies: ConditionalAccessPolicy[]) => ReactNode;
  /** Notices about the tenant's policies from other features (a contingency plan not ready): composed by the route. */
  notices?: (policies: ConditionalAccessPolicy[]) => ReactNode;
}

export function PoliciesPage({ watchedChanges, notices }: PoliciesPageProps) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const policies = useQuery(policiesQuery(tenant, { names: true }));
  // Drawn in one render as the list arrives, not a deferred one: the names request has left by
  // then (the list's query sends it), and a deferred render, sliced among the browser's other work,
  // took twice as long and began again whenever the names arrived during it (measured at 195 policies).
  const list = policies.data;
  const names = useNames(tenant, list);
  const filters = useListFilters();
  const navigate = useNavigate();
  const { watched } = useWatched(tenant.account.key);
  const write = useWriteAccess();

  const [rowCache] = useState(createRowCache);
  const [hinted] = useState(createHintedRows);
  const rows = useMemo(() => (list ?? []).map((p) => rowCache.rowOf(p, names.data)), [rowCache, list, names.data]);
  // A row describes its policy when first drawn or searched; once the names are in, the rest are
  // described while the browser is idle, so the first search finds them ready.
  const namesSettled = !!names.data || names.isError;
  useEffect(() => (namesSettled ? describeWhenIdle(rows) : undefined), [rows, namesSettled]);
  // The lint runs once the list and its names are in (after the first paint), and its counts fill in.
  const lint = useTenantLint();
  const summaries = useMemo(() => lint.findings && findingsByPolicy(lint.findings), [lint.findings]);
  const ruleIds = useMemo(() => [...new Set([...(summaries?.values() ?? [])].flatMap((f) => [...f.rules]))].sort(), [summaries]);
  // Sorted once per order: a keystroke only filters. Only the Findings order changes with the lint.
  const findingsOrder = filters.sort === 'findings' ? summaries : undefined;
  const sorted = useMemo(
    () => sortRows(rows, filters.sort, filters.direction, findingsOrder && ((id) => findingsOf(findingsOrder, id))),
    [rows, filters.sort, filters.direction, findingsOrder],
  );
  // Filtering by findings waits for the lint: until then, the rows are all kept and the status says why.
  const findingsFilter = summaries ? filters.findings : null;
  const visible = useMemo(() => {
    let filtered = filterRows(sorted, { search: filters.search, states: filters.states, control: filters.control });
    if (findingsFilter) filtered = filtered.filter((row) => matchesFindings(findingsOf(summaries, row.id), findingsFilter));
    return filters.search.trim() ? filtered.map((row) => hinted(row, describeMatch(row, filters.search))) : filtered;
  }, [sorted, filters.search, filters.states, filters.control, findingsFilter, summaries, hinted]);

  const { setSort } = filters;
  const sortBy = useCallback(
    (column: SortColumn, direction: 'ascending' | 'descending') => sortable.includes(column) && setSort(column, direction),
    [setSort],
  );
  // Composed once per list, not at each render: deciding whether a notice applies reads every policy.
  const watchedNode = useMemo(() => list && watchedChanges?.(list), [list, watchedChanges]);
  const noticesNode = useMemo(() => list && notices?.(list), [list, notices]);
  const openPolicy = useCallback((row: PolicyRow) => navigate(paths.policy(row.id)), [navigate]);
  const count = list?.length ?? 0;
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  return (
    <section className={styles.page} aria-labelledby="policies-title">
      <div className={styles.heading}>
        <div className={styles.titleGroup}>
          <h1 id="policies-title" className={styles.title}>
            Policies
          </h1>
          <WriteAccessTooltip access={write}>
            <Button
              appearance="primary"
              icon={<AddRegular />}
              disabledFocusable={!write.allowed}
              onClick={() => navigate(paths.newPolicy())}
            >
              New policy
            </Button>
          </WriteAccessTooltip>
        </div>
        {list && (
          <div className={styles.capacity}>
            <Text>
              <strong>{count}</strong> of {POLICY_LIMIT} policies allowed in this tenant
            </Text>
            <ProgressBar
              value={count / POLICY_LIMIT}
              thickness="medium"
              color={count >= POLICY_LIMIT - 10 ? 'warning' : 'brand'}
              aria-label={`${count} of ${POLICY_LIMIT} policies`}
            />
          </div>
        )}
      </div>

      {deleted && (
        <Notice intent="success">
          <MessageBarBody>
            Deleted “<Isolated>{deleted}</Isolated>”. Microsoft Entra keeps it for 30 days, during which it can be restored from{' '}
            <Link
              href={paths.deleted}
              onClick={(event) => {
                event.preventDefault();
                navigate(paths.deleted);
              }}
            >
              Deleted policies
            </Link>
            .
          </MessageBarBody>
        </Notice>
      )}

      {watchedNode && Object.keys(watched).length > 0 && <OptionalPart what="What changed in watched policies">{watchedNode}</OptionalPart>}
      {noticesNode && <OptionalPart what="Whether the contingency plans are ready">{noticesNode}</OptionalPart>}

      <PoliciesToolbar filters={filters} ruleIds={ruleIds} end={<ReadAgain tenant={tenant} policies={policies} />} />

      {/* Read before and not again: the rows stay as they were read, and the warning says so. */}
      {policies.isError && policies.data && <ListNotReadAgain policies={policies} />}

      {names.data && names.data.failures.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Some names could not be looked up, so their ids are shown instead:{' '}
            {names.data.failures
              .map((f) => `${f.what} (${f.error.status === 403 ? 'permission needed' : titleInSentence(describeError(f.error).title)})`)
              .join(', ')}
            .
          </MessageBarBody>
        </MessageBar>
      )}
      {names.error && (
        <MessageBar intent="warning">
          <MessageBarBody>Names could not be resolved, so ids are shown. {describeError(names.error).message}</MessageBarBody>
        </MessageBar>
      )}

      {lint.error && !!policies.data && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The findings could not be counted: {lint.error.message}{' '}
            <Button size="small" appearance="transparent" onClick={lint.retry}>
              Try again
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}

      {!list && !policies.isError && (
        <Skeleton aria-label="Loading policies">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className={styles.skeletonRow}>
              {Array.from({ length: 8 }, (__, j) => (
                <SkeletonItem key={j} size={16} />
              ))}
            </div>
          ))}
        </Skeleton>
      )}

      {policies.isError && !policies.data && (
        <ErrorState {...describeError(policies.error, 'load the policies')} onRetry={() => void policies.refetch()} />
      )}

      {list && count === 0 && (
        <EmptyState title="This tenant has no Conditional Access policies">
          Policies you create in this tenant will be listed here.
        </EmptyState>
      )}

      {/* One status for as long as there are policies: its words change as the search does, so each
          change is said (a status that appears already filled is often not read out). */}
      {list && count > 0 && (
        <Text role="status" aria-live="polite" className={visible.length === 0 ? styles.noMatch : undefined}>
          {visible.length === 0 ? (
            <>
              <span className={styles.noMatchTitle}>No policies match.</span> Try other words, or clear the filters.
            </>
          ) : (
            <>
              {visible.length === count ? `Showing all ${count} policies` : `Showing ${visible.length} of ${count} policies`}
              {!namesSettled && ' (looking up the names of users, groups and apps…)'}
              {filters.findings && !summaries && ' (checking the policies for findings…)'}
            </>
          )}
        </Text>
      )}

      {visible.length > 0 && (
        <div className={styles.gridArea}>
          <PoliciesGrid
            rows={visible}
            findings={summaries}
            sort={filters.sort}
            direction={filters.direction}
            onSort={sortBy}
            onOpen={openPolicy}
          />
        </div>
      )}
    </section>
  );
}
