// Cancelling a running rollout: everything put back as it was (the policy to its state before the
// rollout, the copy off, the ring groups kept), asked first in words, then written as a step through
// the shared plan flow; afterwards the copy, now off, may be deleted as a finished rollout's is.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { stateBeforeWords, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { Isolated } from '../../shared/ui/isolated-text';
import { DeleteCopyButton } from './delete-copy-button';

/** "Cancel rollout…": asks, saying what goes back and what stays, then hands the cancel to the plan flow (`onCancel`). */
export function CancelRolloutButton({ plan, onCancel }: { plan: RolloutPlan; onCancel(): void }) {
  const write = useWriteAccess();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <WriteAccessTooltip access={write}>
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<DismissCircleRegular />} disabledFocusable={!write.allowed}>
            Cancel rollout…
          </Button>
        </DialogTrigger>
      </WriteAccessTooltip>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Cancel the rollout of “<Isolated>{plan.policyName}</Isolated>”?
          </DialogTitle>
          <DialogContent>
            <p>
              The policy goes back to {stateBeforeWords(plan)}, as it was before the rollout; who it applies to stays as it is now.
              {plan.copyId ? (
                <>
                  {' '}
                  The copy “<Isolated>{plan.copyName}</Isolated>” is turned off: it no longer enforces anything for the rings.
                </>
              ) : null}{' '}
              The ring groups are kept in the tenant.
            </p>
            <p>
              You review the change before anything is written. The rollout cannot be advanced afterwards
              {plan.copyId ? '; deleting the copy is offered once the cancel is written.' : '.'}
            </p>
          </DialogContent>
          {/* The way out first: the dialog focuses its first button, and Enter must not cancel the rollout. */}
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Keep the rollout</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onCancel();
              }}
            >
              Review the cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A cancelled rollout's copy, off since the cancel: deleting it stops nothing, said so in its confirmation. */
export function DeleteCancelledCopy({ copy, onDeleted }: { copy: ConditionalAccessPolicy; onDeleted(): void }) {
  return (
    <DeleteCopyButton
      copy={copy}
      uncovered={null}
      words={
        copy.state === 'disabled'
          ? 'The rollout was cancelled and this copy is off: deleting it changes no sign-in. The ring groups stay in the tenant.'
          : 'The rollout was cancelled, but this copy is not off: it still applies to the rings’ members, and deleting it stops that.'
      }
      onDeleted={onDeleted}
    />
  );
}
