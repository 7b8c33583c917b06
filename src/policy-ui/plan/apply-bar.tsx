// A plan's Apply, and why it cannot yet: what blocks it (with a way to the list), or the plan of the admin's last
// choice still being made.
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function ApplyBar({
  writes,
  targetName,
  blockers,
  blockersId,
  listedBlockerIds,
  planning,
  onApply,
}: {
  /** How many writes the plan makes. */
  writes: number;
  targetName: string;
  /** How many things block applying; the list of them is `blockersId`, its items listed `listedBlockerIds`. */
  blockers: number;
  blockersId: string;
  listedBlockerIds: readonly string[];
  /** The plan is being made again for a choice: the one shown is the one before it. */
  planning: boolean;
  onApply(): void;
}) {
  const styles = useStyles();
  const ids = useId();
  const reasonId = `${ids}-apply-reason`;
  const waitId = `${ids}-apply-wait`;
  const write = useWriteAccess();
  const blocked = blockers > 0;
  return (
    <div className={styles.actions}>
      <WriteAccessTooltip access={write}>
        {/* Focusable while it cannot act, described by why: a keyboard reaches it and hears what to do first. The
            description points at each blocker (the list's own label would be read instead of its items), and is
            left out, not undefined, when nothing blocks: the write-access tooltip's own stays. */}
        {/* While the plan is made again for a choice, the plan shown is the one before it: applying it would write what
            the admin just changed (a state, a skip). It waits for the plan of the last choice. */}
        <Button
          appearance="primary"
          disabledFocusable={!write.allowed || blocked || writes === 0 || planning}
          {...(planning ? { 'aria-describedby': waitId } : blocked && { 'aria-describedby': [reasonId, ...listedBlockerIds].join(' ') })}
          onClick={() => {
            if (!planning) onApply();
          }}
        >
          {writes === 0 ? 'Nothing to write' : `Apply: ${writes} change${writes === 1 ? '' : 's'} to ${targetName}…`}
        </Button>
      </WriteAccessTooltip>
      {planning ? <Text id={waitId}>Wait for the plan of your last choice.</Text> : null}
      {blocked ? (
        <>
          <Text id={reasonId}>Not ready: {blockers === 1 ? 'one thing blocks' : `${blockers} things block`} applying.</Text>
          <Link as="button" onClick={() => document.getElementById(blockersId)?.focus()}>
            Go to what blocks applying
          </Link>
        </>
      ) : null}
    </div>
  );
}
