// Styles the rollout feature's parts share.
import { makeStyles, tokens } from '@fluentui/react-components';

/** A row of controls (buttons, a field and its button), wrapping on a narrow screen, aligned on their bottoms. */
export const useRowStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});
