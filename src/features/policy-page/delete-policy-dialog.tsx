// Deleting a policy: a confirmation that names it and says what happens (it stops applying at once;
// Graph keeps it for 30 days), the version kept in the local history first, then the soft delete.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDate } from '../../shared/ui/format';
import { useDeletePolicies } from '../../policy-ui/writes';
import { stateLabels } from '../../domain/labels';
import { paths } from '../../shared/routes/paths';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  // Destructive, and plainly so: the name is in the question above, the button says what it does.
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

const restoreDeadline = () => formatDate(new Date(Date.now() + 30 * 86_400_000).toISOString());

export function DeletePolicyButton({ policy }: { policy: ConditionalAccessPolicy }) {
  const styles = useStyles();
  const deletePolicies = useDeletePolicies();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const write = useWriteAccess();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const name = policy.displayName ?? policy.id ?? '';
  // The restore deadline, counted from when the dialog opens (the page may have stood open for days).
  const [until, setUntil] = useState(restoreDeadline);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePolicies.mutateAsync([{ ...policy, id: policy.id! }]);
      navigate(paths.policies, { state: { deleted: name } });
    } catch (caught) {
      setError(describeError(caught, 'delete the policy'));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (busy) return;
        // Opened again: a new deadline, and the last attempt's failure is gone (it was said then).
        if (data.open) {
          setUntil(restoreDeadline());
          setError(null);
        }
        setOpen(data.open);
      }}
    >
      <WriteAccessTooltip access={write}>
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<DeleteRegular />} disabledFocusable={!write.allowed}>
            Delete…
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
              “<Isolated>{name}</Isolated>” is {stateLabels[policy.state ?? ''] ?? policy.state}
              {policy.state === 'enabled' ? ': deleting it stops enforcing it at once.' : '.'} Microsoft Entra keeps deleted policies for 30
              days, so it can be restored until {until}. A copy is also kept in this device's history.
            </p>
            {error && <ErrorState {...error} />}
          </DialogContent>
          {/* Cancel first: the dialog focuses its first button, and Enter must not delete. */}
          <DialogActions>
            {/* While deleting, both stay focusable (aria-disabled, presses ignored): disabled, they dropped the
                keyboard's focus to the page behind the still open dialog. */}
            <DialogTrigger disableButtonEnhancement>
              <Button disabledFocusable={busy}>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              className={styles.danger}
              disabledFocusable={busy}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void remove()}
            >
              {busy ? 'Deleting…' : 'Delete policy'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
