// Deleted named locations: kept 30 days like policies, restorable as they were. A policy that
// needs one says so when it is restored (and can restore it first); here they can be handled alone.
import {
  Button,
  makeStyles,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import { stateLabels } from '../../domain/labels';
import { daysLeft, type DeletedNamedLocation, type DeletionRecord } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { useWriteAccess } from '../../session/write-access';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { usePurgeNamedLocation, useRestoreNamedLocation } from '../../policy-ui/writes';
import { PurgeDialog } from './deleted-actions';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated } from '../../shared/ui/isolated-text';
import { useStackedTableStyles } from '../../shared/ui/stacked-table';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const describeLocation = (location: DeletedNamedLocation) =>
  location.ipRanges
    ? `IP ranges: ${location.ipRanges.map((r) => r.cidrAddress).join(', ')}${location.isTrusted ? ' (trusted)' : ''}`
    : location.countriesAndRegions
      ? `Countries: ${location.countriesAndRegions.join(', ')}`
      : '—';

/** A policy that refers to a deleted location: in the tenant (live), or itself deleted. */
export interface LocationUser {
  name: string;
  state: string | undefined;
  inTenant: boolean;
}

const describeUser = (user: LocationUser) =>
  user.inTenant
    ? `${user.name} (in the tenant, ${stateLabels[user.state ?? ''] ?? user.state ?? 'state unknown'})`
    : `${user.name} (deleted)`;

/** What purging the location does to the tenant's policies that still refer to it. */
function purgeWarning(users: LocationUser[]): string | undefined {
  const live = users.filter((u) => u.inTenant);
  if (live.length === 0) return undefined;
  const names = live.map(describeUser).join(', ');
  return `${live.length === 1 ? 'A policy in the tenant still refers' : `${live.length} policies in the tenant still refer`} to it: ${names}. Once it is gone for good, what they say of this location cannot be brought back: restore it instead, or change ${live.length === 1 ? 'that policy' : 'them'} first.`;
}

export function DeletedLocationsSection({
  locations,
  now,
  usedBy,
  deletions,
}: {
  locations: DeletedNamedLocation[];
  now: Date;
  /** Who deleted each, when the audit log is readable. */
  deletions: Map<string, DeletionRecord> | undefined;
  /** The policies, in the tenant or deleted, that refer to each location. */
  usedBy: (id: string) => LocationUser[];
}) {
  const styles = useStyles();
  // Seven columns do not fit a phone: there each row stacks its cells.
  const stacked = useStackedTableStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const write = useWriteAccess();
  // Esc or Cancel in the purge dialog returns focus to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [purging, setPurging] = useState<DeletedNamedLocation | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const restoreLocation = useRestoreNamedLocation();
  const purgeLocation = usePurgeNamedLocation();

  const restore = async (location: DeletedNamedLocation) => {
    setBusy(location.id);
    setError(null);
    try {
      await restoreLocation.mutateAsync(location.id);
      setRestored(location.displayName);
    } catch (caught) {
      setError(describeError(caught, `restore the named location “${location.displayName}”`));
    } finally {
      setBusy(null);
    }
  };

  const purge = async (location: DeletedNamedLocation) => {
    setBusy(location.id);
    setError(null);
    try {
      await purgeLocation.mutateAsync(location.id);
      setPurging(null);
    } catch (caught) {
      setError(describeError(caught, `delete the named location “${location.displayName}” permanently`));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="deleted-locations-title">
      <Text as="h2" id="deleted-locations-title" size={500} weight="semibold">
        Deleted named locations
      </Text>
      {restored && (
        <Notice intent="success">
          <MessageBarBody>
            Restored “<Isolated>{restored}</Isolated>”.
          </MessageBarBody>
        </Notice>
      )}
      {error && !purging && <ErrorState {...error} />}
      {locations.length === 0 ? (
        <Text>None. Named locations deleted in the last 30 days appear here.</Text>
      ) : (
        <TableScroll label="Deleted named locations">
          <Table aria-label="Deleted named locations" className={stacked.stacked}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Holds</TableHeaderCell>
                <TableHeaderCell>Deleted</TableHeaderCell>
                <TableHeaderCell>By</TableHeaderCell>
                <TableHeaderCell>Days left</TableHeaderCell>
                <TableHeaderCell>Needed by</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {locations.map((location) => (
                <TableRow key={location.id}>
                  <TableCell>
                    <Text weight="semibold">
                      <Isolated>{location.displayName}</Isolated>
                    </Text>
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Holds: </span>
                    {describeLocation(location)}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Deleted: </span>
                    {formatDateTime(location.deletedDateTime)}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>By: </span>
                    {deletions?.get(location.id)?.by ?? '—'}
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Days left: </span>
                    {daysLeft(location.deletedDateTime, now)} days
                  </TableCell>
                  <TableCell>
                    <span className={stacked.cellLabel}>Needed by: </span>
                    {usedBy(location.id).map(describeUser).join(', ') || '—'}
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        disabled={!!busy}
                        disabledFocusable={!write.allowed}
                        title={write.reason ?? undefined}
                        onClick={() => void restore(location)}
                      >
                        {busy === location.id && !purging ? 'Restoring…' : 'Restore'}
                      </Button>
                      <Button
                        {...restoreFocusTarget}
                        disabled={!!busy}
                        disabledFocusable={!write.allowed}
                        title={write.reason ?? undefined}
                        onClick={() => {
                          setError(null);
                          setPurging(location);
                        }}
                      >
                        Delete permanently…
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {purging && (
        <PurgeDialog
          name={purging.displayName}
          what="named location"
          warning={purgeWarning(usedBy(purging.id))}
          busy={busy === purging.id}
          error={error}
          onPurge={() => void purge(purging)}
          onClose={() => setPurging(null)}
        />
      )}
    </section>
  );
}
