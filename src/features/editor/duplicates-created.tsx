// After a create whose connection was cut, the browser may have sent it twice: the tenant then holds
// identical copies. Say so plainly, show which one the console kept, and delete the others in one
// click (each is kept in this device's history first, and goes to deleted items for 30 days).
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError, type ErrorDescription } from '../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { ErrorState } from '../../shared/ui/error-state';
import { formatDateTime } from '../../shared/ui/format';
import { useDeletePolicies } from '../../policy-ui/writes';
import { paths } from '../../shared/routes/paths';
import { Isolated } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

export function DuplicatesCreated({ kept, extra }: { kept: ConditionalAccessPolicy; extra: ConditionalAccessPolicy[] }) {
  const styles = useStyles();
  const deletePolicies = useDeletePolicies();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const copies = extra.length === 1 ? 'an identical copy' : `${extra.length} identical copies`;

  const removeCopies = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePolicies.mutateAsync(extra.map((copy) => ({ ...copy, id: copy.id! })));
      navigate(paths.policy(kept.id!), { state: { created: true } });
    } catch (caught) {
      setError(describeError(caught, 'delete the copy'));
      setBusy(false);
    }
  };

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          “<Isolated>{kept.displayName}</Isolated>” was created, and so was {copies}
        </MessageBarTitle>
        The connection to Microsoft Graph was interrupted while the policy was being created, and the request reached the service more than
        once. The tenant now holds:
        <ul className={styles.list} aria-label="Policies created">
          <li>
            <Link to={paths.policy(kept.id!)}>
              <Isolated>{kept.displayName}</Isolated>
            </Link>{' '}
            (id {kept.id}, created {formatDateTime(kept.createdDateTime)}): the one kept
          </li>
          {extra.map((copy) => (
            <li key={copy.id}>
              <Link to={paths.policy(copy.id!)}>
                <Isolated>{copy.displayName}</Isolated>
              </Link>{' '}
              (id {copy.id}, created {formatDateTime(copy.createdDateTime)}): a duplicate
            </li>
          ))}
        </ul>
        {error && <ErrorState {...error} />}
        <div className={styles.actions}>
          {/* While deleting, both stay focusable (aria-disabled, presses ignored): disabled, they dropped the
              keyboard's focus to the page's start. */}
          <Button
            appearance="primary"
            disabledFocusable={busy}
            icon={busy ? <Spinner size="tiny" /> : undefined}
            onClick={() => void removeCopies()}
          >
            {busy ? 'Deleting…' : extra.length === 1 ? 'Delete the duplicate' : `Delete the ${extra.length} duplicates`}
          </Button>
          <Button disabledFocusable={busy} onClick={() => navigate(paths.policy(kept.id!), { state: { created: true } })}>
            Keep both and open the policy
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
