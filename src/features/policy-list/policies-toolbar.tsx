// Search and filters above the policies list.
import { Button, Dropdown, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { memo, useRef, type ReactNode } from 'react';
import { shortControlLabels, stateLabels } from '../../domain/labels';
import type { FindingsFilter } from '../../policy-ui/lint-summary';
import type { PolicyState } from './policy-rows';
import { useSearchText, type SearchText, type useListFilters } from './use-list-filters';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', flexGrow: 1 },
  search: { minWidth: 'min(100%, 320px)', flexGrow: 1, maxWidth: '520px' },
  dropdown: { minWidth: 'min(100%, 180px)' },
  // Rule ids are long: the list is wider than its button.
  wideList: { minWidth: 'min(100%, 300px)' },
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

type Filters = ReturnType<typeof useListFilters>;

/** The search box: its own component, so a keystroke re-renders it alone. */
function SearchField({ text, onChange }: { text: SearchText; onChange(value: string): void }) {
  const styles = useStyles();
  return (
    <SearchBox
      className={styles.search}
      aria-label="Search policies by name, user, group, app or location"
      placeholder="Search names, users, groups, apps, locations…"
      value={useSearchText(text)}
      onChange={(_, data) => onChange(data.value)}
      // Fluent names it "clear"; it says what it clears. Keyboard users clear with Esc (a search input's own).
      dismiss={{ 'aria-label': 'Clear search' }}
    />
  );
}

// Memoised: the list's renders that follow typing leave the menus as they are.
const FilterMenus = memo(function FilterMenus({
  states,
  control,
  findings,
  ruleIds,
  setStates,
  setControl,
  setFindings,
}: Pick<Filters, 'states' | 'control' | 'findings' | 'setStates' | 'setControl' | 'setFindings'> & { ruleIds: readonly string[] }) {
  const styles = useStyles();
  const stateText = states.size ? [...states].map((s) => stateLabels[s]).join(', ') : 'All states';
  return (
    <>
      <Dropdown
        className={styles.dropdown}
        aria-label="Filter by state"
        multiselect
        value={stateText}
        selectedOptions={[...states]}
        onOptionSelect={(_, data) => setStates(data.selectedOptions as PolicyState[])}
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
        value={control ? controlLabel(control) : 'Any control'}
        selectedOptions={control ? [control] : ['']}
        onOptionSelect={(_, data) => setControl(data.optionValue || null)}
      >
        <Option value="">Any control</Option>
        {controlOptions.map((c) => (
          <Option key={c} value={c}>
            {controlLabel(c)}
          </Option>
        ))}
      </Dropdown>
      <Dropdown
        className={styles.dropdown}
        aria-label="Filter by lint findings"
        listbox={{ className: styles.wideList }}
        value={findings ? findingsLabel(findings) : 'Any findings'}
        selectedOptions={[findings ?? '']}
        onOptionSelect={(_, data) => setFindings((data.optionValue as FindingsFilter | undefined) || null)}
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
    </>
  );
});

export function PoliciesToolbar({
  filters,
  ruleIds,
  end,
}: {
  filters: Filters;
  /** The rules that found something in some policy, to filter by (empty until the lint is in). */
  ruleIds: readonly string[];
  /** At the bar's end, outside the search: what reads the list again. */
  end?: ReactNode;
}) {
  const styles = useStyles();
  const active = filters.search || filters.states.size > 0 || filters.control || filters.findings;
  const root = useRef<HTMLDivElement>(null);
  // The button goes once the filters are cleared: the keyboard's focus goes to the search box, not the page's start.
  const clear = () => {
    filters.clear();
    root.current?.querySelector('input')?.focus();
  };
  return (
    <div className={styles.bar}>
      <div ref={root} className={styles.root} role="search">
        <SearchField text={filters.searchText} onChange={filters.setSearch} />
        <FilterMenus
          states={filters.states}
          control={filters.control}
          findings={filters.findings}
          ruleIds={ruleIds}
          setStates={filters.setStates}
          setControl={filters.setControl}
          setFindings={filters.setFindings}
        />
        {active && (
          <Button appearance="subtle" icon={<DismissRegular />} onClick={clear}>
            Clear filters
          </Button>
        )}
      </div>
      {end}
    </div>
  );
}
