// Two choices for every unresolved reference at once, above the mapping: an import may leave a dozen references
// nothing stands for, each with its own menu. Leaving out their policies changes the choice of policies (Undo puts
// the choice back while nothing else changed it; else each is ticked again under Choose policies…); removing the
// references is each row's "Leave it out", whose widenings still ask to be confirmed. Once used, the buttons stay
// (disabled at none left) so the focus is not dropped.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { droppingAll, unresolvedReferences, withoutUnresolved } from '../../domain/plan/unresolved';
import type { MappingRow } from '../../domain/plan/types';
import { countWords } from '../show-more';
import type { PickedChoices } from './mapping-choices';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Below this many, each row's own menu is choice enough. */
const AT_LEAST = 2;

export interface UnresolvedChoicesProps {
  mapping: readonly MappingRow[];
  /** Every policy's row key, and the choice of them (absent: all). */
  policyKeys: readonly string[];
  selection: readonly string[] | undefined;
  /** A new choice of policies (undefined: all, as it was before Undo). */
  onSelection(selection: readonly string[] | undefined): void;
  onChoose(picked: PickedChoices): void;
}

const sameKeys = (a: readonly string[], b: readonly string[] | undefined) => !!b && a.length === b.length && a.every((k, i) => k === b[i]);

const policies = (n: number) => `${countWords(n)} ${n === 1 ? 'policy' : 'policies'}`;
const references = (n: number) => `${countWords(n)} ${n === 1 ? 'reference' : 'references'}`;

export function UnresolvedChoices({ mapping, policyKeys, selection, onSelection, onChoose }: UnresolvedChoicesProps) {
  const styles = useStyles();
  const unresolved = unresolvedReferences(mapping);
  const [used, setUsed] = useState(false);
  // What the last press did, in words ('leftOut': said from leftOut, with Undo only while it stands).
  const [said, setSaid] = useState('');
  // The choice before the policies were left out, and the one that left them out: Undo stands while it is still in force.
  const [leftOut, setLeftOut] = useState<{ before: readonly string[] | undefined; after: readonly string[]; count: number } | null>(null);
  const leaveOutButton = useRef<HTMLButtonElement>(null);
  if (!used && unresolved.references.length < AT_LEAST) return null;
  const none = unresolved.references.length === 0;
  const canUndo = leftOut !== null && sameKeys(leftOut.after, selection);
  return (
    <div className={styles.bar}>
      <Button
        size="small"
        disabledFocusable={none}
        ref={leaveOutButton}
        onClick={() => {
          const after = withoutUnresolved(policyKeys, selection, unresolved);
          onSelection(after);
          // Pressed again before the plan is made again (the count not yet updated): Undo still goes back to the
          // choice before the first press, not to the one that press made.
          setLeftOut(canUndo ? { ...leftOut, after } : { before: selection, after, count: unresolved.policies.length });
          setUsed(true);
          setSaid('leftOut');
        }}
      >
        Leave out every policy that needs an unresolved reference ({countWords(unresolved.policies.length)})
      </Button>
      {canUndo && (
        <Button
          size="small"
          onClick={() => {
            onSelection(leftOut.before);
            setLeftOut(null);
            setSaid(`${policies(leftOut.count)} chosen again.`);
            // The Undo button goes: the focus stays with the button whose choice it undid.
            leaveOutButton.current?.focus();
          }}
        >
          Undo
        </Button>
      )}
      <Button
        size="small"
        disabledFocusable={none}
        onClick={() => {
          onChoose(droppingAll(unresolved));
          setUsed(true);
          setSaid(
            `${references(unresolved.references.length)} set to be left out of the policies that name them. What that widens asks to be confirmed on its row; to change one, choose otherwise on its row.`,
          );
        }}
      >
        Remove unresolved references from the policies ({countWords(unresolved.references.length)})
      </Button>
      <Text role="status">
        {said === 'leftOut' && leftOut
          ? `${policies(leftOut.count)} left out of the choice. ${canUndo ? `Undo chooses ${leftOut.count === 1 ? 'it' : 'them'} again; to` : 'To'} bring one back, tick it under Choose policies….`
          : said}
      </Text>
    </div>
  );
}
