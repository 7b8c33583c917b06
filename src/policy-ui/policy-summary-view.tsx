// The plain-language summary: one card per section, names in place of ids, deleted objects flagged.
import { Card, CardHeader, makeStyles, mergeClasses, Tag, TagGroup, Text, tokens, Tooltip } from '@fluentui/react-components';
import type { NameRef, SummarySection } from '../domain/describe-policy';

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

function Value({ value }: { value: NameRef }) {
  const styles = useStyles();
  const detail = value.missing
    ? `No object with id ${value.id} exists any more`
    : (value.detail ?? (value.kind === 'special' ? undefined : value.id));
  const tag = (
    <Tag
      size="small"
      appearance={value.missing ? 'outline' : 'brand'}
      className={mergeClasses(styles.tag, value.missing && styles.missing, value.pending && styles.mono)}
    >
      {value.label}
      {value.missing && <span className={styles.mono}> ({value.id})</span>}
    </Tag>
  );
  return detail ? (
    <Tooltip content={detail} relationship="description">
      {tag}
    </Tooltip>
  ) : (
    tag
  );
}

export function PolicySummaryView({ sections }: { sections: SummarySection[] }) {
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
                    <Value key={value.id} value={value} />
                  ))}
                </TagGroup>
              )}
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}
