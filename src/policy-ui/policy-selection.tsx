// A choice of some policies out of a set (an import's, a backup's): all by default, a filter by
// name, all or none in one click. The caller says what the choice means.
import { Button, Checkbox, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 360px), 1fr))',
    maxHeight: '320px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
});

export interface PolicySelectionProps {
  policies: readonly { rowKey: string; name: string }[];
  /** Keys chosen; undefined is every policy. */
  selection: readonly string[] | undefined;
  onChange(selection: readonly string[] | undefined): void;
  /** What the choice is for, e.g. "brought in" or "in the backup". */
  verb: string;
  /** The accessible name of the list of checkboxes. */
  label: string;
}

/** "All 3 policies are in the backup.", "The only policy is…", "1 of 3 policies is…": the verb agrees with the count. */
export function selectionWords(chosen: number, total: number, verb: string): string {
  if (total === 0) return `No policy is ${verb}.`;
  if (chosen === total) return total === 1 ? `The only policy is ${verb}.` : `All ${total} policies are ${verb}.`;
  if (chosen === 0) return `None of the ${total} policies is ${verb}.`;
  return `${chosen} of ${total} ${total === 1 ? 'policy' : 'policies'} ${chosen === 1 ? 'is' : 'are'} ${verb}.`;
}

export function PolicySelection({ policies, selection, onChange, verb, label }: PolicySelectionProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(selection ?? policies.map((p) => p.rowKey)), [selection, policies]);
  const shown = policies.filter((p) => p.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const set = (keys: Set<string>) =>
    onChange(keys.size === policies.length ? undefined : policies.map((p) => p.rowKey).filter((k) => keys.has(k)));
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text>{selectionWords(chosen.size, policies.length, verb)}</Text>
        <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the list' : 'Choose policies…'}
        </Button>
      </div>
      {open ? (
        <>
          <div className={styles.bar}>
            <SearchBox
              placeholder="Filter by name"
              value={filter}
              onChange={(_, data) => setFilter(data.value)}
              aria-label="Filter the policies"
            />
            <Button size="small" onClick={() => set(new Set(policies.map((p) => p.rowKey)))}>
              All
            </Button>
            <Button size="small" onClick={() => set(new Set())}>
              None
            </Button>
          </div>
          <div className={styles.list} role="group" aria-label={label}>
            {shown.map((policy) => (
              <Checkbox
                key={policy.rowKey}
                label={policy.name}
                checked={chosen.has(policy.rowKey)}
                onChange={(_, data) => {
                  const next = new Set(chosen);
                  if (data.checked) next.add(policy.rowKey);
                  else next.delete(policy.rowKey);
                  set(next);
                }}
              />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
