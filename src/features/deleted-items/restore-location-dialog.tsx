// Restoring a deleted named location is asked first: the tenant's policies that use it (or All trusted
// locations, when it is trusted) take it into account again at once. Until the tenant's policies are
// read, which use it is not known: said so (still being read, or could not be read with Try again).
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
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
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
