// A table too wide for a phone: below SMALL each row's cells stack one under the other, each saying
// its column's name (a `cellLabel` span, hidden on wider windows), so the row's actions are on the
// screen rather than past the edge of a box scrolled sideways. With a selection column, the check box
// stays beside the stacked cells.
import { makeStyles, tokens } from '@fluentui/react-components';
import { SMALL } from './media';

export const useStackedTableStyles = makeStyles({
  stacked: {
    [SMALL]: {
      display: 'block',
      '& thead': { display: 'none' },
      '& tbody, & tr': { display: 'block' },
      '& tr': { paddingBlock: tokens.spacingVerticalXS },
      '& tr > *': { display: 'block', height: 'auto', paddingBlock: tokens.spacingVerticalXXS },
    },
  },
  withSelection: {
    [SMALL]: {
      display: 'block',
      '& thead, & tbody': { display: 'block' },
      '& tr': { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', alignItems: 'center', paddingBlock: tokens.spacingVerticalXS },
      '& tr > *': { display: 'block', gridColumn: '2', height: 'auto', paddingBlock: tokens.spacingVerticalXXS },
      '& tr > :first-child': { gridColumn: '1', gridRow: 'span 6', alignSelf: 'start' },
      // The header keeps its "select all" box; each cell says its column's name instead.
      '& thead tr > :nth-child(n+3)': { display: 'none' },
    },
  },
  cellLabel: { display: 'none', [SMALL]: { display: 'inline', color: tokens.colorNeutralForeground3 } },
});
