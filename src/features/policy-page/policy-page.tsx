// One policy: its summary in plain language, or its JSON in a read-only Monaco view (loaded on demand).
import {
  Button,
  makeStyles,
  ToggleButton,
  Tooltip,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, EditRegular, EyeFilled, EyeRegular, SplitVerticalRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useMemo, type ReactNode } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../graph/describe-error';
import { GraphRequestError } from '../../graph/errors';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess, WriteAccessTooltip, type WriteAccess } from '../../session/write-access';
import { LazyJsonViewer, usePreloadJsonEditor } from '../../shared/monaco';
import { useTheme } from '../../shared/theme';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { policiesQuery, policyQuery } from '../../policy-ui/queries';
import { stillResolving, useNamesKnownFirst } from '../../policy-ui/known-names';
import { unsavedChangesSince } from '../../policy-ui/open-in-editor';
import { describeIdIn } from '../../policy-ui/describe-id';
import { describePolicy, lastChanged } from '../../domain/describe-policy';
import { namesOnTheirWay } from './names-on-their-way';
import { PolicySummaryView } from '../../policy-ui/policy-summary-view';
import { DeletePolicyButton } from './delete-policy-dialog';
import { PolicyFindings } from './policy-findings';
import { RefreshFailed } from './refresh-failed';
import { useTenantLint } from '../../policy-ui/use-tenant-lint';
import { ExportPolicyMenu } from './export-policy-menu';
import { PageBreadcrumb } from '../../policy-ui/page-breadcrumb';
import { StateBadge } from '../../policy-ui/state-badge';
import { useWatched } from '../../policy-ui/watch-store';
import { policyJson } from '../../domain/json';
import { paths } from '../../shared/routes/paths';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { fetchNow, userStartedSession } from '../../session/user-started-session';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    // A long name leaves less room: the buttons move to the next line whole rather than break their words.
    '& .fui-Button, & .fui-ToggleButton, & .fui-MenuButton': { whiteSpace: 'nowrap', flexShrink: 0 },
  },
  // A name without spaces, however long, wraps rather than widen the page.
  title: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground3, display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  json: { height: 'calc(100vh - 300px)' },
});

// Why an action waits while the tenant no longer has the policy, ending with what restoring it gives back.
const goneReason = (then: string) =>
  `The tenant no longer has this policy: someone may have deleted it since this page read it. Restore it from Deleted policies to ${then}.`;
const WATCH_DESCRIPTION =
  'The policies page says when a watched policy changes, who changed it and how, until you mark it seen. Your own saves here are not announced. Kept on this device.';

export interface PolicyPageProps {
  /** The History tab's content: composed by the route, since history is a feature of its own. */
  history: (policy: ConditionalAccessPolicy) => ReactNode;
}

export function PolicyPage({ history }: PolicyPageProps) {
  const styles = useStyles();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view = (['json', 'history', 'findings'] as const).find((v) => v === params.get('view')) ?? 'summary';
  const navigate = useNavigate();
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  const cachedList = queryClient.getQueryData<ConditionalAccessPolicy[]>(policiesQuery(tenant).queryKey);
  const policy = useQuery(policyQuery(tenant, id, cachedList));
  // The Delete dialog's fresh read: the admin waits on it, so it goes ahead of the screens' queued reads.
  const readForDelete = () =>
    fetchNow(queryClient, { ...policyQuery(userStartedSession(tenant), id), staleTime: 0 }).then(
      (data) => ({ data, error: null }),
      (error: unknown) => ({ error }),
    );
  // Names the list (or a history, or the editor) read show at once; the others say they are on their way.
  const names = useNamesKnownFirst(tenant, policy.data ? [policy.data] : undefined);
  const onTheirWay = stillResolving(names);
  const { dark } = useTheme();
  const sections = useMemo(() => {
    const described = policy.data ? describePolicy(policy.data, names.data) : [];
    return onTheirWay ? namesOnTheirWay(described) : described;
  }, [policy.data, names.data, onTheirWay]);
  // Names beside ids in the JSON tab too, as in the editor and Compare.
  const describeId = useCallback((objectId: string) => describeIdIn(names.data, objectId), [names.data]);
  const arrival = useLocation().state as { saved?: boolean; created?: boolean; restored?: boolean; warning?: string } | null;
  const justSaved = arrival?.saved === true || arrival?.created === true || arrival?.restored === true;
  const draftSince = unsavedChangesSince(tenant.account.key, id);
  const watch = useWatched(tenant.account.key);
  const watching = !!watch.watched[id];
  const writeAccess = useWriteAccess();
  // A fresh read answered 404: the tenant no longer has this policy (deleted meanwhile). What is shown is
  // the version read earlier; Edit, Duplicate and Delete would act on a policy that is gone, Compare would
  // read it again and find nothing, and Watch would wait for changes to a policy that is not there: they
  // are disabled with the reason (Try again above enables them once the tenant has it again, restored).
  // A policy already watched can still be unwatched.
  const gone = policy.isError && policy.error instanceof GraphRequestError && policy.error.status === 404;
  const write: WriteAccess = gone ? { allowed: false, reason: goneReason('change it again') } : writeAccess;
  const compare: WriteAccess = gone ? { allowed: false, reason: goneReason('compare it') } : { allowed: true, reason: null };
  const watchBlocked = gone && !watching;
  const lint = useTenantLint({ mode: 'page', ready: policy.isSuccess });
  const findings = useMemo(() => lint.findings?.filter((f) => f.policyId === id), [lint.findings, id]);
  const counted = findings?.filter((f) => !f.suppressed).length;
  // Edit (and the JSON tab) open at once: Monaco loads in the background once the page has its data.
  usePreloadJsonEditor(policy.isSuccess && !names.isFetching);

  return (
    <section className={styles.page} aria-labelledby="policy-title">
      <PageBreadcrumb trail={[{ label: policy.data?.displayName ?? id }]} />

      {policy.isPending && (
        <Skeleton aria-label="Loading policy">
          <SkeletonItem size={32} style={{ width: '40%' }} />
          <SkeletonItem size={120} style={{ marginTop: 16 }} />
        </Skeleton>
      )}

      {policy.isError && !policy.data && (
        <>
          <h1 id="policy-title" className={styles.title}>
            Policy unavailable
          </h1>
          <ErrorState {...describeError(policy.error, 'load this policy')} onRetry={() => void policy.refetch()} />
          <Text>
            <RouterLink to={paths.policies}>Back to all policies</RouterLink>
          </Text>
        </>
      )}

      {policy.data && (
        <>
          <div className={styles.titleRow}>
            <h1 id="policy-title" className={styles.title}>
              <Isolated>{policy.data.displayName}</Isolated>
            </h1>
            <StateBadge state={policy.data.state ?? 'disabled'} />
            <WriteAccessTooltip access={write}>
              <Button icon={<EditRegular />} disabledFocusable={!write.allowed} onClick={() => navigate(paths.editPolicy(id))}>
                {draftSince ? 'Continue editing' : 'Edit'}
              </Button>
            </WriteAccessTooltip>
            <WriteAccessTooltip access={compare}>
              <Button icon={<SplitVerticalRegular />} disabledFocusable={!compare.allowed} onClick={() => navigate(paths.compare(id))}>
                Compare…
              </Button>
            </WriteAccessTooltip>
            <WriteAccessTooltip access={write}>
              <Button
                icon={<CopyRegular />}
                disabledFocusable={!write.allowed}
                onClick={() => navigate(paths.newPolicy({ duplicate: id }))}
              >
                Duplicate
              </Button>
            </WriteAccessTooltip>
            {/* Said to a screen reader and on focus too, not only in a hover title. */}
            <Tooltip relationship="description" content={watchBlocked ? goneReason('watch it') : WATCH_DESCRIPTION}>
              <ToggleButton
                icon={watching ? <EyeFilled /> : <EyeRegular />}
                checked={watching}
                disabledFocusable={watchBlocked}
                onClick={() => (watching ? watch.unwatch(id) : watch.watch(policyJson(policy.data)))}
              >
                {watching ? 'Watching' : 'Watch'}
              </ToggleButton>
            </Tooltip>
            <ExportPolicyMenu policy={policy.data} lastRead={gone} />
            <DeletePolicyButton policy={policy.data} refresh={readForDelete} access={write} />
          </div>
          {/* A fresh read failed: the policy above is the one read earlier, and may be gone. */}
          {policy.isError && <RefreshFailed error={policy.error} fetching={policy.isFetching} onRetry={() => void policy.refetch()} />}
          {justSaved && (
            <MessageBar intent="success">
              <MessageBarBody>
                {arrival?.created ? 'Created. ' : arrival?.restored ? 'Restored. ' : 'Saved. '}This is the policy as the tenant now holds
                it.
                {arrival?.created &&
                  policy.data.state === 'enabledForReportingButNotEnforced' &&
                  ' It starts in report-only: check its sign-in logs before turning it on.'}
              </MessageBarBody>
            </MessageBar>
          )}
          {/* The write happened, with something short of it to say: a version not kept, duplicates not checked. */}
          {justSaved && arrival?.warning && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{arrival.warning}</MessageBarBody>
            </MessageBar>
          )}
          {draftSince && !justSaved && (
            <MessageBar intent="info">
              <MessageBarBody>
                You have unsaved changes to this policy from {formatDateTime(draftSince)}, kept on this device.
              </MessageBarBody>
              <MessageBarActions>
                <Button disabled={!write.allowed} onClick={() => navigate(paths.editPolicy(id))}>
                  Continue editing
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <div className={styles.meta}>
            <Text>Created {formatDateTime(policy.data.createdDateTime)}</Text>
            <Text>
              Modified {formatDateTime(lastChanged(policy.data))}
              {!policy.data.modifiedDateTime && policy.data.createdDateTime && ' (unchanged since it was created)'}
            </Text>
            <Text>
              Id <code>{policy.data.id}</code>
            </Text>
          </div>
          <TabList
            selectedValue={view}
            onTabSelect={(_, data) => setParams(data.value === 'summary' ? {} : { view: String(data.value) }, { replace: true })}
            aria-label="Policy views"
          >
            <Tab value="summary">Summary</Tab>
            <Tab value="json">JSON</Tab>
            <Tab value="history">History</Tab>
            <Tab value="findings">{counted === undefined ? 'Findings' : `Findings (${counted})`}</Tab>
          </TabList>
          {view === 'summary' ? (
            <PolicySummaryView sections={sections} />
          ) : view === 'history' ? (
            history(policy.data)
          ) : view === 'findings' ? (
            <PolicyFindings findings={findings} error={lint.error} retry={lint.retry} name={policy.data.displayName ?? id} />
          ) : (
            <div className={styles.json}>
              <Suspense
                fallback={
                  <Skeleton aria-label="Loading the JSON editor">
                    <SkeletonItem size={128} />
                  </Skeleton>
                }
              >
                <LazyJsonViewer
                  value={JSON.stringify(policy.data, null, 2)}
                  path={`policies/${id}.json`}
                  dark={dark}
                  ariaLabel={`JSON of ${isolatedText(policy.data.displayName ?? 'policy')}`}
                  describeId={describeId}
                />
              </Suspense>
            </div>
          )}
        </>
      )}
    </section>
  );
}
