// The mapping: every object the imported policies name, what this tenant has for it, and the
// admin's choice: use a match, pick another from the tenant's directory, create an empty group, or
// leave it out. Leaving out an exclusion widens a policy, so it asks to be confirmed on its own row.
// Rows that need a decision come first; the rest can be hidden. Words say "this tenant", not "the
// target": templates and restored backups are written into the tenant the admin is in.
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular, PeopleAddRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type Ref } from 'react';
import { kindWords, missingGroupCreates, uncreatableGroups } from '../../domain/plan/mapping';
import { policyWordsOf } from '../../domain/plan/same-names-in-import';
import type { MappingChoice, MappingRow, ProposalStatus, ReferenceUse } from '../../domain/plan/types';
import type { DirectoryKind } from '../../graph/directory';
import { DirectoryPicker } from '../../session/directory-picker';
import type { PickedChoices } from './mapping-choices';
import { TableScroll } from '../../shared/ui/table-scroll';
import { UnseenText } from '../../shared/ui/live-status';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { countWords, rowsWords, ShowMore } from '../show-more';
import { useRevealablePart, type RowRevealer } from './revealable-part';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // An id with no name is one long word: it breaks rather than widen its column past the window. The
  // columns of words keep a width their words fit in when the table scrolls (it lays out by content).
  source: { minWidth: '9rem' },
  uses: { minWidth: '10rem' },
  label: { overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  exclusion: { fontWeight: tokens.fontWeightSemibold },
  problem: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  blocker: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  // The table scrolls when the window is narrow: the choice keeps a width its options can be read in.
  dropdown: { minWidth: '220px', maxWidth: '320px' },
});

const STATUS: Record<ProposalStatus, { label: string; color: 'success' | 'informative' | 'warning' | 'danger' | 'subtle' }> = {
  same: { label: 'Same', color: 'success' },
  match: { label: 'Matched', color: 'informative' },
  planned: { label: 'In the plan', color: 'informative' },
  ambiguous: { label: 'Ambiguous', color: 'warning' },
  none: { label: 'Not found', color: 'danger' },
  gone: { label: 'Gone in the source', color: 'subtle' },
};

/** Kinds the admin can pick from the tenant's directory (a workload identity's object id is not what the search gives). */
const PICKABLE: Partial<Record<MappingRow['kind'], DirectoryKind>> = {
  user: 'users',
  group: 'groups',
  role: 'roles',
  application: 'servicePrincipals',
  namedLocation: 'namedLocations',
};

const needsAttention = (row: MappingRow) => row.problems.length > 0 || row.status === 'ambiguous' || row.status === 'none' || row.chosen;

const choiceValue = (choice: MappingChoice | null) =>
  !choice ? '' : choice.action === 'use' ? `use:${choice.targetId}` : choice.action === 'create' ? 'create' : 'drop';

export interface MappingTableProps {
  rows: MappingRow[];
  /** The heading of the source's column: "In the import", "In the templates". */
  sourceLabel: string;
  targetName: string;
  confirmed: ReadonlySet<string>;
  /** Sets the choices of many references in one update (one row's, or every missing group's); null goes back to the proposal. */
  onChoose(picked: PickedChoices): void;
  onConfirm(confirmKey: string, confirmed: boolean): void;
  /** The id a row's choice gets, so what blocks applying can lead the focus to it. */
  anchorId?(rowKey: string): string;
  /** Draws the rows up to one of them, for a link that leads to its choice (the row may be past the rows drawn). */
  revealRef?: Ref<RowRevealer>;
}

const keyOf = (row: MappingRow) => row.key;

/** The uses a row lists: all of a usual import's; a reference that thousands of policies name lists the first few and a count. */
const USES_LISTED = 10;
const shownUses = (uses: readonly ReferenceUse[]) => (uses.length > USES_LISTED + 2 ? uses.slice(0, USES_LISTED) : uses);

const groups = (count: number) => (count === 1 ? '1 group' : `${countWords(count)} groups`);

/** Said of the groups Create every missing group does not create, their names not being in the import. */
const leftToChoose = (count: number) =>
  count === 1
    ? '1 group is left to choose on its row: its name is not in the import, so it cannot be created.'
    : `${countWords(count)} groups are left to choose on their rows: their names are not in the import, so they cannot be created.`;

export function MappingTable({ rows, sourceLabel, targetName, confirmed, onChoose, onConfirm, anchorId, revealRef }: MappingTableProps) {
  const styles = useStyles();
  const ids = useId();
  const [all, setAll] = useState(false);
  // Objects the plan itself creates are rows of the plan, never listed here: not counted either.
  const mappable = rows.filter((row) => row.status !== 'planned');
  const attention = mappable.filter(needsAttention);
  const listed = all ? mappable : attention;
  // A file of thousands of policies may name thousands of objects: a hundred rows at a time, as the plan's rows.
  const { shown, left, firstAdded, addedRef, showMore } = useRevealablePart<MappingRow, HTMLTableRowElement>(listed, keyOf, revealRef);

  // Every group nothing stands for, created in one action: an export (IntuneManagement's) may name dozens.
  const creates = missingGroupCreates(rows);
  const missing = Object.keys(creates).length;
  const unnamed = uncreatableGroups(rows);
  // Once used, the button stays (disabled at 0) so the keyboard's focus is not dropped with it.
  const [createdSome, setCreatedSome] = useState(false);
  // What those rows held before (one snapshot), for Undo; offered while every one of them still says create.
  const [before, setBefore] = useState<PickedChoices | null>(null);
  const [said, setSaid] = useState('');
  const createButton = useRef<HTMLButtonElement>(null);
  const noneMissingId = `${ids}-none-missing`;
  const unnamedId = `${ids}-unnamed`;
  const describedBy = unnamed > 0 ? unnamedId : missing === 0 ? noneMissingId : null;
  // Two references of the same name (a user and a group, two groups of one name) get names told apart by kind and id.
  const named = new Map<string, number>();
  for (const row of rows) named.set(row.sourceName ?? row.sourceValue, (named.get(row.sourceName ?? row.sourceValue) ?? 0) + 1);
  const nameOf = (row: MappingRow) => {
    const label = row.sourceName ?? row.sourceValue;
    return (named.get(label) ?? 0) > 1 ? `${label} (${kindWords(row)} ${row.sourceValue})` : label;
  };
  const choiceOf = new Map(rows.map((row) => [row.key, row.choice]));
  const undoable = before !== null && Object.keys(before).every((key) => choiceOf.get(key)?.action === 'create');

  const createMissing = () => {
    setBefore(Object.fromEntries(Object.keys(creates).map((key) => [key, rows.find((r) => r.key === key && r.chosen)?.choice ?? null])));
    onChoose(creates);
    setCreatedSome(true);
    setSaid(
      `${groups(missing)} set to be created empty. To change one, choose otherwise on its row.${unnamed > 0 ? ` ${leftToChoose(unnamed)}` : ''}`,
    );
  };
  const undo = () => {
    onChoose(before!);
    setSaid(`Undone: ${groups(Object.keys(before!).length)} no longer set to be created.`);
    setBefore(null);
    // The Undo button goes away; the action it undid takes the focus back.
    createButton.current?.focus();
  };

  return (
    <div className={styles.wrap}>
      <div className={styles.toolbar}>
        <Switch
          checked={all}
          onChange={(_, data) => setAll(data.checked)}
          label={`Show all ${countWords(mappable.length)} references (${countWords(attention.length)} need a look)`}
        />
        {missing > 0 || createdSome ? (
          <Button
            ref={createButton}
            size="small"
            icon={<PeopleAddRegular />}
            disabledFocusable={missing === 0}
            {...(describedBy && { 'aria-describedby': describedBy })}
            onClick={createMissing}
          >
            Create every missing group ({countWords(missing)})
          </Button>
        ) : null}
        {missing === 0 && createdSome && unnamed === 0 ? (
          <UnseenText id={noneMissingId}>No group is missing: each is matched, chosen on its row, or set to be created.</UnseenText>
        ) : null}
        {(missing > 0 || createdSome) && unnamed > 0 ? (
          <Text id={unnamedId} size={200}>
            {leftToChoose(unnamed)}
          </Text>
        ) : null}
        {undoable ? (
          <Button size="small" icon={<ArrowUndoRegular />} aria-label="Undo creating every missing group" onClick={undo}>
            Undo
          </Button>
        ) : null}
        <Text role="status">{said}</Text>
      </div>
      {shown.length === 0 ? (
        <Text>Every reference maps to the same or a matching object in {targetName}.</Text>
      ) : (
        <TableScroll label="How references map to this tenant">
          <Table aria-label="How references map to this tenant" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{sourceLabel}</TableHeaderCell>
                <TableHeaderCell>Used in</TableHeaderCell>
                <TableHeaderCell>Proposal</TableHeaderCell>
                <TableHeaderCell>In this tenant</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((row, index) => {
                const label = row.sourceName ?? row.sourceValue;
                const name = nameOf(row);
                const options = [
                  ...row.candidates.map((c) => ({
                    value: `use:${c.id}`,
                    text: `${isolatedText(c.displayName)}${c.userPrincipalName ? ` (${isolatedText(c.userPrincipalName)})` : ''}`,
                    // Typing a name's first letters finds it: Fluent matches what the option's text starts with.
                    plain: `${c.displayName}${c.userPrincipalName ? ` (${c.userPrincipalName})` : ''}`,
                    choice: { action: 'use', targetId: c.id, targetName: c.displayName } as MappingChoice,
                  })),
                  ...(row.choice?.action === 'use' && !row.candidates.some((c) => c.id === (row.choice as { targetId: string }).targetId)
                    ? [
                        {
                          value: choiceValue(row.choice),
                          text:
                            row.choice.targetId === row.sourceValue
                              ? `${isolatedText(row.choice.targetName)} (the same id)`
                              : isolatedText(row.choice.targetName),
                          choice: row.choice,
                        },
                      ]
                    : []),
                  ...(row.canCreate
                    ? [{ value: 'create', text: 'Create an empty group of this name', choice: { action: 'create' } as MappingChoice }]
                    : []),
                  { value: 'drop', text: 'Leave it out', choice: { action: 'drop' } as MappingChoice },
                ];
                const current = options.find((o) => o.value === choiceValue(row.choice));
                // The choice is described by what it causes; an exclusion left out unconfirmed makes it invalid.
                const problemId = (i: number) => `${ids}-${index}-problem-${i}`;
                const invalid = row.problems.some((p) => p.severity === 'blocker' && !p.confirmed);
                const widened = [...new Set(row.uses.filter((u) => u.exclusion).map(policyWordsOf))].join(', ');
                return (
                  <TableRow key={row.key} {...(index === firstAdded && { ref: addedRef, tabIndex: -1 })}>
                    <TableCell className={styles.source}>
                      <Text weight="semibold" className={styles.label}>
                        <Isolated>{label}</Isolated>
                      </Text>
                      <br />
                      <Text size={200} className={styles.detail}>
                        {kindWords(row)}
                        {row.sourceDetail ? ` · ${row.sourceDetail}` : ''}
                        {row.sourceName ? ` · ${row.sourceValue}` : ''}
                      </Text>
                    </TableCell>
                    <TableCell className={styles.uses}>
                      {shownUses(row.uses).map((use) => (
                        <Text key={`${use.rowKey}:${use.place}`} size={200} className={use.exclusion ? styles.exclusion : undefined} block>
                          <Isolated>{use.policyName}</Isolated>
                          {/* Two policies of the import share this name: the file tells them apart. */}
                          {use.file ? (
                            <>
                              {' '}
                              (from <Isolated>{use.file}</Isolated>)
                            </>
                          ) : null}
                          : {use.place}
                        </Text>
                      ))}
                      {row.uses.length > shownUses(row.uses).length ? (
                        <Text size={200} block>
                          and {(row.uses.length - shownUses(row.uses).length).toLocaleString('en-US')} more uses
                        </Text>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={STATUS[row.status].color}>
                        {STATUS[row.status].label}
                      </Badge>
                      <Text size={200} block>
                        {row.why}
                      </Text>
                    </TableCell>
                    <TableCell>
                      <Dropdown
                        className={styles.dropdown}
                        {...(anchorId && { id: anchorId(row.key) })}
                        aria-label={`In this tenant, ${isolatedText(name)} becomes`}
                        {...(row.problems.length > 0 && { 'aria-describedby': row.problems.map((_, i) => problemId(i)).join(' ') })}
                        {...(invalid && { 'aria-invalid': true })}
                        placeholder="Choose…"
                        value={current?.text ?? ''}
                        selectedOptions={current ? [current.value] : []}
                        onOptionSelect={(_, data) => {
                          const picked = options.find((o) => o.value === data.optionValue);
                          if (picked) onChoose({ [row.key]: picked.choice });
                        }}
                      >
                        {options.map((option) => (
                          <Option key={option.value} value={option.value} text={'plain' in option ? option.plain : option.text}>
                            {option.text}
                          </Option>
                        ))}
                      </Dropdown>
                      {PICKABLE[row.kind] ? (
                        <DirectoryPicker
                          className={styles.dropdown}
                          kind={PICKABLE[row.kind]!}
                          label={`Pick another for ${isolatedText(name)}`}
                          placeholder="Search this tenant…"
                          onPick={(entry) => {
                            onChoose({ [row.key]: { action: 'use', targetId: entry.id, targetName: entry.displayName } });
                            // The search empties and keeps the focus: what it chose is said, as the row's choice shows it.
                            setSaid(`${isolatedText(name)} becomes ${isolatedText(entry.displayName)} in this tenant.`);
                          }}
                        />
                      ) : null}
                      {/* In the cell before a choice puts words in it, so what the choice causes is said when it appears. */}
                      <div aria-live="polite">
                        {row.problems.map((problem, i) => (
                          <div key={problem.text}>
                            <Text
                              id={problemId(i)}
                              className={mergeClasses(
                                styles.problem,
                                problem.severity === 'blocker' && !problem.confirmed ? styles.blocker : styles.warning,
                              )}
                            >
                              {problem.text}
                            </Text>
                            {problem.confirmKey ? (
                              <Checkbox
                                checked={confirmed.has(problem.confirmKey)}
                                onChange={(_, data) => onConfirm(problem.confirmKey!, !!data.checked)}
                                label="I understand: leave it out"
                                // Named by what it leaves out and where: one row's box is told from another's.
                                aria-label={`I understand: leave it out (the ${kindWords(row)} '${isolatedText(label)}'${name === label ? '' : ` ${row.sourceValue}`}, which widens ${widened})`}
                              />
                            ) : null}
                          </div>
                        ))}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      <ShowMore words={rowsWords(shown.length, listed.length)} left={left} onMore={showMore} />
    </div>
  );
}
