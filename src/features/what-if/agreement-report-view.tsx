// The engine's measured agreement in words and per policy. Each percentage says over how many
// sign-ins the engine could decide, and a policy it mostly could not decide is marked as too few to
// judge: 100 % of a small decided share says little about the policy's sign-ins as a whole.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { CONDITION_WORDS, type AgreementReport } from '../../domain/evaluation/bulk/agreement';
import { TableScroll } from '../../shared/ui/table-scroll';

const percent = (x: number | null) => (x === null ? '—' : `${(Math.floor(x * 1000) / 10).toFixed(1)} %`);
const count = (n: number) => n.toLocaleString('en');

/** What the engine's answers for drafts are worth, after the report's own sentence. */
function trustInWords(report: AgreementReport): string {
  if (!report.trusted) return 'Its answers for drafts are not to be trusted.';
  return report.tooFewDecided.length > 0
    ? 'Its answers for drafts of the other policies can be trusted as far as that goes.'
    : 'Its answers for drafts can be trusted as far as that goes.';
}

/** The report in a sentence or three: shown above the table, and said when the measure ends (engine-agreement.tsx). */
export function agreementSummary(report: AgreementReport, cappedAt: number | null): string {
  const capped = cappedAt !== null ? ` Only the newest ${count(cappedAt)} sign-ins were read.` : '';
  return `${report.sentence.replace(/\.?$/, '.')}${capped} ${trustInWords(report)}`;
}

export function AgreementReportView({ report, cappedAt }: { report: AgreementReport; cappedAt: number | null }) {
  const rows = [...report.policies].filter((p) => p.compared + p.undecided > 0).sort((a, b) => (a.agreement ?? 2) - (b.agreement ?? 2));
  return (
    <>
      {/* Not a live region: one put in the page already filled is often not read out; the page says it. */}
      <Text weight="semibold">{agreementSummary(report, cappedAt)}</Text>
      <TableScroll label="Agreement per policy">
        <Table aria-label="Agreement per policy" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Policy</TableHeaderCell>
              <TableHeaderCell>Agreement over the sign-ins the engine decided</TableHeaderCell>
              <TableHeaderCell>Where they part</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((p) => (
              <TableRow key={p.policyId} aria-label={p.displayName}>
                <TableCell>{p.displayName}</TableCell>
                <TableCell>
                  {percent(p.agreement)} of {count(p.compared)}
                  {p.undecided > 0 ? ` (${count(p.undecided)} not decided)` : ''}{' '}
                  {p.tooFewDecided ? (
                    <Badge appearance="tint" color="warning">
                      Too few decided to judge
                    </Badge>
                  ) : p.agreement !== null && p.agreement < report.threshold ? (
                    <Badge appearance="filled" color="warning">
                      Low
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>
                  {p.conditions
                    .filter((c) => c.mismatched > 0)
                    .map((c) => `${CONDITION_WORDS[c.condition]} (${c.mismatched})`)
                    .join(', ') || '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}
