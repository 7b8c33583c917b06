// The writes of a plan's run, one row each, with where each got: waiting, writing, failed and why, or
// read back as planned or with its differences, and whether the version it replaced could not be kept.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApplyItem } from '../../operations/apply-plan';
import { Isolated } from '../../shared/ui/isolated-text';
import { TableScroll } from '../../shared/ui/table-scroll';
import { KIND_LABELS } from './plan-rows-table';
import { VersionNotKeptNote } from './versions-not-kept';

export const VERB = { create: 'Create', update: 'Update', restore: 'Restore' } as const;

function Outcome({ item }: { item: ApplyItem }) {
  if (item.status === 'pending')
    return <Text>{item.interrupted ? 'Cut short: Resume looks in the tenant before writing it again' : 'Waiting'}</Text>;
  if (item.status === 'running') return <Text>Writing…</Text>;
  if (item.status === 'failed')
    return (
      <>
        <Text>Failed: {item.message}</Text>
        <VersionNotKeptNote item={item} />
      </>
    );
  const differs = item.differences && item.differences.length > 0;
  return (
    <>
      <Badge appearance="tint" color={differs ? 'warning' : 'success'}>
        {differs ? 'Differs' : 'As planned'}
      </Badge>{' '}
      {differs ? <Text>{item.differences!.join('; ')}</Text> : null}
      {item.recovered ? <Text> (its answer was lost; found in the tenant, not written twice)</Text> : null}
      <VersionNotKeptNote item={item} />
    </>
  );
}

export function ApplyRowsTable({ items }: { items: readonly ApplyItem[] }) {
  return (
    <TableScroll label="What was written">
      <Table aria-label="What was written" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>Object</TableHeaderCell>
            <TableHeaderCell>Write</TableHeaderCell>
            <TableHeaderCell>Outcome</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, index) => (
            <TableRow key={item.key}>
              <TableCell>{index + 1}</TableCell>
              <TableCell>
                <Text weight="semibold">
                  <Isolated>{item.name}</Isolated>
                </Text>
                <br />
                <Text size={200}>{KIND_LABELS[item.kind]}</Text>
              </TableCell>
              <TableCell>{VERB[item.action]}</TableCell>
              <TableCell>
                <Outcome item={item} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
