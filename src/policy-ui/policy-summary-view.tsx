// The plain-language summary: one card per section, names in place of ids, deleted objects flagged.
import { Card, CardHeader, makeStyles, mergeClasses, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import { describePolicy, type NameRef, type SummarySection } from '../domain/describe-policy';
import type { NameDirectory } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { HoverTooltip, type TooltipArm } from '../shared/ui/hover-tooltip';
import { Isolated } from '../shared/ui/isolated-text';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))', gap: tokens.spacingHorizontalL },
  line: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textTransform: 'uppercase', letterSpacing: '0.04em' },
  missing: { color: tokens.colorPaletteRedForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  names: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  // A name drawn as Fluent's small brand Tag, in a plain list item: a large policy names hundreds of
  // objects, and Tag's hooks cost about a millisecond each. Long names wrap inside the card.
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    minHeight: '24px',
    maxWidth: '100%',
    padding: '0 7px',
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...typographyStyles.caption1,
    textAlign: 'left',
    overflowWrap: 'anywhere',
  },
  // Fluent's outline Tag, for an object that no longer exists.
  tagMissing: { backgroundColor: tokens.colorSubtleBackground, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

function Value({ value, styles }: { value: NameRef; styles: ReturnType<typeof useStyles> }) {
  const detail = value.elsewhere
    ? `No object with id ${value.id} in this tenant`
    : value.missing
      ? `No object with id ${value.id} exists any more`
      : (value.detail ?? (value.kind === 'special' ? undefined : value.id));
  const tag = (arm: TooltipArm) => (
    <li
      className={mergeClasses(
        styles.tag,
        value.missing && styles.tagMissing,
        value.missing && styles.missing,
        value.pending && styles.mono,
      )}
      {...arm}
    >
      <span>
        <Isolated>{value.label}</Isolated>
        {value.missing && <span className={styles.mono}> ({value.id})</span>}
      </span>
    </li>
  );
  // Mounted on hover: a policy of a few hundred users drew as many tooltips, at each keystroke in the editor.
  return detail ? (
    <HoverTooltip content={detail} relationship="description">
      {tag}
    </HoverTooltip>
  ) : (
    tag({})
  );
}

/**
 * The summary of a policy that changes at each keystroke (the editor's draft): a keystroke that
 * changes nothing the summary shows keeps the sections' object, so the memoised view is not drawn
 * again (a policy of 560 users drew 560 tags at each keystroke).
 */
export function useLiveSummary(policy: ConditionalAccessPolicy | null, names: NameDirectory | undefined): SummarySection[] | null {
  const sections = useMemo(() => (policy ? describePolicy(policy, names) : null), [policy, names]);
  const json = useMemo(() => JSON.stringify(sections), [sections]);
  const [kept, setKept] = useState({ json, sections });
  if (kept.json !== json) setKept({ json, sections });
  return kept.json === json ? kept.sections : sections;
}

/** Memoised: drawn again only when its sections change (see useLiveSummary). */
export const PolicySummaryView = memo(function PolicySummaryView({ sections }: { sections: SummarySection[] }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {sections.map((section) => (
        <Card key={section.title} role="region" aria-label={section.title}>
          <CardHeader header={<h2 className={styles.sectionTitle}>{section.title}</h2>} />
          {section.lines.map((line, index) => (
            <div key={`${line.label}-${index}`} className={styles.line}>
              <Text className={styles.label}>{line.label}</Text>
              {line.text !== undefined ? (
                <Text className={/[=()"]|-eq|-ne/.test(line.text) && line.text.includes('device.') ? styles.mono : undefined}>
                  <Isolated>{line.text}</Isolated>
                </Text>
              ) : (
                <ul className={styles.names} aria-label={`${section.title}: ${line.label}`}>
                  {line.values.map((value) => (
                    <Value key={value.id} value={value} styles={styles} />
                  ))}
                </ul>
              )}
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
});
