// The save review's look, shared by its parts (the dialog, the conflict, the lock-out notices, a new policy's view).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useReviewStyles = makeStyles({
  surface: { maxWidth: 'min(1200px, 95vw)', width: '95vw' },
  diff: { height: '50vh' },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  // The dialog scrolls: nothing in it may shrink under its own content (a squeezed warning was drawn
  // over by what follows it, and its button could not be clicked).
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  threeWay: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  halfDiff: { height: '40vh', marginTop: tokens.spacingVerticalXS },
  json: { height: '40vh' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  guardActions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
});
