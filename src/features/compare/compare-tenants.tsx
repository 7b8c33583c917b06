// This tenant against another signed-in tenant or a backup file: every policy matched (by id, else
// by name) and sorted into changed, only here, only there and identical; choosing one opens its diff.
// Which tenant, which group and which policy are in the URL; a file stays in this browser tab.
import {
  Button,
  Dropdown,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Skeleton,
  SkeletonItem,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from '../../auth';
import { describeError } from '../../graph/describe-error';
import { GraphRequestError } from '../../graph/errors';
import { collectReferences, type NameDirectory } from '../../domain/references';
import { namesBesideFile } from '../../domain/names-beside-a-file';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useOtherTenantSession, useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState, SignInAgainContext } from '../../shared/ui/error-state';
import { SpokenStatus } from '../../shared/ui/live-status';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { policiesQuery, useNames } from '../../policy-ui/queries';
import { matchPolicySets, type MatchStatus } from '../../domain/match-policies';
import { PolicyDiff } from '../../policy-ui/policy-diff';
import { OneSideOnly, type ComparedWith } from './one-side-only';
import { PoliciesCompared, statusWords } from './policies-compared';
import { fileOrigin, isBackupOf, useComparisonFile } from './use-comparison-file';
import { ComparisonFileNotices } from './comparison-file-notices';
import { useUrlState } from './use-url-state';
import { policyJson } from '../../domain/json';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  picker: { minWidth: 'min(100%, 320px)', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  opened: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
});

const FILE = 'file';
const BACK = 'back';
const ORDER: MatchStatus[] = ['changed', 'onlyA', 'onlyB', 'identical'];

const merge = (...directories: (NameDirectory | undefined)[]): NameDirectory | undefined =>
  directories.every((d) => !d)
    ? undefined
    : { names: new Map(directories.flatMap((d) => [...(d?.names ?? [])])), failures: directories.flatMap((d) => d?.failures ?? []) };

export function CompareTenants() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const { accounts, session } = useAuth();
  const { params, set, view, setView } = useUrlState();
  const comparisonFile = useComparisonFile();
  const input = useRef<HTMLInputElement>(null);
  const chooseFile = useRef<HTMLButtonElement>(null);
  const openedSection = useRef<HTMLElement>(null);
  const withWhat = params.get('with');
  const other = useOtherTenantSession(withWhat && withWhat !== FILE ? withWhat : null);
  // A shared link's group may be misspelt or from another version: the default group then.
  const asked = params.get('status');
  const status: MatchStatus | 'all' = asked === 'all' || ORDER.includes(asked as MatchStatus) ? (asked as MatchStatus | 'all') : 'changed';
  const opened = params.get('open');

  const here = useQuery(policiesQuery(tenant));
  const there = useQuery({ ...policiesQuery(other ?? tenant), enabled: !!other });
  const herePolicies = useMemo(() => here.data?.map(policyJson), [here.data]);
  // Memoised: a new array each render would redo the matching and the names' fingerprint every time.
  const therePolicies = useMemo(
    () => (withWhat === FILE ? comparisonFile.file?.policies.map((p) => p.policy) : other ? there.data?.map(policyJson) : undefined),
    [withWhat, comparisonFile.file, other, there.data],
  );
  const hereNames = useNames(tenant, here.data);
  // A backup's ids are this tenant's (or gone); another tenant's ids are resolved there.
  const thereNames = useNames(other ?? tenant, therePolicies as ConditionalAccessPolicy[] | undefined);
  const file = withWhat === FILE ? comparisonFile.file : null;
  const names = useMemo(() => {
    const merged = merge(hereNames.data, thereNames.data);
    // A file's ids the tenant does not hold are "not in this tenant" unless the file is this tenant's backup.
    return merged && file && here.data
      ? namesBesideFile(merged, collectReferences(here.data), fileOrigin(file, tenant.account.tenantId))
      : merged;
  }, [hereNames.data, thereNames.data, file, here.data, tenant.account.tenantId]);

  const comparison = useMemo(() => {
    if (!herePolicies || !therePolicies) return null;
    const sideB =
      withWhat === FILE
        ? (comparisonFile.file?.policies ?? [])
        : therePolicies.map((p) => ({ id: typeof p.id === 'string' ? p.id : null, policy: p }));
    return matchPolicySets(
      herePolicies.map((p) => ({ id: typeof p.id === 'string' ? p.id : null, policy: p })),
      sideB,
    );
  }, [herePolicies, therePolicies, withWhat, comparisonFile.file]);

  const hereName = tenant.account.tenantName ?? tenant.account.username;
  const thereName =
    withWhat === FILE
      ? (comparisonFile.file?.fileName ?? 'the backup')
      : (other?.account.tenantName ?? other?.account.username ?? 'the other tenant');
  const comparedWith: ComparedWith = {
    hereName,
    thereName,
    file: withWhat === FILE,
    backupOfThisTenant: isBackupOf(file, tenant.account.tenantId),
  };
  const others = accounts.filter((a) => a.key !== tenant.account.key);
  // The other tenant's refusal (401) is mended by signing in that account, not this one; this tenant stays the one in use.
  const signInThere = () => {
    if (!other) return;
    // A sign-in that leaves the page comes back with the account it signed in as the active one: the
    // address it comes back to says which account this comparison is made from (?back=).
    if (session.kind !== 'demo') {
      const url = new URL(window.location.href);
      url.searchParams.set(BACK, tenant.account.key);
      window.history.replaceState(window.history.state, '', url);
    }
    void session.signIn(other.account.demo ? other.account.key : other.account.username).then(() => {
      if (session.getSnapshot().active?.key !== tenant.account.key) session.setActive(tenant.account.key);
    });
  };
  // Back from signing in the other account: the comparison is made from the account it was made from again.
  const back = params.get(BACK);
  useEffect(() => {
    if (!back) return;
    if (back !== tenant.account.key && accounts.some((a) => a.key === back)) session.setActive(back);
    // Replaced, not pushed: Back from here leaves the page rather than landing on the address that still says ?back=.
    else set({ [BACK]: null }, { replace: true });
  }, [back, tenant.account.key, accounts, session, set]);
  const hereFailure = here.error && describeError(here.error, 'read the policies to compare');
  // Only of another tenant: with none chosen, `there` watches this tenant's own read (disabled), whose failure is said once, above.
  const thereFailure = other && there.error && describeError(there.error, 'read the policies to compare');
  const thereAccount = isolatedText(other ? `${thereName} (${other.account.username})` : thereName);
  // Memoised: the table words each changed policy's difference once per comparison, not at each render.
  const shown = useMemo(() => comparison?.matches.filter((m) => status === 'all' || m.status === status) ?? [], [comparison, status]);
  const openedMatch = comparison?.matches.find((m) => m.key === opened);
  // Policies on both sides and not one pair: "identical" or "differs" would both mislead.
  const nothingMatched = !!comparison && comparison.matches.length > 0 && comparison.counts.changed + comparison.counts.identical === 0;
  const fileCount = comparisonFile.file?.policies.length ?? 0;
  // Said from a status that is in the page before the comparison arrives: the focus stays on the
  // dropdown or the tab that asked for it. Its words differ from the page's, which it would repeat.
  const empty = status === 'changed' ? (nothingMatched ? 'no policy has a match on the other side' : 'none differs') : 'none in this group';
  const groupSaid = comparison
    ? `${status === 'all' ? 'All' : statusWords[status].label} (${status === 'all' ? comparison.matches.length : comparison.counts[status]})${shown.length === 0 ? `: ${empty}.` : ''}`
    : null;
  // Another file with the same counts left the status's words as they were, so nothing was said of it:
  // after each file chosen the status is emptied a moment, and its words are said anew.
  const [spokenChoice, setSpokenChoice] = useState(comparisonFile.choice);
  useEffect(() => {
    const timer = setTimeout(() => setSpokenChoice(comparisonFile.choice), 100);
    return () => clearTimeout(timer);
  }, [comparisonFile.choice]);
  // A file of a policy or a few, chosen where a whole tenant's backup was expected.
  const notABackup = withWhat === FILE && comparisonFile.file?.backup === false && (nothingMatched || fileCount === 1);

  // A policy opened from the table gets its diff brought into view and the focus, below a long table.
  const openedKey = openedMatch?.key;
  useEffect(() => {
    const section = openedSection.current;
    if (!openedKey || !section) return;
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [openedKey]);

  // Another side (a tenant, or the file before) chosen while a file is read, from the dropdown or by
  // Back: that choice decides, and the read's end changes nothing.
  const { abandon } = comparisonFile;
  useEffect(abandon, [withWhat, abandon]);

  const openFile = async (chosen: File) => {
    const opened = await comparisonFile.open(chosen);
    // Another choice came first (a file, a tenant), or the admin left the page: that decides.
    if (opened === undefined) return;
    // A file that cannot be read leaves the one before, and its comparison, as they were; a comparison
    // with a file no longer open here (a shared link) goes.
    if (opened) set({ with: FILE, open: null });
    else if (withWhat === FILE && !comparisonFile.file) set({ with: null, open: null });
  };

  return (
    <div className={styles.root}>
      <div className={styles.pickers}>
        <div className={styles.picker}>
          <Text weight="semibold" id="compare-with">
            Compare <Isolated>{hereName}</Isolated> with
          </Text>
          <Dropdown
            aria-labelledby="compare-with"
            placeholder={others.length ? 'Choose a signed-in tenant' : 'No other tenant signed in'}
            value={withWhat === FILE ? `${isolatedText(thereName)} (file)` : other ? thereName : ''}
            selectedOptions={withWhat ? [withWhat] : []}
            onOptionSelect={(_, data) => {
              abandon();
              set({ with: data.optionValue ?? null, open: null });
            }}
          >
            {others.map((account) => (
              <Option key={account.key} value={account.key} text={account.tenantName ?? account.username}>
                {`${isolatedText(account.tenantName ?? account.tenantId)} (${isolatedText(account.username)})`}
              </Option>
            ))}
            {comparisonFile.file && (
              <Option
                value={FILE}
                text={`${isolatedText(comparisonFile.file.fileName)} (file)`}
              >{`${isolatedText(comparisonFile.file.fileName)} (file)`}</Option>
            )}
          </Dropdown>
        </div>
        <Button ref={chooseFile} icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
          Compare with a backup file…
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,.zip,application/json,application/zip"
          hidden
          aria-label="Backup file to compare with"
          onChange={(event) => {
            if (event.target.files?.[0]) void openFile(event.target.files[0]);
            // The same file chosen again (fixed, or to hear why it was refused) is read again: the browser
            // sends no change for a choice equal to the input's value.
            event.target.value = '';
          }}
        />
      </div>
      {others.length === 0 && withWhat !== FILE && (
        <Text>
          To compare two tenants, sign in to the other one too: open the account menu (your name, top right) and
          {session.kind === 'demo'
            ? ' choose an account of the other tenant under “Add another account”.'
            : ' choose “Add another account”.'}
        </Text>
      )}
      <ComparisonFileNotices comparisonFile={comparisonFile} comparingWithFile={withWhat === FILE} chooser={chooseFile} />
      <SpokenStatus>{spokenChoice === comparisonFile.choice ? groupSaid : null}</SpokenStatus>
      {withWhat === FILE && !comparisonFile.file && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This comparison used a backup file that is not open here (files stay in the browser tab that opened them). Choose the file
            again.
          </MessageBarBody>
        </MessageBar>
      )}
      {withWhat && withWhat !== FILE && !other && (
        <MessageBar intent="warning">
          <MessageBarBody>The tenant of this comparison is not signed in here. Sign in to it, or choose another.</MessageBarBody>
        </MessageBar>
      )}
      {hereFailure && (
        <ErrorState
          {...hereFailure}
          title={`The policies of ${isolatedText(hereName)} could not be read: ${hereFailure.title}`}
          onRetry={() => void here.refetch()}
        />
      )}
      {thereFailure && (
        <SignInAgainContext value={signInThere}>
          <ErrorState
            {...thereFailure}
            title={`The policies of ${thereAccount} could not be read: ${thereFailure.title}`}
            message={
              there.error instanceof GraphRequestError && (there.error.status === 401 || there.error.status === 403)
                ? `${thereFailure.message} This concerns ${isolatedText(other?.account.username ?? thereName)}, not ${isolatedText(tenant.account.username)}.`
                : thereFailure.message
            }
            onRetry={() => void there.refetch()}
          />
        </SignInAgainContext>
      )}
      {!withWhat ? (
        <EmptyState title="Choose what to compare with">
          Another signed-in tenant, or a backup file of policies. Each policy is matched by id, else by name.
        </EmptyState>
      ) : !comparison ? (
        (withWhat === FILE && !comparisonFile.file) || (withWhat !== FILE && !other) || here.error || there.error ? null : (
          <Skeleton aria-label="Loading the policies">
            <SkeletonItem size={128} />
          </Skeleton>
        )
      ) : (
        <>
          <TabList
            selectedValue={status}
            onTabSelect={(_, data) => set({ status: data.value === 'changed' ? null : String(data.value), open: null })}
            aria-label="Which policies"
          >
            {ORDER.map((s) => (
              <Tab key={s} value={s}>{`${statusWords[s].label} (${comparison.counts[s]})`}</Tab>
            ))}
            <Tab value="all">{`All (${comparison.matches.length})`}</Tab>
          </TabList>
          <Text>
            Here is <Isolated>{hereName}</Isolated>; there is <Isolated>{thereName}</Isolated>
            {file?.origin
              ? `, a backup of ${isBackupOf(file, tenant.account.tenantId) ? 'this tenant' : isolatedText(file.origin.tenantName ?? file.origin.tenantId)} taken ${formatDateTime(file.origin.capturedAt)}`
              : ''}
            .
          </Text>
          {notABackup && (
            <MessageBar intent="info">
              <MessageBarBody>
                <Isolated>{thereName}</Isolated> holds {fileCount === 1 ? 'one policy' : `${fileCount} policies`}, not a backup of a tenant:
                the policies of <Isolated>{hereName}</Isolated> it does not hold are counted as only here. To compare one policy with
                another, use Two policies.
              </MessageBarBody>
            </MessageBar>
          )}
          {shown.length === 0 ? (
            status === 'changed' && nothingMatched ? (
              <EmptyState title="Nothing matched">
                {`No policy of ${isolatedText(hereName)} has the id or the name of one in ${isolatedText(thereName)}, so none can be compared: see Only here (${comparison.counts.onlyA}) and Only there (${comparison.counts.onlyB}).`}
              </EmptyState>
            ) : (
              <EmptyState title={status === 'changed' ? 'No policy differs' : 'None'}>
                {status === 'changed' ? 'Every policy found on both sides is identical.' : 'No policy is in this group.'}
              </EmptyState>
            )
          ) : (
            <PoliciesCompared
              matches={shown}
              names={names}
              acrossTenants={withWhat !== FILE}
              opened={opened}
              hrefOf={(match) => `?${new URLSearchParams({ ...Object.fromEntries(params), open: match.key }).toString()}`}
              onOpen={(match) => set({ open: match.key })}
            />
          )}
          {openedMatch && (
            <section
              ref={openedSection}
              tabIndex={-1}
              className={styles.opened}
              aria-label={`${isolatedText(openedMatch.name)}, here and there`}
            >
              <Text as="h2" size={500} weight="semibold">
                <Isolated>{openedMatch.name}</Isolated>
              </Text>
              <OneSideOnly match={openedMatch} comparedWith={comparedWith} />
              <PolicyDiff
                // The count's heading sits under the opened policy's h2.
                headingLevel={3}
                before={openedMatch.a ?? {}}
                after={openedMatch.b ?? {}}
                beforeLabel={
                  openedMatch.a ? `${isolatedText(openedMatch.name)} in ${isolatedText(hereName)}` : `Nothing in ${isolatedText(hereName)}`
                }
                afterLabel={
                  openedMatch.b
                    ? `${isolatedText(openedMatch.name)} in ${isolatedText(thereName)}`
                    : `Nothing in ${isolatedText(thereName)}`
                }
                names={names}
                view={view}
                onViewChange={setView}
                height="480px"
                acrossTenants={withWhat !== FILE}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
