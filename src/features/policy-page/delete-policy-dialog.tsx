// Deleting a policy: a confirmation that names it and says what happens (it stops applying at once;
// Graph keeps it for 30 days), the version kept in the local history first, then the soft delete.
// The policy is read again when the dialog opens: the page's copy may be a placeholder from the list
// or older than another admin's change, and the words ("is Off") come from the fresh read.
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
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import { GraphRequestError } from '../../graph/errors';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useWriteAccess, WriteAccessTooltip, type WriteAccess } from '../../session/write-access';
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

/** What reading the policy again gives: the query's refetch result. */
export interface PolicyRead {
  data?: ConditionalAccessPolicy;
  error: unknown;
}

export interface DeletePolicyButtonProps {
  /** The policy as the page shows it. */
  policy: ConditionalAccessPolicy;
  /** Reads the policy from the tenant again. */
  refresh: () => Promise<PolicyRead>;
  /** Whether it can be deleted, and why not: the page's (a policy the tenant no longer has cannot be); the account's by default. */
  access?: WriteAccess;
}

export function DeletePolicyButton({ policy: shown, refresh, access }: DeletePolicyButtonProps) {
  const styles = useStyles();
  const deletePolicies = useDeletePolicies();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const accountAccess = useWriteAccess();
  const write = access ?? accountAccess;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  // The read made when the dialog opened: what its words say, and whether Delete can be pressed.
  const [read, setRead] = useState<{ reading: true } | { reading: false; fresh?: ConditionalAccessPolicy; failed?: unknown } | null>(null);
  const reads = useRef(0);
  const fresh = read && !read.reading ? read.fresh : undefined;
  const policy = fresh ?? shown;
  const name = policy.displayName ?? policy.id ?? '';
  const readFailed = read && !read.reading && read.failed !== undefined ? read.failed : undefined;
  const gone = readFailed instanceof GraphRequestError && readFailed.status === 404;
  // Deleting waits for the read (the page's copy may be a placeholder from the list): the words must be
  // about the policy as the tenant holds it now.
  const ready = !!fresh;
  const readAgain = () => {
    const mine = ++reads.current;
    setRead({ reading: true });
    refresh().then(
      (result) => {
        if (mine !== reads.current) return;
        setRead(
          result.error || !result.data
            ? { reading: false, failed: result.error ?? new Error('No policy came back.') }
            : { reading: false, fresh: result.data },
        );
      },
      (failed: unknown) => mine === reads.current && setRead({ reading: false, failed }),
    );
  };
  // The restore deadline, counted from when the dialog opens (the page may have stood open for days).
  const [until, setUntil] = useState(restoreDeadline);

  const remove = async () => {
    if (busy || !ready) return;
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
          readAgain();
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
            {read?.reading ? (
              // A div: the Spinner draws divs, which a <p> may not hold (React says so on the console).
              <div>
                <Spinner size="tiny" label="Reading the policy as the tenant holds it now…" />
              </div>
            ) : gone ? (
              <p>
                “<Isolated>{name}</Isolated>” no longer exists: someone may have deleted it since this page read it. There is nothing to
                delete.
              </p>
            ) : readFailed !== undefined ? (
              <ErrorState {...describeError(readFailed, 'read the policy again')} onRetry={readAgain} />
            ) : (
              <p>
                “<Isolated>{name}</Isolated>” is {stateLabels[policy.state ?? ''] ?? policy.state}
                {policy.state === 'enabled' ? ': deleting it stops enforcing it at once.' : '.'} Microsoft Entra keeps deleted policies for
                30 days, so it can be restored until {until}. A copy is also kept in this device's history.
              </p>
            )}
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
              disabledFocusable={busy || !ready}
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
