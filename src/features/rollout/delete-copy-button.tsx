// The last step of a rollout: the copy deleted through the delete operation (its version kept on
// this device first; Microsoft Entra keeps it 30 days), after a confirmation that says the policy
// itself now covers the rings.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { useDeletePolicies } from '../../policy-ui/writes';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { ErrorState } from '../../shared/ui/error-state';
import { Isolated } from '../../shared/ui/isolated-text';

export function DeleteCopyButton({ copy, onDeleted }: { copy: ConditionalAccessPolicy; onDeleted(): void }) {
  const deletePolicies = useDeletePolicies();
  const write = useWriteAccess();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const name = copy.displayName ?? copy.id ?? '';

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePolicies.mutateAsync([{ ...copy, id: copy.id! }]);
      setOpen(false);
      onDeleted();
    } catch (caught) {
      setError(describeError(caught, 'delete the copy'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => !busy && setOpen(data.open)}>
      <WriteAccessTooltip access={write}>
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary" icon={<DeleteRegular />} disabledFocusable={!write.allowed}>
            Delete the copy…
          </Button>
        </DialogTrigger>
      </WriteAccessTooltip>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Delete “<Isolated>{name}</Isolated>”?
          </DialogTitle>
          <DialogContent>
            <p>
              The policy it copies is on for its own users, the rings among them, so the copy enforces nothing they do not already meet.
              Microsoft Entra keeps deleted policies for 30 days; a copy is also kept in this device’s history.
            </p>
            {error ? <ErrorState {...error} /> : null}
          </DialogContent>
          {/* Cancel first: the dialog focuses its first button, and Enter must not delete. */}
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={busy}>Cancel</Button>
            </DialogTrigger>
            {/* Focusable while it deletes: the keyboard stays on it (disabled, the focus left the dialog). */}
            <Button
              appearance="primary"
              disabledFocusable={busy}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void remove()}
            >
              {busy ? 'Deleting…' : 'Delete the copy'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
