// What each file brought gave: read (and how much), ignored (and why), or an error naming the place.
// A single file that was read says so in a line; many files get a table, errors first.
import {
  Badge,
  makeStyles,
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
import type { FileResult } from '../../domain/import/import-set';
import type { LoadedSource } from './import-source';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  path: { overflowWrap: 'anywhere' },
});

const STATUS: Record<FileResult['status'], { label: string; color: 'success' | 'subtle' | 'danger' }> = {
  read: { label: 'Read', color: 'success' },
  ignored: { label: 'Ignored', color: 'subtle' },
  error: { label: 'Not read', color: 'danger' },
};
const ORDER: Record<FileResult['status'], number> = { error: 0, read: 1, ignored: 2 };

export function FileResults({ source }: { source: LoadedSource }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const { sections, files } = source.set;
  const counts = [
    [sections.policies.length, 'policy', 'policies'],
    [sections.namedLocations.length, 'named location', 'named locations'],
    [sections.authenticationStrengths.length, 'authentication strength', 'authentication strengths'],
    [sections.authenticationContexts.length, 'authentication context', 'authentication contexts'],
  ] as const;
  // What was not read is always shown; what was, on request.
  const shown = [...files].filter((f) => all || f.status !== 'read').sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const said = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return (
    <div className={styles.root}>
      <Text aria-live="polite">
        From {source.label}: {said.length > 0 ? said.join(', ') : 'no policies'}.
      </Text>
      {files.length > 1 ? (
        <Switch checked={all} onChange={(_, data) => setAll(data.checked)} label={`Show every file (${files.length})`} />
      ) : null}
      {shown.length > 0 ? (
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
      ) : null}
    </div>
  );
}
