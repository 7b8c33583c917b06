// The writes of a plan's run, one row each, with where each got: waiting, writing, failed and why, or
// read back as planned or with its differences, and whether the version it replaced could not be kept.
// While Graph makes the row's write wait (a 429's Retry-After), the row counts the wait down.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApplyItem } from '../../operations/apply-plan';
import type { CurrentWait } from '../../session/retry-waits';
import { SpokenStatus } from '../../shared/ui/live-status';
import { isolatedText } from '../../shared/ui/isolated-text';
import { TableScroll } from '../../shared/ui/table-scroll';
import { ObjectCell } from './object-cell';
import { VersionNotKeptNote } from './versions-not-kept';

export const VERB = { create: 'Create', update: 'Update', restore: 'Restore' } as const;

/** Seconds left of the wait, counted down on screen (not said each second: the table's status says it once). */
function WaitCountdown({ wait }: { wait: CurrentWait }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);
  const left = Math.ceil((wait.endsAt - now) / 1000);
  if (left <= 0) return <Text>Writing…</Text>;
  return (
    <Text>
      Waiting {left} s: {wait.reason}
    </Text>
  );
}

function Outcome({ item, wait }: { item: ApplyItem; wait: CurrentWait | null }) {
  if (item.status === 'pending')
    return <Text>{item.interrupted ? 'Cut short: Resume looks in the tenant before writing it again' : 'Waiting'}</Text>;
  if (item.status === 'running') return wait ? <WaitCountdown wait={wait} /> : <Text>Writing…</Text>;
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

/**
 * Said once when a wait begins and once when it ends, for the row being written; gone when another row is.
 * Derived while rendering from the wait last seen, as React advises, with no effect.
 */
function WaitSpoken({ wait, running }: { wait: CurrentWait | null; running: ApplyItem | undefined }) {
  const [last, setLast] = useState<{ wait: CurrentWait; key: string } | null>(null);
  if (wait && running && (last?.wait !== wait || last.key !== running.key)) setLast({ wait, key: running.key });
  // Between rows (a run ended, failed, or is resumed), a wait seen before is over and said: forgotten.
  if (!running && last) setLast(null);
  const name = running ? `‘${isolatedText(running.name)}’` : '';
  const words = !running
    ? null
    : wait
      ? `Waiting ${wait.seconds} s before ${name} is sent again: ${wait.reason}.`
      : last?.key === running.key
        ? `Wait over: writing ${name} again.`
        : null;
  return <SpokenStatus>{words}</SpokenStatus>;
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
