// The table of a set comparison: each policy, how it compares, what differs in one line (so the
// admin sees which change matters before opening it) and how the two were paired.
import { Badge, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMemo } from 'react';
import { describeChanges } from '../../domain/describe-changes';
import type { MatchStatus, PolicyMatch } from '../../domain/match-policies';
import type { NameDirectory } from '../../domain/references';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  table: { maxWidth: '1200px' },
  differs: { overflowWrap: 'anywhere' },
});

export const statusWords: Record<MatchStatus, { label: string; color: 'warning' | 'informative' | 'success' | 'brand' }> = {
  changed: { label: 'Changed', color: 'warning' },
  onlyA: { label: 'Only here', color: 'brand' },
  onlyB: { label: 'Only there', color: 'informative' },
  identical: { label: 'Identical', color: 'success' },
};

/** The first difference in words, and how many more: what the diff's default view would list. */
export function differenceLine(match: PolicyMatch, names: NameDirectory | undefined, acrossTenants: boolean): string {
  if (match.status !== 'changed' || !match.a || !match.b) return '';
  const changes = describeChanges(match.a, match.b, names, { hideEmpty: true, sortIds: true, acrossTenants });
  if (changes.length === 0) return '';
  const more = changes.length - 1;
  return more === 0 ? changes[0]!.text : `${changes[0]!.text} (and ${more} more)`;
}

export function PoliciesCompared({
  matches,
  names,
  acrossTenants,
  opened,
  hrefOf,
  onOpen,
}: {
  matches: readonly PolicyMatch[];
  names: NameDirectory | undefined;
  acrossTenants: boolean;
  opened: string | null;
  hrefOf(match: PolicyMatch): string;
  onOpen(match: PolicyMatch): void;
}) {
  const styles = useStyles();
  // Once per comparison and set of names, not at each render.
  const lines = useMemo(
    () => new Map(matches.map((m) => [m.key, differenceLine(m, names, acrossTenants)])),
    [matches, names, acrossTenants],
  );
  return (
    <TableScroll label="Policies compared">
      <Table className={styles.table} aria-label="Policies compared" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Policy</TableHeaderCell>
            <TableHeaderCell>Comparison</TableHeaderCell>
            <TableHeaderCell>What differs</TableHeaderCell>
            <TableHeaderCell>Matched by</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {matches.map((match) => (
            // Marked by colour and by the link's aria-current: the table is no grid, so a row said to be
            // "selected" offers a choice that is not there.
            <TableRow key={match.key} appearance={match.key === opened ? 'brand' : 'none'}>
              <TableCell>
                <Link
                  href={hrefOf(match)}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(match);
                  }}
                  aria-current={match.key === opened ? 'true' : undefined}
                >
                  <Isolated>{match.name}</Isolated>
                </Link>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={statusWords[match.status].color}>
                  {statusWords[match.status].label}
                </Badge>
              </TableCell>
              <TableCell className={styles.differs}>{lines.get(match.key) || '—'}</TableCell>
              <TableCell>{match.by === 'id' ? 'Id' : match.by === 'name' ? 'Name' : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
