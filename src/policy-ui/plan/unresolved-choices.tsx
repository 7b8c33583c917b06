// Two choices for every unresolved reference at once, above the mapping: an import may leave a dozen references
// nothing stands for, each with its own menu. Leaving out their policies changes the choice of policies (ticked
// again under Choose policies… to bring one back); removing the references is each row's "Leave it out", whose
// widenings still ask to be confirmed. Once used, the buttons stay (disabled at none left) so the focus is not dropped.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
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
  onSelection(selection: readonly string[]): void;
  onChoose(picked: PickedChoices): void;
}

const policies = (n: number) => `${countWords(n)} ${n === 1 ? 'policy' : 'policies'}`;
const references = (n: number) => `${countWords(n)} ${n === 1 ? 'reference' : 'references'}`;

export function UnresolvedChoices({ mapping, policyKeys, selection, onSelection, onChoose }: UnresolvedChoicesProps) {
  const styles = useStyles();
  const unresolved = unresolvedReferences(mapping);
  const [used, setUsed] = useState(false);
  const [said, setSaid] = useState('');
  if (!used && unresolved.references.length < AT_LEAST) return null;
  const none = unresolved.references.length === 0;
  return (
    <div className={styles.bar}>
      <Button
        size="small"
        disabledFocusable={none}
        onClick={() => {
          onSelection(withoutUnresolved(policyKeys, selection, unresolved));
          setUsed(true);
          setSaid(
            `${policies(unresolved.policies.length)} left out of the choice. To bring one back, tick it again under Choose policies….`,
          );
        }}
      >
        Leave out every policy that needs an unresolved reference ({countWords(unresolved.policies.length)})
      </Button>
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
      <Text role="status">{said}</Text>
    </div>
  );
}
