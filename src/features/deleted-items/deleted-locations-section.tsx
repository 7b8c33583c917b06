// Deleted named locations: kept 30 days like policies, restorable as they were. A policy that
// needs one says so when it is restored (and can restore it first); here they can be handled alone.
// Restoring one is asked first: the tenant's policies that use it (or All trusted locations, when it
// is trusted) take it into account again at once. After a restore or a permanent delete its row goes:
// the focus goes to the next row's same button (or the section's heading) and the outcome is said.
import {
  Button,
  MessageBarActions,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
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
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { stateLabels } from '../../domain/labels';
import { daysLeft, type DeletedNamedLocation, type DeletionRecord } from '../../graph/deleted-items';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { useWriteAccess } from '../../session/write-access';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { usePurgeNamedLocation, useRestoreNamedLocation } from '../../policy-ui/writes';
import { PurgeDialog } from './deleted-actions';
import { TableScroll } from '../../shared/ui/table-scroll';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
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
    ? `${isolatedText(user.name)} (in the tenant, ${stateLabels[user.state ?? ''] ?? user.state ?? 'state unknown'})`
    : `${isolatedText(user.name)} (deleted)`;

/**
 * Whether the tenant's policies were read: until they are, which of them use a location is not known, and
 * the confirmation must not say that none does. A failure says why, with Try again (the list read again).
 */
export type TenantPolicies =
  { status: 'read' } | { status: 'loading' } | { status: 'failed'; reason: string; retrying: boolean; onRetry(): void };

/** The tenant's policies could not be read; read on Try again, the bar goes and the focus (if it was in it) to Restore. */
function PoliciesUnread({
  reason,
  retrying,
  onRetry,
  onGone,
}: {
  reason: string;
  retrying: boolean;
  onRetry(): void;
  /** Stable: gives the focus a place when the bar goes with it. */
  onGone(): void;
}) {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    return () => {
      if (element?.contains(document.activeElement)) onGone();
    };
  }, [onGone]);
  return (
    <MessageBar ref={bar} intent="warning" layout="multiline">
      <MessageBarBody>
        Which policies in the tenant use it is not known: the tenant's policies could not be read: {reason} It can be restored all the same.
      </MessageBarBody>
      <MessageBarActions>
        <Button disabledFocusable={retrying} onClick={onRetry}>
          Try again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Asks before restoring: the tenant's policies that use the location take it into account again at once. */
function RestoreLocationDialog({
  location,
  users,
  trustedUsers,
  tenantPolicies,
  onRestore,
  onClose,
}: {
  location: DeletedNamedLocation;
  users: LocationUser[];
  tenantPolicies: TenantPolicies;
  /** The tenant's policies that use All trusted locations: a trusted location counts for them too. */
  trustedUsers: LocationUser[];
  onRestore(): void;
  onClose(): void;
}) {
  const live = users.filter((u) => u.inTenant);
  const trusted = location.isTrusted ? trustedUsers.filter((u) => u.inTenant && !live.some((l) => l.name === u.name)) : [];
  const deleted = users.filter((u) => !u.inTenant);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const focusRestore = useCallback(() => restoreButton.current?.focus(), []);
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Restore “<Isolated>{location.displayName}</Isolated>”?
          </DialogTitle>
          <DialogContent>
            {tenantPolicies.status === 'failed' ? (
              <PoliciesUnread
                reason={tenantPolicies.reason}
                retrying={tenantPolicies.retrying}
                onRetry={tenantPolicies.onRetry}
                onGone={focusRestore}
              />
            ) : tenantPolicies.status === 'loading' ? (
              <p>Which policies in the tenant use it is still being read. It can be restored all the same.</p>
            ) : live.length + trusted.length > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  Restored, it counts again at once in the policies in the tenant that use it: those On enforce on it again at once,
                  report-only ones report on it.
                  <ul aria-label="Policies in the tenant that use it">
                    {live.map((u) => (
                      <li key={`live-${u.name}`}>{describeUser(u)}</li>
                    ))}
                    {trusted.map((u) => (
                      <li key={`trusted-${u.name}`}>{`${describeUser(u)}, through All trusted locations (it is trusted)`}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : (
              <p>No policy in the tenant uses it: restoring it changes what no policy enforces.</p>
            )}
            {deleted.length > 0 && <p>Deleted policies that use it: {deleted.map((u) => isolatedText(u.name)).join(', ')}.</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onRestore} ref={restoreButton}>
              Restore
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

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
  const [busy, setBusy] = useState<string | null>(null);
  const write = useWriteAccess();
  // Esc or Cancel in the purge dialog returns focus to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [purging, setPurging] = useState<DeletedNamedLocation | null>(null);
  const [confirming, setConfirming] = useState<DeletedNamedLocation | null>(null);
  // What was done last, said in the notice (a new occasion says it again).
  const [outcome, setOutcome] = useState<{ text: string; name: string; occasion: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableElement>(null);

  const restoreLocation = useRestoreNamedLocation();
  const purgeLocation = usePurgeNamedLocation();

  // The row goes once the list is read again: the focus goes first to the same button of the next row
  // (or the one before), or to the section's heading when it was the only one. Once the buttons are no
  // longer disabled for the write, that is after the render that ends it.
  const focusAfter = useRef<{ action: 'restore' | 'purge'; id: string | null } | null>(null);
  const moveFocusFrom = (location: DeletedNamedLocation, action: 'restore' | 'purge') => {
    const at = locations.findIndex((l) => l.id === location.id);
    focusAfter.current = { action, id: (locations[at + 1] ?? locations[at - 1])?.id ?? null };
  };
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || busy) return;
    focusAfter.current = null;
    const target = [...(table.current?.querySelectorAll<HTMLElement>(`[data-${wanted.action}]`) ?? [])].find(
      (b) => b.dataset[wanted.action] === wanted.id,
    );
    (target ?? heading.current)?.focus();
  });

  const restore = async (location: DeletedNamedLocation) => {
    setBusy(location.id);
    setError(null);
    try {
      await restoreLocation.mutateAsync(location.id);
      setOutcome((last) => ({ text: 'was restored.', name: location.displayName, occasion: (last?.occasion ?? 0) + 1 }));
      moveFocusFrom(location, 'restore');
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
      setOutcome((last) => ({ text: 'was deleted permanently.', name: location.displayName, occasion: (last?.occasion ?? 0) + 1 }));
      moveFocusFrom(location, 'purge');
    } catch (caught) {
      setError(describeError(caught, `delete the named location “${location.displayName}” permanently`));
    } finally {
      setBusy(null);
    }
  };

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
          warning={
            tenantPolicies.status === 'read'
              ? purgeWarning(usedBy(purging.id))
              : `Whether a policy in the tenant still refers to it is not known: the tenant's policies ${tenantPolicies.status === 'loading' ? 'are still being read' : `could not be read: ${tenantPolicies.reason}`}. Once it is gone for good, what such a policy says of this location cannot be brought back.`
          }
          busy={busy === purging.id}
          error={error}
          onPurge={() => void purge(purging)}
          onClose={() => setPurging(null)}
        />
      )}
    </section>
  );
}
