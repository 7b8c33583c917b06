// A run's writes whose replaced version this device could not keep (its history full or blocked): the note on a
// row, and the warning over the table. A write that failed with its answer lost may be in the tenant, over a
// version not kept: it is said too, as what it may have replaced.
import { Badge, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({ message: { overflowWrap: 'anywhere' } });

/** On a row, after its outcome: the warning in the words the run keeps. */
export function VersionNotKeptNote({ item }: { item: ApplyItem }) {
  if (!item.versionNotKept) return null;
  return (
    <>
      {' '}
      <Badge appearance="tint" color="warning">
        Previous version not kept
      </Badge>{' '}
      <Text>{item.versionNotKept}</Text>
    </>
  );
}

function Names({ items }: { items: readonly ApplyItem[] }) {
  return items.map((i, n) => (
    <span key={i.key}>
      {n > 0 ? ', ' : ''}‘<Isolated>{i.name}</Isolated>’
    </span>
  ));
}

/**
 * For the count under the heading and the put-aside dialog: a write whose answer was lost is counted apart, as
 * holding if it was written ("1 with the previous version not kept, 1 more if it was written").
 */
export function notKeptWords(run: ApplyRun): { count: string; aside: string } {
  const written = run.items.filter((i) => i.versionNotKept && !i.versionNotKeptIfWritten).length;
  const unsure = run.items.filter((i) => i.versionNotKept && i.versionNotKeptIfWritten).length;
  const ifWritten = `if ${unsure === 1 ? 'it was' : 'they were'} written`;
  const the = (count: number) => (count === 1 ? 'the one' : `the ${count}`);
  if (!written && !unsure) return { count: '', aside: '' };
  if (!written)
    return {
      count: `, ${unsure} with the previous version not kept ${ifWritten}`,
      aside: ` (but for ${the(unsure)} that could not be kept, ${ifWritten})`,
    };
  const more = unsure ? `${unsure} more ${ifWritten}` : '';
  return {
    count: `, ${written} with the previous version not kept${more && `, ${more}`}`,
    aside: ` (but for ${the(written)} that could not be kept${more && `, and ${more}`})`,
  };
}

/** Over the table, apart from the count: it stays true after the run, whatever is resumed. */
export function VersionsNotKeptBar({ run }: { run: ApplyRun }) {
  const styles = useStyles();
  const written = run.items.filter((i) => i.versionNotKept && !i.versionNotKeptIfWritten);
  const unsure = run.items.filter((i) => i.versionNotKept && i.versionNotKeptIfWritten);
  const total = written.length + unsure.length;
  if (total === 0) return null;
  const one = (items: readonly ApplyItem[]) => items.length === 1;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Previous {total === 1 ? 'version' : 'versions'} not kept</MessageBarTitle>
        <span className={styles.message}>
          {written.length ? (
            <>
              The {one(written) ? 'version' : 'versions'} replaced by <Names items={written} /> could not be kept in the history on this
              device: {one(written) ? 'it cannot' : 'they cannot'} be restored from here.
            </>
          ) : null}
          {written.length && unsure.length ? ' ' : null}
          {unsure.length ? (
            <>
              <Names items={unsure} /> may have been written ({one(unsure) ? 'its answer was' : 'their answers were'} lost), and the{' '}
              {one(unsure) ? 'version it' : 'versions they'} would replace could not be kept
              {written.length ? ' either' : ' in the history on this device'}: if{' '}
              {one(unsure) ? 'it was written, that version cannot' : 'they were written, those versions cannot'} be restored from here.
            </>
          ) : null}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}
