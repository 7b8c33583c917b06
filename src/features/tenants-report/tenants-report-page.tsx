// An all-tenant report of the command line (`gatehouse report`), opened from a file with no one
// signed in: reached from the sign-in page, loaded only when opened, talking to no tenant.
import { Link, makeStyles, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { decodeText, PolicyFileError, readJsonFile } from '../../domain/policy-file';
import { isJsonObject } from '../../domain/json';
import { readTenantsReport, REPORT_FORMAT, reportTotals, type TenantsReport } from '../../domain/tenants/report';
import { dateText } from '../../domain/documentation/words';
import { FileDropZone } from '../../shared/ui/file-drop-zone';
import { notAReportWords } from './not-a-report';
import { ReportTable } from './report-table';
import { Notice } from '../../shared/ui/notice';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  root: {
    maxWidth: '1200px',
    margin: '4vh auto',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  totals: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const EXPECTED = 'This page opens an all-tenant report: the report.json that “gatehouse report” writes.';

export default function TenantsReportPage() {
  const styles = useStyles();
  const [report, setReport] = useState<{ report: TenantsReport; file: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const before = document.title;
    document.title = 'All-tenant report · Gatehouse';
    return () => void (document.title = before);
  }, []);

  const open = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Read as Import reads files (empty, an image, JSON broken at a line and column), said in words rather
    // than in the browser's parser message, then what the page expects.
    let parsed: unknown;
    try {
      parsed = readJsonFile(bytes, file.name);
    } catch (wrong) {
      setError(`${wrong instanceof PolicyFileError ? wrong.message : `${isolatedText(file.name)} could not be read.`} ${EXPECTED}`);
      return;
    }
    // Another file (a backup, a policy export): what it is and where it opens, then what this page takes.
    if (!isJsonObject(parsed) || parsed.format !== REPORT_FORMAT) {
      setError(`${notAReportWords(file.name, parsed)} ${EXPECTED}`);
      return;
    }
    const read = readTenantsReport(decodeText(bytes));
    if (read.ok) {
      setReport({ report: read.report, file: file.name });
      setError(null);
    } else setError(`${isolatedText(file.name)}: ${read.message}`);
  };

  const totals = report ? reportTotals(report.report) : null;
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>All-tenant report</h1>
      <Text>
        Open the report a pipeline made with <code>gatehouse report</code> (the .json file): every tenant’s policies, lint findings, drift
        from its baseline, emergency access and last backup. The file is read on this device; no one needs to sign in and nothing is sent
        anywhere.
      </Text>
      <FileDropZone label="Report file (.json)" accept=".json,application/json" error={error} onFile={open} />
      {report && totals ? (
        <>
          <Notice
            occasion={report}
            intent={totals.unreadable + totals.withLintErrors + totals.drifted + totals.emergencyAtRisk > 0 ? 'warning' : 'success'}
          >
            <MessageBarBody>
              <Isolated>{report.file}</Isolated>, generated {dateText(report.report.generatedAt)}: {totals.tenants} tenants.
            </MessageBarBody>
          </Notice>
          <ul className={styles.totals} aria-label="Across the tenants">
            <li>{totals.unreadable} could not be read</li>
            <li>{totals.withLintErrors} with lint errors</li>
            <li>{totals.drifted} drifted from their baseline</li>
            <li>{totals.emergencyAtRisk} where an emergency account is at risk</li>
            <li>{totals.staleBackups} without a backup in the last 7 days</li>
          </ul>
          <ReportTable report={report.report} />
        </>
      ) : null}
      <Link href="/">Back to sign-in</Link>
    </main>
  );
}
