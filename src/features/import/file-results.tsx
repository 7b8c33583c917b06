// What each file brought gave: read (and how much), ignored (and why), or an error naming the place.
// A single file that was read says all its reader found in a line; many files get a table, errors
// first. With no policy to plan, a line says what to choose instead; with more than a tenant holds, a warning says so at once.
import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { DEVICE_PART_WORDS, DEVICE_PARTS, type DevicePart, type DeviceParts } from '../../domain/import/device-parts';
import type { FileResult } from '../../domain/import/import-set';
import { paths } from '../../shared/routes/paths';
import type { LoadedSource } from './import-source';
import { nextStep, policyLimitWords, summaryLine } from './import-summary';
import { TableScroll } from '../../shared/ui/table-scroll';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  path: { overflowWrap: 'anywhere' },
  said: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  unseen: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const STATUS: Record<FileResult['status'], { label: string; color: 'success' | 'subtle' | 'danger' }> = {
  read: { label: 'Read', color: 'success' },
  ignored: { label: 'Ignored', color: 'subtle' },
  error: { label: 'Not read', color: 'danger' },
};
const ORDER: Record<FileResult['status'], number> = { error: 0, read: 1, ignored: 2 };

const RESTORED_ON: Record<DevicePart, string> = {
  contingencyPlans: paths.contingency,
  rolloutPlans: paths.rollout(),
  lintSuppressions: paths.lint,
};

/** A backup's contingency plans, rollouts and suppressions: not imported, so where each is restored instead. */
function KeptOnADevice({ parts }: { parts: DeviceParts }) {
  const present = DEVICE_PARTS.filter((part) => parts[part] > 0);
  if (present.length === 0) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Also in the backup, not restored by this import</MessageBarTitle>
        These are kept on an admin’s device, not in the tenant; each page restores its own from this backup file.
        <ul aria-label="Restored elsewhere">
          {present.map((part) => {
            const words = DEVICE_PART_WORDS[part];
            return (
              <li key={part}>
                {words.name} ({parts[part]}): restored from <RouterLink to={RESTORED_ON[part]}>{words.page}</RouterLink> › {words.action}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The files not read, by name: their reasons are in the table, said there rather than twice. */
function notReadWords(source: LoadedSource): string | null {
  const notRead = source.set.files.filter((f) => f.status === 'error').map((f) => f.path);
  if (notRead.length === 0) return null;
  const named = notRead.length > 3 ? `${notRead.slice(0, 3).join(', ')} and ${notRead.length - 3} more` : notRead.join(', ');
  return ` Not read: ${named}; why is in the table What each file gave.`;
}

/**
 * The summary and what to do next, in a status that is in the page before any file is read (one put
 * in the page already filled is often not read out), so each file chosen is said; then the details.
 */
export function FileResults({ source }: { source: LoadedSource | null }) {
  const styles = useStyles();
  const next = source ? nextStep(source.set) : null;
  const notRead = source ? notReadWords(source) : null;
  return (
    <>
      <div role="status" className={source ? styles.said : styles.unseen}>
        {source ? <Text>{summaryLine(source.label, source.set)}</Text> : null}
        {next ? <Text>{next}</Text> : null}
        {notRead ? <span className={styles.unseen}>{notRead}</span> : null}
      </div>
      {source ? <Results source={source} /> : null}
    </>
  );
}

function Results({ source }: { source: LoadedSource }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const { files } = source.set;
  // What was not read is always shown; what was, on request.
  const shown = [...files].filter((f) => all || f.status !== 'read').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const tooMany = policyLimitWords(source.set);
  return (
    <div className={styles.root}>
      {tooMany ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>More policies than a tenant can hold</MessageBarTitle>
            {tooMany}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {source.set.deviceParts ? <KeptOnADevice parts={source.set.deviceParts} /> : null}
      {files.length > 1 ? (
        <Switch
          checked={all}
          onChange={(_, data) => setAll(data.checked)}
          label={`Show every file (${files.length.toLocaleString('en-US')})`}
        />
      ) : null}
      {shown.length > 0 ? (
        <TableScroll label="What each file gave">
          <Table aria-label="What each file gave" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>Result</TableHeaderCell>
                <TableHeaderCell>Details</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((file) => (
                <TableRow key={file.path}>
                  <TableCell className={styles.path}>{file.path}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS[file.status].color}>
                      {STATUS[file.status].label}
                    </Badge>
                  </TableCell>
                  <TableCell>{file.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      ) : null}
    </div>
  );
}
