// The Object cell of a plan's tables: the object's name on one line above its kind. Laid out by content, the
// column was as narrow as its longest word whenever another column had long words ("Fault A" on two lines);
// a name now keeps its line up to a width that leaves the other columns room, and past it ends in … with the
// whole name on hover or keyboard focus.
import { makeStyles, Text } from '@fluentui/react-components';
import type { PlanRowKind } from '../../domain/plan/types';
import { CutText } from '../../shared/ui/cut-text';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  // A share of the window rather than of the table: the table's width comes from its columns.
  name: { maxWidth: 'min(28rem, 30vw)' },
  kind: { display: 'block', whiteSpace: 'nowrap' },
});

export const KIND_LABELS: Record<PlanRowKind, string> = {
  group: 'Group',
  namedLocation: 'Named location',
  authenticationStrength: 'Authentication strength',
  authenticationContext: 'Authentication context',
  policy: 'Policy',
};

export function ObjectCell({ name, kind }: { name: string; kind: PlanRowKind }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">
        <CutText className={styles.name} text={name}>
          <Isolated>{name}</Isolated>
        </CutText>
      </Text>
      <Text size={200} className={styles.kind}>
        {KIND_LABELS[kind]}
      </Text>
    </>
  );
}
