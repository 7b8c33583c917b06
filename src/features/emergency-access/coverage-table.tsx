// The check as a table: a row per policy (findings first, worst first), its verdict, a column per
// emergency account saying how the policy treats it, and a box to choose the policy for the fix.
import {
  Badge,
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Coverage, EmergencySubject, PolicyCoverage, Severity } from '../../domain/emergency/exclusion-analysis';
import { StateBadge } from '../../policy-ui/state-badge';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { TableScroll } from '../../shared/ui/table-scroll';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  name: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const SEVERITY_COLOR = { critical: 'danger', high: 'warning', low: 'informative' } as const;
const SEVERITY_WORD: Record<Severity, string> = { critical: 'Critical', high: 'High', low: 'Low' };
const RANK = { critical: 0, high: 1, low: 2 } as const;

/** A policy's verdict in words, as the table and its tests read it. */
export function verdictOf(row: PolicyCoverage): string {
  if (row.worst) {
    // Report-only and Off policies are graded by what they will do once enabled.
    const when = row.state === 'enabled' ? '' : row.state === 'disabled' ? ' when turned on (Off now)' : ' when enabled (report-only now)';
    return `${SEVERITY_WORD[row.worst]}${when}`;
  }
  if (row.targeted) return 'Deliberate: written for the emergency accounts';
  return Object.values(row.coverage).some((c) => c.kind === 'excluded') ? 'Excluded' : 'Out of scope';
}

function CoverageCell({ coverage }: { coverage: Coverage | undefined }) {
  const styles = useStyles();
  if (!coverage) return null;
  switch (coverage.kind) {
    case 'excluded':
      return <Text>Excluded {coverage.via}</Text>;
    case 'outOfScope':
      return <Text>Out of scope. {coverage.why}</Text>;
    case 'targeted':
      return <Text>Deliberate. {coverage.why}</Text>;
    case 'affected':
      return (
        <div className={styles.cell}>
          <Text weight="semibold">Affected</Text>
          <Text>
            Reached through {coverage.reach}; it {coverage.effect}.
          </Text>
        </div>
      );
  }
}

export interface CoverageTableProps {
  rows: PolicyCoverage[];
  subjects: EmergencySubject[];
  chosen: ReadonlySet<string>;
  onChoose(id: string, yes: boolean): void;
}

export function CoverageTable({ rows, subjects, chosen, onChoose }: CoverageTableProps) {
  const styles = useStyles();
  const ordered = [...rows].sort((a, b) => (a.worst ? RANK[a.worst] : 3) - (b.worst ? RANK[b.worst] : 3) || a.name.localeCompare(b.name));
  return (
    <TableScroll label="Emergency access by policy">
      <Table aria-label="Emergency access by policy" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Fix</TableHeaderCell>
            <TableHeaderCell>Policy</TableHeaderCell>
            <TableHeaderCell>Verdict</TableHeaderCell>
            {subjects.map((s) => (
              <TableHeaderCell key={s.id}>
                {s.kind === 'group' ? 'Group ' : ''}
                <Isolated>{s.name}</Isolated>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {ordered.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                {row.worst ? (
                  <Checkbox
                    checked={chosen.has(row.id)}
                    onChange={(_, data) => onChoose(row.id, !!data.checked)}
                    aria-label={`Fix ${isolatedText(row.name)}`}
                  />
                ) : null}
              </TableCell>
              <TableCell>
                <div className={styles.name}>
                  <Text>
                    <Isolated>{row.name}</Isolated>
                  </Text>
                  <StateBadge state={row.state} />
                </div>
              </TableCell>
              <TableCell>
                {row.worst ? (
                  <Badge appearance="filled" color={SEVERITY_COLOR[row.worst]}>
                    {verdictOf(row)}
                  </Badge>
                ) : (
                  <Text>{verdictOf(row)}</Text>
                )}
              </TableCell>
              {subjects.map((s) => (
                <TableCell key={s.id}>
                  <CoverageCell coverage={row.coverage[s.id]} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
