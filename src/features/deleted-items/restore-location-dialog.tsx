// Restoring a deleted named location is asked first: the tenant's policies that use it (or All trusted
// locations, when it is trusted) take it into account again at once. Until the tenant's policies are
// read, which use it is not known: said so (still being read, or could not be read with Try again).
// When they arrive while it is open, what was found is said (the dialog's words change in place, the
// focus stays where it is); read again on Try again, "Reading again…" is said, then what was found or
// that they could not be read again.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { SpokenStatus } from '../../shared/ui/live-status';
import { AnnouncedElsewhere } from '../../shared/ui/announced-elsewhere';
import { describeUser, type LocationUser, type TenantPolicies } from './location-users';

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

/**
 * What is said when the tenant's policies arrive (or fail again) while the dialog is open: the words
 * change in place, which a screen reader does not say by itself. Nothing is said of what was there
 * when it opened.
 */
function useArrivalSaid(tenantPolicies: TenantPolicies, found: () => string): { status: string | null; arrived: boolean } {
  const status = tenantPolicies.status;
  const retrying = tenantPolicies.status === 'failed' && tenantPolicies.retrying;
  const [seen, setSeen] = useState({ status, retrying });
  const [said, setSaid] = useState<string | null>(null);
  const [arrived, setArrived] = useState(false);
  if (seen.status !== status || seen.retrying !== retrying) {
    setSeen({ status, retrying });
    setArrived(status === 'read');
    if (status === 'read') setSaid(`The tenant's policies were read: ${found()}`);
    else if (tenantPolicies.status === 'failed' && seen.status === 'failed' && seen.retrying && !retrying)
      setSaid(`The tenant's policies could not be read again: ${tenantPolicies.reason}`);
    // Failing the first time, the warning that appears says it.
    else setSaid(null);
  }
  return { status: retrying ? "Reading the tenant's policies again…" : said, arrived };
}

/** Arrived while the dialog is open, the warning is said by the status (once, politely), not also by Fluent's announcer. */
const Silenced = ({ when, children }: { when: boolean; children: ReactNode }) =>
  when ? <AnnouncedElsewhere>{children}</AnnouncedElsewhere> : children;

/** Asks before restoring: the tenant's policies that use the location take it into account again at once. */
export function RestoreLocationDialog({
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
  const using = [...live.map(describeUser), ...trusted.map((u) => `${describeUser(u)}, through All trusted locations`)];
  const arrival = useArrivalSaid(tenantPolicies, () =>
    using.length === 0
      ? 'no policy in the tenant uses it.'
      : `${using.length === 1 ? 'a policy in the tenant uses it' : `${using.length} policies in the tenant use it`}: ${using.join(', ')}.`,
  );
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
              <Silenced when={arrival.arrived}>
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
              </Silenced>
            ) : (
              <p>No policy in the tenant uses it: restoring it changes what no policy enforces.</p>
            )}
            {deleted.length > 0 && <p>Deleted policies that use it: {deleted.map((u) => isolatedText(u.name)).join(', ')}.</p>}
          </DialogContent>
          {/* Polite: said where the focus is, which stays. */}
          <SpokenStatus>{arrival.status}</SpokenStatus>
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
