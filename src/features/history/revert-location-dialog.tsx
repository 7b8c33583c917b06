// Reverting a named location to the version before a change, as a safe write: the admin sees the
// location now against the version it goes back to, and the policies the change reaches (the lock-out
// guard does not evaluate locations, so they are named rather than checked). A location changed since
// that change is said and shown, never overwritten; the result is what the tenant holds, read back.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isJsonObject, type JsonObject } from '../../domain/json';
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { locationDifferences, type LocationRevertOutcome, type LocationRevertRequest } from '../../operations/revert-named-location';
import { PolicyDiff, useDiffView, useInlineDiff } from '../../policy-ui/policy-diff';
import { namedLocationsQuery } from '../../policy-ui/queries';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { policiesUsingLocation } from './location-users';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '90vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  users: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The write, as the mutation that runs it (src/policy-ui/writes.ts) offers it. */
export interface LocationRevertWrite {
  mutateAsync(request: LocationRevertRequest): Promise<LocationRevertOutcome>;
}

/** What the timeline says once the dialog is done. */
export interface RevertReport {
  intent: 'success' | 'info' | 'warning';
  text: string;
}

export interface LocationChange {
  id: string;
  name: string;
  activity: string;
  at: string;
  /** The version to go back to. */
  before: JsonObject;
  /** What the change left (for a version kept on this device, the location as the console last read it). */
  after: JsonObject;
  /** A version kept on this device, not an audited change: it goes back to that version itself. */
  fromDevice?: boolean;
}

/** Whether the location holds what the change left, by the properties a revert writes. */
const holds = (now: JsonObject, after: JsonObject) =>
  locationDifferences(now, { '@odata.type': now['@odata.type'] ?? null, ...after }).length === 0;

export function RevertLocationDialog({
  change,
  policies,
  names,
  write,
  onDone,
  onClose,
}: {
  change: LocationChange;
  policies: readonly ConditionalAccessPolicy[] | undefined;
  names: NameDirectory | undefined;
  write: LocationRevertWrite;
  onDone(report: RevertReport): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const tenant = useTenantSession();
  // Read again as the dialog opens: the diff and the check are against the location as it is now.
  const read = useQuery({ ...namedLocationsQuery(tenant), staleTime: 0, refetchOnMount: 'always' });
  const found = read.isFetchedAfterMount ? read.data?.find((l) => l.id === change.id) : undefined;
  const now = found && isJsonObject(found) ? found : undefined;
  const goneNow = read.isFetchedAfterMount && !found;
  const [view, setView] = useDiffView();
  const inline = useInlineDiff(view);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  // A change made since, found by the write (or already by the read): shown, not overwritten.
  const [changedSince, setChangedSince] = useState<JsonObject | null>(null);
  // The write that found it had the focus on Revert, which now turns off: the focus goes to Close, in the dialog.
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (changedSince) closeButton.current?.focus();
  }, [changedSince]);
  // A kept version has no "after" of its own: the location as the dialog read it is what it replaces.
  const after = change.fromDevice ? (now ?? change.after) : change.after;
  const current = changedSince ?? now ?? after;
  const conflict = changedSince ?? (now && !holds(now, after) ? now : null);
  // Audit events of locations are all "Update named location": the date tells them apart.
  const target = change.fromDevice
    ? `the version kept on this device on ${formatDateTime(change.at)}`
    : `the version before “${change.activity}” of ${formatDateTime(change.at)}`;

  // Trusted before or after: its ranges (or its trust) change what "all trusted locations" covers.
  const touchesTrusted = current.isTrusted === true || change.before.isTrusted === true;
  const users = useMemo(() => policiesUsingLocation(policies ?? [], change.id, touchesTrusted), [policies, change.id, touchesTrusted]);
  // The name is the tenant's: isolated, a direction control in it cannot reorder the sentence around it.
  const quoted = `“${isolatedText(change.name)}”`;
  const sides = conflict
    ? { from: 'the location after that change', to: 'the location now' }
    : { from: 'the location now', to: 'the version it goes back to' };

  const revert = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await write.mutateAsync({ id: change.id, to: change.before, after });
      if (outcome.kind === 'conflict') return setChangedSince(outcome.current);
      onDone(
        outcome.kind === 'reverted'
          ? outcome.recovered
            ? {
                intent: 'success',
                text: `The connection dropped before Microsoft Graph answered; read back, ${quoted} is back to ${target}.`,
              }
            : { intent: 'success', text: `${quoted} is back to ${target}, as read back from the tenant.` }
          : outcome.kind === 'unchanged'
            ? { intent: 'info', text: `${quoted} already is ${target}: nothing was written.` }
            : outcome.written
              ? {
                  intent: 'warning',
                  text: `The revert of ${quoted} was sent, but the location was gone when read back: someone deleted it meanwhile. Deleted items keep it for 30 days.`,
                }
              : { intent: 'warning', text: `${quoted} was deleted since: nothing was written. Deleted items keep it for 30 days.` },
      );
    } catch (caught) {
      setError(describeError(caught, `revert the named location ${quoted}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Revert {quoted}?</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>It goes back to {target}. The version it holds now is kept on this device first.</Text>
            {conflict && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {quoted} was changed since “<Isolated>{change.activity}</Isolated>”: the diff shows it as it is now. Nothing was written;
                  to undo a later change, revert that change in the timeline.
                </MessageBarBody>
              </MessageBar>
            )}
            {users.length > 0 && (
              <MessageBar intent={users.some((u) => u.blocksWhenOn) ? 'warning' : 'info'} layout="multiline">
                <MessageBarBody>
                  This change affects {users.length === 1 ? '1 policy that uses' : `${users.length} policies that use`} this location. The
                  lock-out check does not evaluate locations: make sure the version it goes back to does not keep you or the
                  emergency-access accounts out.
                  <ul className={styles.users} aria-label="Policies that use this location">
                    {users.map((user) => (
                      <li key={user.name}>
                        <Isolated>{user.name}</Isolated> ({user.how})
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {read.isError && <ErrorState {...describeError(read.error, `read the named location ${quoted}`)} />}
            {goneNow && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {quoted} is no longer in the tenant: it was deleted since. Deleted items keep it for 30 days.
                </MessageBarBody>
              </MessageBar>
            )}
            {read.isFetching && !changedSince && <Spinner size="tiny" label="Reading the location as it is now…" labelPosition="after" />}
            <Text>
              {inline ? 'Removed lines' : 'Left'}: {sides.from}. {inline ? 'Added lines' : 'Right'}: {sides.to}.
            </Text>
            <PolicyDiff
              headingLevel={3}
              before={conflict ? after : current}
              after={conflict ? current : change.before}
              beforeLabel={conflict ? 'After that change' : 'The location now'}
              afterLabel={conflict ? 'The location now' : 'The version it goes back to'}
              names={names}
              view={view}
              onViewChange={setView}
              height="300px"
            />
            {error && <ErrorState {...error} />}
          </DialogContent>
          {/* Polite: the keyboard's focus stays on the busy button, whose new name is not always read. */}
          <SpokenStatus>{busy ? `Reverting ${isolatedText(change.name)}…` : null}</SpokenStatus>
          <DialogActions>
            {/* While reverting, both stay focusable (aria-disabled, clicks and keys ignored): disabled, they
                let the keyboard's focus fall behind the still open dialog. */}
            <Button
              appearance="primary"
              disabled={!busy && (!now || !!conflict)}
              disabledFocusable={busy}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void revert()}
            >
              {busy ? 'Reverting…' : 'Revert the location'}
            </Button>
            <Button ref={closeButton} disabledFocusable={busy} onClick={onClose}>
              {conflict ? 'Close' : 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
