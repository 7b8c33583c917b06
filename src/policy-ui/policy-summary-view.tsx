// The plain-language summary: one card per section, names in place of ids, deleted objects flagged.
import { Card, CardHeader, makeStyles, mergeClasses, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import { describePolicy, type NameRef, type SummarySection } from '../domain/describe-policy';
import type { NameDirectory } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { HoverTooltip, type TooltipArm } from '../shared/ui/hover-tooltip';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: tokens.spacingHorizontalL },
  line: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textTransform: 'uppercase', letterSpacing: '0.04em' },
  missing: { color: tokens.colorPaletteRedForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Long names wrap inside the card instead of running out of it.
  tag: {
    height: 'auto',
    minHeight: '24px',
    maxWidth: '100%',
    textAlign: 'left',
    '& span': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  },
});

function Value({ value, styles }: { value: NameRef; styles: ReturnType<typeof useStyles> }) {
  const detail = value.missing
    ? `No object with id ${value.id} exists any more`
    : (value.detail ?? (value.kind === 'special' ? undefined : value.id));
  const tag = (arm: TooltipArm) => (
    <Tag
      size="small"
      appearance={value.missing ? 'outline' : 'brand'}
      className={mergeClasses(styles.tag, value.missing && styles.missing, value.pending && styles.mono)}
      {...arm}
    >
      {value.label}
      {value.missing && <span className={styles.mono}> ({value.id})</span>}
    </Tag>
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
                  {line.text}
                </Text>
              ) : (
                <TagGroup aria-label={`${section.title}: ${line.label}`} style={{ flexWrap: 'wrap', gap: tokens.spacingHorizontalXS }}>
                  {line.values.map((value) => (
                    <Value key={value.id} value={value} styles={styles} />
                  ))}
                </TagGroup>
              )}
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
});
