// Which of the import's policies the plan brings: all by default, or a selection. What a chosen
// policy uses (its named locations, strengths, contexts) comes with it; the references of the
// others no longer need a decision.
import { Button, Checkbox, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { SourcePolicy } from '../../domain/plan/mapping';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))',
    maxHeight: '320px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
});

export interface PolicySelectionProps {
  policies: readonly SourcePolicy[];
  /** Row keys chosen; null is every policy. */
  selection: readonly string[] | undefined;
  onChange(selection: readonly string[] | undefined): void;
}

export function PolicySelection({ policies, selection, onChange }: PolicySelectionProps) {
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
        <Text>
          {chosen.size === policies.length ? `All ${policies.length} policies` : `${chosen.size} of ${policies.length} policies`} are
          brought in.
        </Text>
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
          <div className={styles.list} role="group" aria-label="Policies to bring in">
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
