// The question before throwing work away on the edit page: undoing every change, or discarding a draft
// restored from this device. Keeping the work is the first button, so Enter never throws it away.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { Isolated } from '../../shared/ui/isolated-text';

export type DiscardQuestion = 'undo' | 'discard';

export function DiscardChangesDialog({
  asking,
  changeCount,
  policyName,
  onKeep,
  onDiscard,
}: {
  /** Which question is asked, or none (closed). */
  asking: DiscardQuestion | null;
  changeCount: number;
  policyName: string | undefined;
  onKeep(): void;
  onDiscard(): void;
}) {
  return (
    <Dialog open={asking !== null} onOpenChange={(_, data) => !data.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{asking === 'discard' ? 'Discard the draft?' : 'Undo all your changes?'}</DialogTitle>
          <DialogContent>
            {changeCount === 1 ? 'Your change' : changeCount > 1 ? `Your ${changeCount} changes` : 'Your changes'} to{' '}
            {policyName ? <Isolated>{policyName}</Isolated> : 'this policy'} will be discarded, here and in the draft kept on this device
            {asking === 'discard'
              ? '. The JSON becomes the policy as the tenant holds it now.'
              : '. The JSON goes back to the policy as you opened it.'}
          </DialogContent>
          {/* Keeping first: the dialog focuses its first button, and Enter must not throw the work away. */}
          <DialogActions>
            <Button onClick={onKeep}>Keep my changes</Button>
            <Button appearance="primary" onClick={onDiscard}>
              {asking === 'discard' ? 'Discard the draft' : 'Undo all changes'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
