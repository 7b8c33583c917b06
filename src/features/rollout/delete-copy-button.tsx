// The last step of a rollout: the copy deleted through the delete operation (its version kept on
// this device first; Microsoft Entra keeps it 30 days), after a confirmation that says whether the policy
// itself covers the rings, or the copy is what enforces it for members the policy leaves out (or, after a
// cancel, that the copy is off).
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

/** What the copy still does for the rings, said before it is deleted. */
function copyWords(uncovered: readonly string[] | null): string {
  if (uncovered === null)
    return 'The copy enforces the policy for the rings’ members: deleting it leaves them with what the policy itself covers.';
  if (uncovered.length === 0)
    return 'The policy it copies is on for its own users, the rings among them, so the copy enforces nothing they do not already meet.';
  return (
    `The policy it copies does not include all users, nor ${uncovered.join(', ')}: for the members it leaves out, the copy is ` +
    'what enforces it, and deleting the copy stops that.'
  );
}

export function DeleteCopyButton({
  copy,
  uncovered,
  words,
  onDeleted,
}: {
  copy: ConditionalAccessPolicy;
  /** The rings (named) whose group the policy does not include, all users not being included; null when the policy is not read. */
  uncovered: readonly string[] | null;
  /** What the copy still does, said instead of the rings' coverage (a cancelled rollout's copy is off). */
  words?: string;
  onDeleted(): void;
}) {
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
              {words ?? copyWords(uncovered)} Microsoft Entra keeps deleted policies for 30 days; a copy is also kept in this device’s
              history.
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
