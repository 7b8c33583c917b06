// The writes of a plan's run, one row each, with where each got: waiting, writing, failed and why, or
// read back as planned or with its differences, and whether the version it replaced could not be kept.
// While Graph makes the row's write wait (a 429's Retry-After), the row counts the wait down.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApplyItem } from '../../operations/apply-plan';
import type { CurrentWait } from '../../session/retry-waits';
import { TableScroll } from '../../shared/ui/table-scroll';
import { WaitCountdown, WaitSpoken } from '../retry-wait-status';
import { ObjectCell } from './object-cell';
import { VersionNotKeptNote } from './versions-not-kept';

export const VERB = { create: 'Create', update: 'Update', restore: 'Restore' } as const;

function Outcome({ item, wait }: { item: ApplyItem; wait: CurrentWait | null }) {
  if (item.status === 'pending')
    return <Text>{item.interrupted ? 'Cut short: Resume looks in the tenant before writing it again' : 'Waiting'}</Text>;
  if (item.status === 'running') return wait ? <WaitCountdown wait={wait} busy="Writing…" /> : <Text>Writing…</Text>;
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

/** `wait`: the one the run's requests are in now, which is the running row's (one row is written at a time). */
export function ApplyRowsTable({ items, wait = null }: { items: readonly ApplyItem[]; wait?: CurrentWait | null }) {
  const running = items.find((item) => item.status === 'running');
  return (
    <TableScroll label="What was written">
      <WaitSpoken wait={wait} running={running} />
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
                <ObjectCell name={item.name} kind={item.kind} />
              </TableCell>
              <TableCell>{VERB[item.action]}</TableCell>
              <TableCell>
                <Outcome item={item} wait={item === running ? wait : null} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
