// A deleted policy opened: what it refers to that is gone, its summary, its JSON, and a comparison
// with a current policy: the one of the same name (a re-created copy, often) or any other. When what
// it refers to could not be checked (the names' lookup failed), that is said, with Graph's reason and
// Try again, as the restore dialogs do: no missing dependency shown then does not mean none is missing.
import { Dropdown, Field, makeStyles, Option, Skeleton, SkeletonItem, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { NameDirectory } from '../../domain/references';
import type { DeletedPolicy } from '../../graph/deleted-items';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { LazyJsonViewer } from '../../shared/monaco';
import { useTheme } from '../../shared/theme';
import { useNames } from '../../policy-ui/queries';
import { PolicySummaryView } from '../../policy-ui/policy-summary-view';
import { PolicyDiff, useDiffView } from '../../policy-ui/policy-diff';
import { describeIdIn } from '../../policy-ui/describe-id';
import { describePolicy } from '../../domain/describe-policy';
import type { MissingDependency } from '../../domain/dependencies';
import { DependenciesUnchecked, MissingDependencies, useRecheck, type UncheckedDependencies } from './deleted-actions';
import { checkedWords } from './dependencies-check';
import { SpokenStatus } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import type { GoneNames } from './gone-names';
import { policyJson } from '../../domain/json';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  json: { height: '420px' },
});

type View = 'summary' | 'json' | 'compare';
const tabLabels: Record<View, string> = { summary: 'Summary', json: 'JSON', compare: 'Compare' };

export function DeletedPolicyDetails({
  policy,
  current,
  names,
  missing,
  known,
  unchecked = null,
  checking = false,
}: {
  policy: DeletedPolicy;
  /** The policies of the tenant now: the one with the same name is compared by default. */
  current: readonly ConditionalAccessPolicy[] | undefined;
  names: NameDirectory | undefined;
  missing: MissingDependency[];
  known: GoneNames | undefined;
  /** What it refers to could not be checked: said, with Graph's reason and Try again. */
  unchecked?: UncheckedDependencies | null;
  /** It is being checked (again). */
  checking?: boolean;
}) {
  const styles = useStyles();
  const { dark } = useTheme();
  const namesake = current?.find((p) => p.displayName?.trim().toLowerCase() === policy.displayName?.trim().toLowerCase());
  const [tab, setTab] = useState<View>('summary');
  const [otherId, setOtherId] = useState<string | null>(null);
  const other = current?.find((p) => p.id === (otherId ?? namesake?.id));
  const [view, setView] = useDiffView();
  const tenant = useTenantSession();
  const both = useMemo(() => (other ? [policy, other] : [policy]), [policy, other]);
  const bothNames = useNames(tenant, both).data ?? names;
  const describeId = useCallback((id: string) => describeIdIn(names, id), [names]);
  // Checked again, the warning goes: the focus (if it was on its Try again) goes to the tab shown, next in reading order.
  const shownTab = useRef<HTMLButtonElement>(null);
  const recheck = useRecheck(unchecked, checking, () => checkedWords(missing, known), shownTab);
  return (
    <section className={styles.root} aria-label={`Deleted policy ${isolatedText(policy.displayName ?? '')}`}>
      <Text as="h2" size={500} weight="semibold">
        <Isolated>{policy.displayName}</Isolated>
      </Text>
      {unchecked && (
        <DependenciesUnchecked orElse={null} unchecked={unchecked} checking={checking} onRetry={recheck.onRetry} onGone={recheck.onGone} />
      )}
      <MissingDependencies missing={missing} known={known} />
      {/* Polite: the focus stays on Try again while it checks again. */}
      <SpokenStatus>{recheck.status}</SpokenStatus>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as View)} aria-label="View of the deleted policy">
        {(['summary', 'json', 'compare'] as const).map((value) => (
          <Tab key={value} value={value} ref={value === tab ? shownTab : undefined}>
            {tabLabels[value]}
          </Tab>
        ))}
      </TabList>
      {tab === 'summary' && <PolicySummaryView sections={describePolicy(policy, names)} />}
      {tab === 'json' && (
        <div className={styles.json}>
          <Suspense
            fallback={
              <Skeleton aria-label="Loading the JSON">
                <SkeletonItem size={128} />
              </Skeleton>
            }
          >
            <LazyJsonViewer
              value={JSON.stringify(policy, null, 2)}
              path={`deleted/${policy.id}.json`}
              dark={dark}
              ariaLabel={`JSON of the deleted policy ${isolatedText(policy.displayName ?? '')}`}
              describeId={describeId}
            />
          </Suspense>
        </div>
      )}
      {tab === 'compare' && (
        <>
          <Field
            label="Compare with the current policy"
            hint={namesake ? 'The one with the same name is chosen first.' : 'No current policy has the same name.'}
          >
            <Dropdown
              placeholder="Choose a policy"
              value={other?.displayName ?? ''}
              selectedOptions={other?.id ? [other.id] : []}
              onOptionSelect={(_, data) => setOtherId(data.optionValue ?? null)}
            >
              {(current ?? []).map((p) => (
                <Option key={p.id} value={p.id!}>
                  {p.displayName ?? p.id!}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {other && (
            <PolicyDiff
              // The count's heading sits under the deleted policy's h2.
              headingLevel={3}
              before={policyJson(policy)}
              after={policyJson(other)}
              beforeLabel="The deleted policy"
              afterLabel={other === namesake ? 'The current policy of the same name' : `The current ${other.displayName ?? 'policy'}`}
              names={bothNames}
              view={view}
              onViewChange={setView}
              height="420px"
            />
          )}
        </>
      )}
    </section>
  );
}
