// Search and filters above the policies list.
import { Button, Dropdown, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { shortControlLabels, stateLabels } from '../../domain/labels';
import type { FindingsFilter } from '../../policy-ui/lint-summary';
import type { PolicyState } from './policy-rows';
import type { useListFilters } from './use-list-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  search: { minWidth: '320px', flexGrow: 1, maxWidth: '520px' },
  dropdown: { minWidth: '180px' },
  // Rule ids are long: the list is wider than its button.
  wideList: { minWidth: '300px' },
});

const controlOptions = [
  'block',
  'mfa',
  'authenticationStrength',
  'compliantDevice',
  'domainJoinedDevice',
  'approvedApplication',
  'compliantApplication',
  'passwordChange',
  'riskRemediation',
  'termsOfUse',
  'session',
];
const controlLabel = (c: string) => (c === 'session' ? 'Any session control' : (shortControlLabels[c] ?? c));
const stateOptions: PolicyState[] = ['enabled', 'enabledForReportingButNotEnforced', 'disabled'];

const findingsLabels: Record<string, string> = {
  errors: 'With errors',
  warnings: 'With warnings or errors',
  any: 'With any finding',
};
const findingsLabel = (f: FindingsFilter) => findingsLabels[f] ?? `Found by ${f.slice('rule:'.length)}`;

export function PoliciesToolbar({
  filters,
  ruleIds,
}: {
  filters: ReturnType<typeof useListFilters>;
  /** The rules that found something in some policy, to filter by (empty until the lint is in). */
  ruleIds: readonly string[];
}) {
  const styles = useStyles();
  const active = filters.search || filters.states.size > 0 || filters.control || filters.findings;
  const stateText = filters.states.size ? [...filters.states].map((s) => stateLabels[s]).join(', ') : 'All states';
  return (
    <div className={styles.root} role="search">
      <SearchBox
        className={styles.search}
        aria-label="Search policies by name, user, group, app or location"
        placeholder="Search names, users, groups, apps, locations…"
        value={filters.search}
        onChange={(_, data) => filters.setSearch(data.value)}
      />
      <Dropdown
        className={styles.dropdown}
        aria-label="Filter by state"
        multiselect
        value={stateText}
        selectedOptions={[...filters.states]}
        onOptionSelect={(_, data) => filters.setStates(data.selectedOptions as PolicyState[])}
      >
        {stateOptions.map((state) => (
          <Option key={state} value={state}>
            {stateLabels[state]!}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Filter by control"
        value={filters.control ? controlLabel(filters.control) : 'Any control'}
        selectedOptions={filters.control ? [filters.control] : ['']}
        onOptionSelect={(_, data) => filters.setControl(data.optionValue || null)}
      >
        <Option value="">Any control</Option>
        {controlOptions.map((control) => (
          <Option key={control} value={control}>
            {controlLabel(control)}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Filter by lint findings"
        listbox={{ className: styles.wideList }}
        value={filters.findings ? findingsLabel(filters.findings) : 'Any findings'}
        selectedOptions={[filters.findings ?? '']}
        onOptionSelect={(_, data) => filters.setFindings((data.optionValue as FindingsFilter | undefined) || null)}
      >
        <Option value="">Any findings</Option>
        {(['errors', 'warnings', 'any'] as const).map((f) => (
          <Option key={f} value={f}>
            {findingsLabel(f)}
          </Option>
        ))}
        {ruleIds.map((id) => (
          <Option key={id} value={`rule:${id}`}>
            {findingsLabel(`rule:${id}`)}
          </Option>
        ))}
      </Dropdown>
      {active && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={filters.clear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
