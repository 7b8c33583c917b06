// Planning a rollout: the rings in order, each an existing group (its members counted) or a new
// assigned group the start creates through the plan's group creation; the gate's thresholds; what
// stops the plan (the first ring holding an emergency account) before anything is kept.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { JsonObject } from '../../domain/json';
import type { EmergencyAccess } from '../../domain/lockout';
import { ringProblems } from '../../domain/rollout/rings';
import {
  DEFAULT_THRESHOLDS,
  newRolloutPlan,
  type GateThresholds,
  type RingGroup,
  type RolloutPlan,
} from '../../domain/rollout/rollout-plan';
import { DirectoryPicker } from '../../session/directory-picker';
import { ThresholdFields } from './threshold-fields';
import { knownMembers, memberWords, useGroupMembers } from './use-group-members';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { LiveStatus } from '../../shared/ui/live-status';
import { useRowStyles } from './styles';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export function RingEditor({
  policy,
  policies,
  emergency,
  now,
  onSave,
  onCancel,
}: {
  policy: JsonObject & { id: string; displayName: string; state: string };
  policies: readonly JsonObject[];
  emergency: EmergencyAccess;
  now: () => Date;
  onSave(plan: RolloutPlan): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const rows = useRowStyles();
  const [groups, setGroups] = useState<RingGroup[]>([]);
  const [newName, setNewName] = useState('');
  const [thresholds, setThresholds] = useState<GateThresholds>(DEFAULT_THRESHOLDS);
  const ringIds = groups.flatMap((g) => (g.id ? [g.id] : []));
  const emergencyIds = emergency.groups.map((g) => g.id);
  const reads = useGroupMembers([...ringIds, ...emergencyIds]);
  const known = knownMembers(reads);
  const withMembers: EmergencyAccess = {
    ...emergency,
    members: emergency.groups.flatMap((group) => (known.get(group.id) ?? []).map((user) => ({ user, group }))),
  };
  const problems = ringProblems(policy, groups, withMembers, known, policies);
  const blockers = problems.filter((p) => p.severity === 'blocker');
  const first = groups[0];
  // The first ring is checked against the emergency groups' members: both must be read first.
  const checking = [first?.id, ...emergencyIds].some((id) => id && reads.get(id)?.status === 'loading');
  // Why the plan cannot be kept: the blockers said above it (named by their ids), or the line below it.
  const shownProblems = problems.filter((problem) => !problem.noRing);
  const blockerIds = shownProblems.flatMap((problem, i) => (problem.severity === 'blocker' ? [`ring-problem-${i}`] : []));
  const whyNotKept =
    groups.length === 0
      ? 'The plan needs at least one ring.'
      : blockers.length > 0 && blockerIds.length === 0
        ? blockers.map((b) => b.text).join(' ')
        : blockers.length === 0 && checking
          ? 'The first ring is being checked for emergency accounts.'
          : null;
  const keepDescribedBy = [...(blockers.length > 0 ? blockerIds : []), ...(whyNotKept ? ['keep-plan-why'] : [])].join(' ') || undefined;

  // Adding, moving or removing a ring disables or removes the button pressed: the keyboard is put,
  // once the rings are drawn again, on what follows from it rather than left on the page's body.
  const section = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // Opened by Plan its rings…, whose button left: the keyboard starts on the editor's heading.
  useLayoutEffect(() => title.current?.focus(), []);
  /** What a ring added, moved or removed did to the rings, said (the focus moves, and what moved is not otherwise heard). */
  const [ringNews, setRingNews] = useState('');
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const selector = focusAfter.current;
    focusAfter.current = null;
    if (selector) section.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [groups]);

  const label = (group: RingGroup | undefined, index: number) => `Ring ${index + 1} (${isolatedText(group?.name ?? '')})`;
  /** A group's name in what is said: its direction controls cannot reorder the words around it. */
  const named = (group: RingGroup | undefined) => isolatedText(group?.name ?? '');
  const move = (index: number, by: number) => {
    const to = index + by;
    setRingNews(`${named(groups[index])} is now ring ${to + 1}; ${named(groups[to])} is ring ${index + 1}.`);
    // The moved ring's button the same way, or its other one when it has reached the end.
    const end = by < 0 ? to === 0 : to === groups.length - 1;
    const way = by < 0 ? (end ? 'down' : 'up') : end ? 'up' : 'down';
    focusAfter.current = `button[aria-label="Move ring ${to + 1} ${way}"]`;
    setGroups((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  };
  const remove = (index: number) => {
    const left = groups.length - 1;
    // The next ring's remove button (the last one's when the last was removed), or the heading when none is left.
    focusAfter.current = left === 0 ? '#ring-editor-title' : `button[aria-label="Remove ring ${Math.min(index, left - 1) + 1}"]`;
    setRingNews(
      `${label(groups[index], index)} removed; ${left === 0 ? 'no ring left' : left === 1 ? '1 ring left' : `${left} rings left`}.`,
    );
    setGroups((current) => current.filter((_, i) => i !== index));
  };

  return (
    <section className={styles.editor} aria-labelledby="ring-editor-title" ref={section}>
      <h2 id="ring-editor-title" className={styles.heading} tabIndex={-1} ref={title}>
        Rings for “<Isolated>{policy.displayName}</Isolated>”
      </h2>
      <Text>
        The policy is put report-only for everyone; a copy named “<Isolated>{policy.displayName}</Isolated> [rollout]” enforces it for the
        first ring, then for each next ring as well. Finishing turns the policy itself on and deletes the copy, so the policy keeps its id
        and history.
      </Text>
      {/* Why a move at an end is off: said with its button only (hidden, a description is still read; never met on its own). */}
      <span id="ring-first-why" hidden>
        The first ring cannot move up.
      </span>
      <span id="ring-last-why" hidden>
        The last ring cannot move down.
      </span>
      {groups.length > 0 ? (
        <TableScroll label="Rings">
          <Table aria-label="Rings" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ring</TableHeaderCell>
                <TableHeaderCell>Group</TableHeaderCell>
                <TableHeaderCell>Members</TableHeaderCell>
                <TableHeaderCell>Order</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((group, index) => (
                <TableRow key={group.id ?? `new:${group.name}`} data-ring={index + 1} tabIndex={-1}>
                  <TableCell>Ring {index + 1}</TableCell>
                  <TableCell>{group.name}</TableCell>
                  <TableCell>{group.id ? memberWords(reads.get(group.id)) : 'New group, created empty by the start'}</TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle"
                      icon={<ArrowUpRegular />}
                      aria-label={`Move ring ${index + 1} up`}
                      // Off at the ends, still reached by Tab and saying why, as the other buttons that are off here.
                      disabledFocusable={index === 0}
                      aria-describedby={index === 0 ? 'ring-first-why' : undefined}
                      onClick={() => move(index, -1)}
                    />
                    <Button
                      appearance="subtle"
                      icon={<ArrowDownRegular />}
                      aria-label={`Move ring ${index + 1} down`}
                      disabledFocusable={index === groups.length - 1}
                      aria-describedby={index === groups.length - 1 ? 'ring-last-why' : undefined}
                      onClick={() => move(index, 1)}
                    />
                    <Button
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={`Remove ring ${index + 1}`}
                      onClick={() => remove(index)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      ) : (
        <Text>No ring yet: add a group for each ring, the smallest and most forgiving first.</Text>
      )}
      <div className={rows.row}>
        <DirectoryPicker
          kind="groups"
          label="Groups for a new ring"
          exclude={ringIds}
          onPick={(entry) => {
            setRingNews(`${isolatedText(entry.displayName)} added as ring ${groups.length + 1}.`);
            setGroups((current) => [...current, { id: entry.id, name: entry.displayName, created: false }]);
          }}
        />
        <Field label="Or a new assigned group, named">
          <Input value={newName} onChange={(_, data) => setNewName(data.value)} />
        </Field>
        <Button
          disabledFocusable={!newName.trim()}
          aria-describedby={newName.trim() ? undefined : 'new-group-why'}
          onClick={() => {
            // The button is disabled once the name is cleared: the keyboard goes to the new ring's row.
            focusAfter.current = `tr[data-ring="${groups.length + 1}"]`;
            setRingNews(`${isolatedText(newName.trim())} added as ring ${groups.length + 1}, a new group created empty by the start.`);
            setGroups((current) => [...current, { id: null, name: newName.trim(), created: true }]);
            setNewName('');
          }}
        >
          Add a new group
        </Button>
        {newName.trim() ? null : <Text id="new-group-why">Name the new group first.</Text>}
      </div>
      <LiveStatus>{ringNews}</LiveStatus>
      <ThresholdFields thresholds={thresholds} onChange={setThresholds} />
      {/* With no ring yet, the line above says what to do: not an error before any input. */}
      {shownProblems.map((problem, i) => (
        <MessageBar key={problem.text} intent={problem.severity === 'blocker' ? 'error' : 'warning'}>
          <MessageBarBody id={`ring-problem-${i}`}>{problem.text}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={rows.row}>
        {/* Off, it stays focusable and says why (the reasons shown above it, or the check under way). */}
        <Button
          appearance="primary"
          disabledFocusable={blockers.length > 0 || checking}
          aria-describedby={keepDescribedBy}
          onClick={() => onSave({ ...newRolloutPlan(policy, groups, now()), thresholds })}
        >
          {checking ? 'Checking the first ring…' : 'Keep this plan'}
        </Button>
        {whyNotKept ? <Text id="keep-plan-why">{whyNotKept}</Text> : null}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
