// The all-tenant report as a table: one row per tenant, sortable by what needs a look, with a
// filter that keeps the tenants that do. Words come from the domain, as in the report's own files.
import {
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { backupAgeDays, driftCount, type TenantReportEntry, type TenantsReport } from '../../domain/tenants/report';
import { rowWords } from '../../domain/tenants/report-render';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  id: { display: 'block', color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** A tenant needs a look when it could not be read, has lint errors, drifted, puts an emergency account at risk, or has no recent backup. */
export function needsALook(entry: TenantReportEntry, now: Date): boolean {
  if (entry.error) return true;
  const age = backupAgeDays(entry, now);
  return (
    (entry.lint?.errors ?? 0) > 0 ||
    driftCount(entry.drift) > 0 ||
    entry.emergency?.worst === 'critical' ||
    entry.emergency?.worst === 'high' ||
    age === null ||
    age > 7
  );
}

export function ReportTable({ report }: { report: TenantsReport }) {
  const styles = useStyles();
  const now = useMemo(() => new Date(report.generatedAt), [report.generatedAt]);
  const [onlyIssues, setOnlyIssues] = useState(false);
  const shown = onlyIssues ? report.tenants.filter((t) => needsALook(t, now)) : report.tenants;
  return (
    <>
      <Switch
        label={`Only the tenants that need a look (${report.tenants.filter((t) => needsALook(t, now)).length})`}
        checked={onlyIssues}
        onChange={(_, data) => setOnlyIssues(data.checked)}
      />
      {shown.length === 0 ? (
        <Text>None of the {report.tenants.length} tenants needs a look.</Text>
      ) : (
        <TableScroll label="Tenants">
          <Table aria-label="Tenants" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Tenant</TableHeaderCell>
                <TableHeaderCell>Policies</TableHeaderCell>
                <TableHeaderCell>Lint</TableHeaderCell>
                <TableHeaderCell>Drift</TableHeaderCell>
                <TableHeaderCell>Emergency access</TableHeaderCell>
                <TableHeaderCell>Last backup</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((entry) => {
                const words = rowWords(entry, now);
                return (
                  <TableRow key={entry.tenantId} aria-label={isolatedText(entry.name)}>
                    <TableCell>
                      <Isolated>{entry.name}</Isolated>
                      <span className={styles.id}>{entry.tenantId}</span>
                    </TableCell>
                    {entry.error ? (
                      <TableCell className={styles.problem} colSpan={5}>
                        Not read: {entry.error}
                      </TableCell>
                    ) : (
                      <>
                        <TableCell>{words.policies}</TableCell>
                        <TableCell>{words.lint}</TableCell>
                        <TableCell>
                          {words.drift}
                          {entry.drift?.changed.length ? (
                            <Text as="p" block size={200}>
                              {entry.drift.changed
                                .map((c) => `${isolatedText(c.name)}${c.by ? ` (by ${isolatedText(c.by)})` : ''}`)
                                .join('; ')}
                            </Text>
                          ) : null}
                        </TableCell>
                        <TableCell>{words.emergency}</TableCell>
                        <TableCell>{words.backup}</TableCell>
                      </>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
