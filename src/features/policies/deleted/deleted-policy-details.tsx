// A deleted policy opened: what it refers to that is gone, its summary, and a comparison with the
// current policy of the same name (a re-created copy, often) or its JSON.
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { NameDirectory } from '../../../graph/names';
import type { JsonObject } from '../../../graph/policy-body';
import type { DeletedPolicy } from '../../../graph/deleted-items';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { useTenantSession } from '../../../session/tenant-session';
import { useNames } from '../api/policy-queries';
import { PolicySummaryView } from '../components/policy-summary-view';
import { PolicyDiff, useDiffView } from '../compare/policy-diff';
import { describePolicy } from '../lib/describe-policy';
import type { MissingDependency } from '../lib/dependencies';
import { MissingDependencies } from './deleted-actions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

export function DeletedPolicyDetails({ policy, current, names, missing }: {
  policy: DeletedPolicy;
  /** The policies of the tenant now, to find one with the same name. */
  current: readonly ConditionalAccessPolicy[] | undefined;
  names: NameDirectory | undefined;
  missing: MissingDependency[];
}) {
  const styles = useStyles();
  const namesake = current?.find((p) => p.displayName?.trim().toLowerCase() === policy.displayName?.trim().toLowerCase());
  const [tab, setTab] = useState<'summary' | 'compare'>('summary');
  const [view, setView] = useDiffView();
  const tenant = useTenantSession();
  const both = useMemo(() => (namesake ? [policy, namesake] : [policy]), [policy, namesake]);
  const bothNames = useNames(tenant, both).data ?? names;
  return (
    <section className={styles.root} aria-label={`Deleted policy ${policy.displayName}`}>
      <Text as="h2" size={500} weight="semibold">{policy.displayName}</Text>
      <MissingDependencies missing={missing} />
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as 'summary' | 'compare')} aria-label="View of the deleted policy">
        <Tab value="summary">Summary</Tab>
        <Tab value="compare" disabled={!namesake}>
          {namesake ? 'Compare with the current policy of the same name' : 'No current policy has this name'}
        </Tab>
      </TabList>
      {tab === 'summary' || !namesake ? (
        <PolicySummaryView sections={describePolicy(policy, names)} />
      ) : (
        <PolicyDiff
          before={policy as unknown as JsonObject}
          after={namesake as unknown as JsonObject}
          beforeLabel="The deleted policy"
          afterLabel="The current policy of the same name"
          names={bothNames}
          view={view}
          onViewChange={setView}
          height="420px"
        />
      )}
    </section>
  );
}
