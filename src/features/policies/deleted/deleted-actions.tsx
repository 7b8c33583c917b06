// The two actions on a deleted policy. Restore brings it back as it was: a policy that was On
// enforces again at once, so that is said first; "as report-only" restores and then sets the state,
// shown as one action, and says so plainly if the second step fails (with a retry). Permanent
// deletion is final, so it needs the policy's name typed in.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { ErrorDescription } from '../../../graph/describe-error';
import type { DeletedPolicy } from '../../../graph/deleted-items';
import { ErrorState } from '../../../shared/ui/error-state';

export type RestoreMode = 'asItWas' | 'reportOnly';

export function RestoreDialog({ policy, busy, error, onRestore, onClose }: {
  policy: DeletedPolicy;
  busy: boolean;
  error: ErrorDescription | null;
  onRestore(mode: RestoreMode): void;
  onClose(): void;
}) {
  const wasOn = policy.state === 'enabled';
  const [mode, setMode] = useState<RestoreMode>(wasOn ? 'reportOnly' : 'asItWas');
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Restore “{policy.displayName}”?</DialogTitle>
          <DialogContent>
            {wasOn && (
              <MessageBar intent="warning">
                <MessageBarBody>It was On when it was deleted. Restored as it was, it enforces again at once.</MessageBarBody>
              </MessageBar>
            )}
            <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as RestoreMode)} aria-label="How to restore">
              <Radio value="reportOnly" label="Restore in report-only, to check its effect first" />
              <Radio value="asItWas" label={`Restore as it was (${wasOn ? 'On, enforced' : policy.state === 'disabled' ? 'Off' : 'Report-only'})`} />
            </RadioGroup>
            {error && <ErrorState {...error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => onRestore(mode)}>
              {busy ? 'Restoring…' : 'Restore'}
            </Button>
            <Button disabled={busy} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function PurgeDialog({ policy, busy, error, onPurge, onClose }: {
  policy: DeletedPolicy;
  busy: boolean;
  error: ErrorDescription | null;
  onPurge(): void;
  onClose(): void;
}) {
  const [typed, setTyped] = useState('');
  const name = policy.displayName ?? '';
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{name}” permanently?</DialogTitle>
          <DialogContent>
            <p>This is final: Microsoft Entra cannot bring it back afterwards, and it is removed from the deleted policies now rather than when its 30 days end.</p>
            <Field label={`Type the policy's name to confirm: ${name}`}>
              <Input value={typed} onChange={(_, data) => setTyped(data.value)} />
            </Field>
            {error && <ErrorState {...error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || typed.trim() !== name} onClick={onPurge} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {busy ? 'Deleting…' : 'Delete permanently'}
            </Button>
            <Button disabled={busy} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** When "restore as report-only" restored the policy but could not set its state. */
export function SecondStepFailed({ name, error, busy, onRetry }: { name: string; error: ErrorDescription; busy: boolean; onRetry(): void }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        “{name}” was restored, but setting it to report-only failed, so it is in the state it was deleted in. {error.message}
        {error.requestId && ` Request ID: ${error.requestId}.`}
      </MessageBarBody>
      <MessageBarActions>
        <Button disabled={busy} onClick={onRetry}>
          Set report-only again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
