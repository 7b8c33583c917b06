// A choice of some policies out of a set (an import's, a backup's): all by default, a filter by
// name, all or none in one click. The caller says what the choice means. A file of thousands of
// policies (an oversized export) lists a hundred at a time, and a tick redraws only its own row:
// every checkbox at once froze the page for seconds.
import { Button, Checkbox, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { countWords, ShowMore, useShownPart } from './show-more';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 360px), 1fr))',
    // Each box its own height: stretched to a neighbour's two lines, a one-line label sank below its box.
    alignItems: 'start',
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
  /**
   * Whose choice it is, when a page holds several (a contingency plan's name): said after the words of its
   * button, "Choose policies… (MFA Disruption)", so that several buttons of one text are told apart.
   */
  of?: string;
}

/** "All 3 policies are in the backup.", "The only policy is…", "1 of 3 policies is…": the verb agrees with the count. */
export function selectionWords(chosen: number, total: number, verb: string): string {
  const [of, all] = [countWords(chosen), countWords(total)];
  if (total === 0) return `No policy is ${verb}.`;
  if (chosen === total) return total === 1 ? `The only policy is ${verb}.` : `All ${all} policies are ${verb}.`;
  if (chosen === 0) return total === 1 ? `The only policy is not ${verb}.` : `None of the ${all} policies is ${verb}.`;
  return `${of} of ${all} ${total === 1 ? 'policy' : 'policies'} ${chosen === 1 ? 'is' : 'are'} ${verb}.`;
}

/** "Showing 100 of 9,000 policies.", "Showing 100 of 2,400 policies that match." */
const shownWords = (shown: number, total: number, filtered: boolean) =>
  `Showing ${countWords(shown)} of ${countWords(total)} ${total === 1 ? 'policy' : 'policies'}${filtered ? ' that match' : ''}.`;

interface PolicyChoiceProps {
  rowKey: string;
  name: string;
  checked: boolean;
  onToggle(rowKey: string, checked: boolean): void;
  ref?: Ref<HTMLInputElement>;
}

/** One checkbox; redrawn only when its own tick (or name) changes. */
const PolicyChoice = memo(function PolicyChoice({ rowKey, name, checked, onToggle, ref }: PolicyChoiceProps) {
  return <Checkbox ref={ref} label={name} checked={checked} onChange={(_, data) => onToggle(rowKey, !!data.checked)} />;
});

export function PolicySelection({ policies, selection, onChange, verb, label, of }: PolicySelectionProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(selection ?? policies.map((p) => p.rowKey)), [selection, policies]);
  const names = useMemo(() => policies.map((p) => p.name.toLowerCase()), [policies]);
  const wanted = filter.trim().toLowerCase();
  const matching = useMemo(() => (wanted ? policies.filter((_, i) => names[i]!.includes(wanted)) : policies), [policies, names, wanted]);
  const part = useShownPart<{ rowKey: string; name: string }, HTMLInputElement>(matching);

  // The latest choice, read by a tick's callback so that callback stays the same and rows need not redraw.
  const latest = useRef({ chosen, policies, onChange });
  useLayoutEffect(() => {
    latest.current = { chosen, policies, onChange };
  });
  const set = useCallback((keys: ReadonlySet<string>) => {
    const { policies: all, onChange: change } = latest.current;
    change(keys.size === all.length ? undefined : all.map((p) => p.rowKey).filter((k) => keys.has(k)));
  }, []);
  const toggle = useCallback(
    (rowKey: string, checked: boolean) => {
      const next = new Set(latest.current.chosen);
      if (checked) next.add(rowKey);
      else next.delete(rowKey);
      set(next);
    },
    [set],
  );
  const toggleWords = open ? 'Hide the list' : 'Choose policies…';
  const unchosenMatches = wanted ? matching.filter((p) => !chosen.has(p.rowKey)).length : 0;

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        {/* A polite status: a tick says the new count. */}
        <Text role="status">{selectionWords(chosen.size, policies.length, verb)}</Text>
        {/* Its name starts with the words shown (what speech input is told to press). */}
        <Button size="small" aria-expanded={open} aria-label={of ? `${toggleWords} (${of})` : undefined} onClick={() => setOpen(!open)}>
          {toggleWords}
        </Button>
      </div>
      {open ? (
        <>
          <div className={styles.bar}>
            <SearchBox
              placeholder="Filter by name"
              value={filter}
              onChange={(_, data) => {
                setFilter(data.value);
                part.reset();
              }}
              aria-label="Filter the policies"
            />
            <Button size="small" onClick={() => set(new Set(policies.map((p) => p.rowKey)))}>
              All
            </Button>
            <Button size="small" onClick={() => set(new Set())}>
              None
            </Button>
            {/* With a filter, the ones it found are added in one click (the rest of the choice is kept). */}
            {wanted && matching.length > 0 ? (
              <Button
                size="small"
                disabledFocusable={unchosenMatches === 0}
                onClick={() => set(new Set([...chosen, ...matching.map((p) => p.rowKey)]))}
              >
                Add the {countWords(matching.length)} that match
              </Button>
            ) : null}
          </div>
          <div className={styles.list} role="group" aria-label={label}>
            {part.shown.map((policy, index) => (
              <PolicyChoice
                key={policy.rowKey}
                rowKey={policy.rowKey}
                name={policy.name}
                checked={chosen.has(policy.rowKey)}
                onToggle={toggle}
                {...(index === part.firstAdded && { ref: part.addedRef })}
              />
            ))}
            {matching.length === 0 ? <Text>No policy’s name holds “{filter.trim()}”.</Text> : null}
          </div>
          <ShowMore words={shownWords(part.shown.length, matching.length, !!wanted)} left={part.left} onMore={part.showMore} />
        </>
      ) : null}
    </div>
  );
}
