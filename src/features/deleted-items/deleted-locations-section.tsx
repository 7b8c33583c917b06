// Deleted named locations: kept 30 days like policies, restorable as they were. A policy that
// needs one says so when it is restored (and can restore it first); here they can be handled alone.
// Restoring one is asked first: the tenant's policies that use it (or All trusted locations, when it
// is trusted) take it into account again at once. After a restore or a permanent delete its row goes:
// the focus goes to the next row's same button (or the section's heading) and the outcome is said.
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
import { daysLeft, type DeletedNamedLocation, type DeletionRecord } from '../../graph/deleted-items';
import { useWriteAccess } from '../../session/write-access';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { PurgeDialog } from './deleted-actions';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import { useStackedTableStyles } from '../../shared/ui/stacked-table';
import { Notice } from '../../shared/ui/notice';
import { describeUser, purgeWarning, type LocationUser, type TenantPolicies } from './location-users';
import { RestoreLocationDialog } from './restore-location-dialog';
import { useLocationWrites } from './use-location-writes';

export type { LocationUser, TenantPolicies } from './location-users';

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

export function DeletedLocationsSection({
  locations,
  now,
  usedBy,
  trustedUsers = [],
  tenantPolicies = { status: 'read' },
  deletions,
}: {
  locations: DeletedNamedLocation[];
  now: Date;
  /** Who deleted each, when the audit log is readable. */
  deletions: Map<string, DeletionRecord> | undefined;
  /** The policies, in the tenant or deleted, that refer to each location. */
  usedBy: (id: string) => LocationUser[];
  /** The policies in the tenant that use All trusted locations: a trusted location restored counts for them. */
  trustedUsers?: LocationUser[];
  /** Whether the tenant's policies (behind usedBy's and trustedUsers' policies in the tenant) were read. */
  tenantPolicies?: TenantPolicies;
}) {
  const styles = useStyles();
  // Seven columns do not fit a phone: there each row stacks its cells.
  const stacked = useStackedTableStyles();
  const write = useWriteAccess();
  // Esc or Cancel in the purge dialog returns focus to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [confirming, setConfirming] = useState<DeletedNamedLocation | null>(null);
  const { busy, error, setError, purging, setPurging, outcome, heading, table, restore, purge } = useLocationWrites(locations);

  return (
    <section className={styles.section} aria-labelledby="deleted-locations-title">
      <Text as="h2" id="deleted-locations-title" size={500} weight="semibold" ref={heading} tabIndex={-1}>
        Deleted named locations
      </Text>
      {outcome && (
        <Notice intent="success" occasion={outcome.occasion}>
          <MessageBarBody>
            “<Isolated>{outcome.name}</Isolated>” {outcome.text}
          </MessageBarBody>
        </Notice>
      )}
      {/* Polite: the focus stays on the busy button, whose new name is not always read. */}
      <SpokenStatus>{busy && !purging ? 'Restoring…' : null}</SpokenStatus>
      {error && !purging && <ErrorState {...error} />}
      {locations.length === 0 ? (
        <Text>None. Named locations deleted in the last 30 days appear here.</Text>
      ) : (
        <TableScroll label="Deleted named locations">
          <Table aria-label="Deleted named locations" className={stacked.stacked} ref={table}>
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
                      {/* Focusable while restoring (aria-disabled): disabled, it would drop the focus to the page's start. */}
                      <Button
                        {...restoreFocusTarget}
                        data-restore={location.id}
                        disabled={!!busy}
                        disabledFocusable={!write.allowed || (busy === location.id && !purging)}
                        title={write.reason ?? undefined}
                        onClick={() => {
                          setError(null);
                          setConfirming(location);
                        }}
                      >
                        {busy === location.id && !purging ? 'Restoring…' : 'Restore'}
                      </Button>
                      <Button
                        {...restoreFocusTarget}
                        data-purge={location.id}
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
      {confirming && (
        <RestoreLocationDialog
          location={confirming}
          users={usedBy(confirming.id)}
          trustedUsers={trustedUsers}
          tenantPolicies={tenantPolicies}
          onRestore={() => {
            const location = confirming;
            setConfirming(null);
            void restore(location);
          }}
          onClose={() => setConfirming(null)}
        />
      )}
      {purging && (
        <PurgeDialog
          name={purging.displayName}
          what="named location"
          warning={purgeWarning(usedBy(purging.id), tenantPolicies)}
          busy={busy === purging.id}
          error={error}
          onPurge={() => void purge(purging)}
          onClose={() => setPurging(null)}
        />
      )}
    </section>
  );
}
