// One row of the policies grid. Searching mounts a new set of rows at each keystroke, so a row is
// kept light: its classes come from the grid (a makeStyles hook in each row and cell would make
// Griffel walk its rules again at every mount), and its name and state are a plain link and a
// plain badge styled as Fluent's Link and tint Badge (whose hooks walk a hundred rules per mount).
import {
  createCustomFocusIndicatorStyle,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { memo, type ReactNode } from 'react';
import { formatDate } from '../../shared/ui/format';
import { HoverTooltip } from '../../shared/ui/hover-tooltip';
import { stateLabels } from '../../domain/labels';
import { describeFindings, type PolicyFindings } from '../../policy-ui/lint-summary';
import { paths } from '../../shared/routes/paths';
import type { PolicyRow } from './policy-rows';
import { directionOf } from '../../shared/ui/cut-text';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

/** The classes of a row and its cells: the grid calls this once and hands them to every row. */
export const useRowStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'var(--policies-grid-columns)',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  cell: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    // No overflow clip of its own: the texts inside clip themselves (cellText) and the focus ring
    // is drawn inside, so a clip per cell was only more for each keystroke's frame to paint.
    ...createFocusOutlineStyle({ style: { outlineOffset: '-2px' } }),
  },
  // As Fluent's Link looks: brand colour, underlined on hover, a double underline when focused.
  name: {
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'none',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':active': { color: tokens.colorBrandForegroundLinkPressed, textDecorationLine: 'underline' },
    ':focus': { outlineStyle: 'none' },
    ...createCustomFocusIndicatorStyle({
      textDecorationColor: tokens.colorStrokeFocus2,
      textDecorationLine: 'underline',
      textDecorationStyle: 'double',
    }),
  },
  nameCell: { display: 'flex', flexDirection: 'column', minWidth: 0, paddingBlock: tokens.spacingVerticalXXS },
  // Fluent's Badge, medium, rounded, tint: the border drawn over it so that it takes no room.
  state: {
    position: 'relative',
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    ...typographyStyles.caption1Strong,
    height: '20px',
    minWidth: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusMedium,
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
      ...shorthands.borderStyle('solid'),
      ...shorthands.borderColor('inherit'),
      ...shorthands.borderWidth(tokens.strokeWidthThin),
      borderRadius: 'inherit',
    },
  },
  enabled: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  enabledForReportingButNotEnforced: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  disabled: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  muted: { color: tokens.colorNeutralForeground3 },
  hint: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  // A small dotted ring (3:1 against the row, as a meaningful graphic needs): one shared class.
  pending: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    // Still, not spinning: thirty spinners at once start thirty animations (each an event the page
    // handles) just as the names arrive; the status above the grid says they are on their way.
    border: `2px dotted ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusCircular,
  },
  warning: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  findings: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  findingError: { color: tokens.colorPaletteRedForeground1 },
  findingWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  findingInfo: { color: tokens.colorNeutralForeground3 },
});

export type RowClasses = ReturnType<typeof useRowStyles>;

/** The attributes that place a focusable element in the grid's keyboard model. */
export const focusAttributes = (row: number, col: number, active: boolean) => ({
  'data-row': row,
  'data-col': col,
  tabIndex: active ? 0 : -1,
});

/** What names a row to the grid's tooltip while lists are made anew (names arriving, a refresh). */
export const keyOfRow = (row: PolicyRow) => row.id;

/** A cell's text that its column may cut, as the row shows it: the grid's tooltip shows it whole (cut-text-tip). */
export function wholeText(row: PolicyRow, col: number): string | undefined {
  const texts = [isolatedText(row.name), undefined, undefined, row.users, row.targets, row.grant, row.session];
  return texts[col] || undefined;
}

/** Text cut to its cell; the grid shows it whole when the cell is focused or hovered (data-clip, cut-text-tip). */
function Truncated({ text, pending, classes }: { text: string; pending?: boolean; classes: RowClasses }) {
  if (!text) return <span className={classes.muted}>—</span>;
  return (
    <span className={classes.cellText} data-clip="">
      {text}
      {pending && <span role="img" aria-label="Resolving names" className={classes.pending} />}
    </span>
  );
}

/** The count of a policy's findings, with the worst severity's icon; "…" until the lint is in. */
function FindingsCount({ findings, classes }: { findings: PolicyFindings | undefined; classes: RowClasses }) {
  if (!findings) return <span className={classes.muted}>…</span>;
  const words = describeFindings(findings);
  if (findings.count === 0)
    return (
      <span className={classes.muted} role="img" aria-label={words}>
        —
      </span>
    );
  const [Icon, className] =
    findings.worst === 'error'
      ? [ErrorCircleRegular, classes.findingError]
      : findings.worst === 'warning'
        ? [WarningRegular, classes.findingWarning]
        : [InfoRegular, classes.findingInfo];
  return (
    <HoverTooltip content={words} relationship="description" withArrow>
      {(arm) => (
        <span className={classes.findings} role="img" aria-label={words} {...arm}>
          <Icon className={className} aria-hidden />
          {findings.count}
        </span>
      )}
    </HoverTooltip>
  );
}

interface RowProps {
  row: PolicyRow;
  /** Undefined until the lint is in. */
  findings: PolicyFindings | undefined;
  index: number;
  top: number;
  height: number;
  /** The column holding the grid's tab stop, when this row holds it. */
  activeCol: number | null;
  classes: RowClasses;
  onOpen(row: PolicyRow): void;
}

// Memoised: a keystroke or a scroll redraws only rows whose data or position changed.
export const GridRow = memo(function GridRow({ row, findings, index, top, height, activeCol, classes, onOpen }: RowProps) {
  const cell = (col: number, content: ReactNode) => (
    <div role="gridcell" className={classes.cell} {...focusAttributes(index, col, activeCol === col)}>
      {content}
    </div>
  );
  const missing = `Refers to ${row.missingReferences} deleted object${row.missingReferences === 1 ? '' : 's'}`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={mergeClasses(classes.row, classes.bodyRow)}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className={classes.cell}>
        <div className={classes.nameCell}>
          {/* data-clip: the grid shows the whole name beside it when the column cuts it (cut-text-tip). */}
          {/* dir: a name that starts in Hebrew is cut at its logical end (the left), not at its first word. */}
          <span className={classes.cellText} data-clip="" dir={directionOf(row.name)}>
            <a
              className={classes.name}
              href={paths.policy(row.id)}
              {...focusAttributes(index, 0, activeCol === 0)}
              onClick={(event) => {
                // A modified click opens a new tab, as links do.
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                onOpen(row);
              }}
            >
              <Isolated>{row.name}</Isolated>
            </a>
            {row.missingReferences > 0 && (
              <HoverTooltip content={missing} relationship="label" withArrow>
                {(arm) => <WarningRegular role="img" aria-label={missing} className={classes.warning} {...arm} />}
              </HoverTooltip>
            )}
          </span>
          {row.matchHint && (
            <span className={mergeClasses(classes.muted, classes.hint, classes.cellText)} title={row.matchHint}>
              {row.matchHint}
            </span>
          )}
        </div>
      </div>
      {cell(
        1,
        <span className={mergeClasses(classes.state, classes[row.state] ?? classes.disabled)}>{stateLabels[row.state] ?? row.state}</span>,
      )}
      {cell(2, <FindingsCount findings={findings} classes={classes} />)}
      {cell(3, <Truncated text={row.users} pending={row.pending} classes={classes} />)}
      {cell(4, <Truncated text={row.targets} pending={row.pending} classes={classes} />)}
      {cell(5, <Truncated text={row.grant} classes={classes} />)}
      {cell(6, <Truncated text={row.session} classes={classes} />)}
      {cell(7, <span className={classes.cellText}>{formatDate(row.modified)}</span>)}
    </div>
  );
});
