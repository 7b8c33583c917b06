// A button whose action cannot be taken back (a rollout removed from the device, a step forgotten):
// it asks first, in a dialog that says what goes and what stays, Cancel first so Enter does not do it.
// The dialog's trigger gets the focus back on Cancel; on the action, whoever acts moves it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  type ButtonProps,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

export function ConfirmButton({
  children,
  icon,
  title,
  confirm,
  onConfirm,
  body,
}: {
  children: ReactNode;
  icon?: ButtonProps['icon'];
  /** The dialog's question. */
  title: ReactNode;
  /** The button in the dialog that does it. */
  confirm: string;
  body: ReactNode;
  onConfirm(): void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={icon}>{children}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
