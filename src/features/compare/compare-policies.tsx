// Two policies of the tenant, or a policy against one in a file: the differences in words beside
// the diff. Chosen in the URL (?a=&b=), so the comparison can be shared; a file stays in this tab.
import {
  Button,
  Dropdown,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowSwapRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { describeError } from '../../graph/describe-error';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { LiveStatus, UnseenText } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { policiesQuery, policyQuery, useNames } from '../../policy-ui/queries';
import { PolicyDiff } from '../../policy-ui/policy-diff';
import { fileOrigin, useComparisonFile } from './use-comparison-file';
import { ComparisonFileNotices } from './comparison-file-notices';
import { useUrlState } from './use-url-state';
import { counterpartInFile } from './file-match';
import { policyJson } from '../../domain/json';
import { namesBesideFile } from '../../domain/names-beside-a-file';
import { collectReferences } from '../../domain/references';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  picker: { minWidth: 'min(100%, 320px)', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const FILE_PREFIX = 'file:';

export function ComparePolicies() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const { params, set, view, setView } = useUrlState();
  const comparisonFile = useComparisonFile();
  const input = useRef<HTMLInputElement>(null);
  const chooseFile = useRef<HTMLButtonElement>(null);
  const a = params.get('a');
  const b = params.get('b');
  const bInFile = b?.startsWith(FILE_PREFIX) ? Number(b.slice(FILE_PREFIX.length)) : null;

  const list = useQuery(policiesQuery(tenant));
  const left = useQuery({ ...policyQuery(tenant, a ?? ''), enabled: !!a });
  const right = useQuery({ ...policyQuery(tenant, b ?? ''), enabled: !!b && bInFile === null });
  const filePolicy = bInFile !== null ? comparisonFile.file?.policies[bInFile] : undefined;
  const after = (bInFile !== null ? filePolicy?.policy : right.data && policyJson(right.data)) ?? null;
  const before = (left.data && policyJson(left.data)) ?? null;
  const both = useMemo(() => (before && after ? [before, after] : undefined), [before, after]) as ConditionalAccessPolicy[] | undefined;
  const tenantNames = useNames(tenant, both).data;
  // A file's ids the tenant does not hold are "not in this tenant" unless the file is this tenant's backup.
  const file = bInFile !== null ? comparisonFile.file : null;
  const names = useMemo(
    () =>
      tenantNames && file && before
        ? namesBesideFile(tenantNames, collectReferences([before as ConditionalAccessPolicy]), fileOrigin(file, tenant.account.tenantId))
        : tenantNames,
    [tenantNames, file, before, tenant.account.tenantId],
  );
  const nameOf = (policy: JsonObject | null | undefined) => (typeof policy?.displayName === 'string' ? policy.displayName : '');

  // Another B chosen while a file is read (from the dropdown, by Swap, by Back): that choice decides,
  // and the read's end changes nothing.
  const { abandon } = comparisonFile;
  useEffect(abandon, [b, abandon]);

  // A's name is known from the list before A's own read arrives (or when that read failed): enough to find
  // its counterpart in a file by name.
  const listedA = a ? list.data?.find((p) => p.id === a) : undefined;
  const aBody = before ?? (listedA ? policyJson(listedA) : null);

  // A file is open, B is not chosen, and the file holds no policy with A's id or name: B is left for the
  // admin to choose, and the page says so, for the A chosen now (another A may have its counterpart there).
  const openFileData = comparisonFile.file;
  const showNoCounterpart = !b && !!a && !!openFileData && counterpartInFile(openFileData.policies, a, aBody) < 0;

  // An A chosen while a file is read: the file's policy that is B is matched with that A, not the one before.
  const chosenA = useRef({ a, aBody });
  useLayoutEffect(() => {
    chosenA.current = { a, aBody };
  });

  const openFile = async (chosen: File) => {
    const opened = await comparisonFile.open(chosen);
    // Another choice came first (a file, a policy B), or the admin left the page: that decides.
    if (opened === undefined) return;
    // Refused: the file before stays open, and a B taken from it stays with its diff (the notice says
    // the comparison still uses it). A B from a file no longer open here (a shared link) goes.
    if (!opened) {
      if (bInFile !== null && !comparisonFile.file) set({ b: null });
      return;
    }
    // The policy in the file that is A (same id, else same name) is the natural B. With no A, or a file of
    // one policy (the admin chose that policy to compare with), the file's first; with several and none
    // of them A, none: a policy merely first in the file would compare unrelated policies as if one.
    const { a, aBody } = chosenA.current;
    const counterpart = a ? counterpartInFile(opened.policies, a, aBody) : 0;
    const match = counterpart < 0 && opened.policies.length <= 1 ? 0 : counterpart;
    set({ b: match >= 0 ? `${FILE_PREFIX}${match}` : null });
  };

  // B waits for A's counterpart in the open file, or is the counterpart of the A before: it follows the A
  // chosen now (none in a file of several: two unrelated policies are not compared as one). A B the admin
  // chose for itself stays.
  const bForNewA = (next: string | null): { b?: string | null } => {
    if (!next || !openFileData) return {};
    const followsA = b === null || (bInFile !== null && !!a && counterpartInFile(openFileData.policies, a, aBody) === bInFile);
    if (!followsA) return {};
    const listed = list.data?.find((p) => p.id === next);
    const match = counterpartInFile(openFileData.policies, next, listed ? policyJson(listed) : null);
    if (match >= 0) return { b: `${FILE_PREFIX}${match}` };
    return openFileData.policies.length > 1 ? { b: null } : {};
  };

  // A file of one policy gives B whatever it is (the admin chose it to compare with); when it is not A's
  // counterpart (another id and name), the page says so beside B rather than pair two policies silently.
  const onlyPolicyNotA =
    bInFile === 0 && file?.policies.length === 1 && !!filePolicy && !!a && !!aBody && counterpartInFile(file.policies, a, aBody) < 0;

  // A shared link's A or B may be gone (404), or Graph busy: the failing side is named, and asked again.
  const failedSides = [left.error && 'Policy A', right.error && 'Policy B'].filter(Boolean);
  const failed = left.error ?? right.error ?? list.error;
  const failure = failed && describeError(failed, failedSides.length ? 'read it' : 'load the policies to compare');
  const retry = () => {
    if (left.error) void left.refetch();
    if (right.error) void right.refetch();
    if (list.error) void list.refetch();
  };
  // Swap stays in the Tab order when it cannot act, and says why (as the console's other waiting buttons do).
  const swapBlocked =
    !a && !b
      ? 'Choose the policies to compare first.'
      : bInFile !== null
        ? 'Policy B is in a file: only a policy of the tenant can be A.'
        : null;
  const bLabel =
    bInFile !== null
      ? `${isolatedText(nameOf(filePolicy?.policy))} in ${isolatedText(comparisonFile.file?.fileName ?? 'the file')}`
      : isolatedText(nameOf(after));
  return (
    <div className={styles.root}>
      <div className={styles.pickers}>
        <div className={styles.picker}>
          <Text weight="semibold" id="pick-a">
            Policy A (left)
          </Text>
          <Dropdown
            aria-labelledby="pick-a"
            placeholder="Choose a policy"
            value={isolatedText(nameOf(listedA as JsonObject | undefined))}
            selectedOptions={a ? [a] : []}
            onOptionSelect={(_, data) => set({ a: data.optionValue ?? null, ...bForNewA(data.optionValue ?? null) })}
          >
            {(list.data ?? []).map((p) => (
              <Option key={p.id} value={p.id!} text={p.displayName ?? p.id!}>
                <Isolated>{p.displayName ?? p.id!}</Isolated>
              </Option>
            ))}
          </Dropdown>
        </div>
        <Button
          icon={<ArrowSwapRegular />}
          aria-label="Swap A and B"
          disabledFocusable={!!swapBlocked}
          aria-describedby={swapBlocked ? 'swap-blocked' : undefined}
          onClick={() => {
            abandon();
            set({ a: b, b: a });
          }}
        />
        <UnseenText id="swap-blocked">{swapBlocked}</UnseenText>
        <div className={styles.picker}>
          <Text weight="semibold" id="pick-b">
            Policy B (right)
          </Text>
          <Dropdown
            aria-labelledby="pick-b"
            aria-describedby="b-not-a"
            placeholder="Choose a policy"
            value={bInFile !== null ? bLabel : isolatedText(nameOf(list.data?.find((p) => p.id === b) as JsonObject | undefined))}
            selectedOptions={b ? [b] : []}
            onOptionSelect={(_, data) => {
              abandon();
              set({ b: data.optionValue ?? null });
            }}
          >
            {(list.data ?? []).map((p) => (
              <Option key={p.id} value={p.id!} text={p.displayName ?? p.id!}>
                <Isolated>{p.displayName ?? p.id!}</Isolated>
              </Option>
            ))}
            {(comparisonFile.file?.policies ?? []).map((p, i) => (
              <Option key={`file-${i}`} value={`${FILE_PREFIX}${i}`} text={`${isolatedText(nameOf(p.policy))} (file)`}>
                {`${isolatedText(nameOf(p.policy))} (in ${isolatedText(comparisonFile.file?.fileName ?? 'the file')})`}
              </Option>
            ))}
          </Dropdown>
          {/* Shown beside B, and said as it appears. */}
          <div id="b-not-a">
            <LiveStatus style={{ color: tokens.colorNeutralForeground3 }}>
              {onlyPolicyNotA && (
                <>
                  The file’s only policy, “<Isolated>{nameOf(filePolicy.policy)}</Isolated>”, is not Policy A (another id and name):
                  compared as chosen.
                </>
              )}
            </LiveStatus>
          </div>
        </div>
        <Button ref={chooseFile} icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
          Compare with a file…
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,.zip,.ps1,application/json,application/zip"
          hidden
          aria-label="Policy file to compare with"
          onChange={(event) => {
            if (event.target.files?.[0]) void openFile(event.target.files[0]);
            // The same file chosen again (fixed, or to hear why it was refused) is read again: the browser
            // sends no change for a choice equal to the input's value.
            event.target.value = '';
          }}
        />
      </div>
      <ComparisonFileNotices comparisonFile={comparisonFile} comparingWithFile={bInFile !== null} chooser={chooseFile} />
      {showNoCounterpart && (
        <MessageBar key={`${comparisonFile.choice}:${a}`} intent="info">
          <MessageBarBody>
            No policy in {isolatedText(comparisonFile.file?.fileName ?? 'the file')} has the id or name of policy A; choose one in Policy B.
          </MessageBarBody>
        </MessageBar>
      )}
      {bInFile !== null && !filePolicy && (
        // Keyed by the file chosen: another empty file is said again, not left standing unread.
        <MessageBar key={comparisonFile.choice} intent="warning">
          <MessageBarBody>
            {comparisonFile.file && comparisonFile.file.policies.length === 0
              ? `${isolatedText(comparisonFile.file.fileName)} holds no Conditional Access policy: choose another file.`
              : 'This comparison used a file that is not open here (files stay in the browser tab that opened them). Choose the file again.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <ErrorState
          {...failure}
          title={failedSides.length ? `${failedSides.join(' and ')} could not be read: ${failure.title}` : failure.title}
          onRetry={retry}
        />
      )}
      {!a || !b ? (
        <EmptyState title="Choose two policies">Or a policy and a file. The differences appear here, in words and line by line.</EmptyState>
      ) : !before || !after ? (
        (bInFile !== null && !filePolicy) || left.error || right.error ? null : (
          <Skeleton aria-label="Loading the policies">
            <SkeletonItem size={128} />
          </Skeleton>
        )
      ) : (
        <PolicyDiff
          headingLevel={2}
          before={before}
          after={after}
          beforeLabel={isolatedText(nameOf(before))}
          afterLabel={bLabel}
          names={names}
          view={view}
          onViewChange={setView}
        />
      )}
    </div>
  );
}
