// Reading the tenant's policies again, on the admin's word. The list is read neither on focus nor on
// a timer (Graph paces Conditional Access), so what another admin changed since shows when asked for:
// the list, the names in it and the audit log's "by whom" of the watched policies are read again.
import { Button, makeStyles, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { use, useState } from 'react';
import { describeError } from '../../graph/describe-error';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { namesQuery, recentAuditQuery } from '../../policy-ui/queries';
import type { TenantSession } from '../../session/tenant-session';
import { formatTime } from '../../shared/ui/format';
import { SpokenStatus } from '../../shared/ui/live-status';
import { SignInAgainContext } from '../../shared/ui/error-state';
import { Notice } from '../../shared/ui/notice';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  when: { color: tokens.colorNeutralForeground3 },
});

export function ReadAgain({ tenant, policies }: { tenant: TenantSession; policies: UseQueryResult<ConditionalAccessPolicy[]> }) {
  const styles = useStyles();
  const client = useQueryClient();
  const [said, setSaid] = useState<{ text: string; occasion: number } | null>(null);
  const reading = policies.isFetching;

  const readAgain = async () => {
    // Marked stale, not read now: the list's own read asks for its names as it arrives (those of the
    // new list, which may differ), and the watched policies' bar reads the audit log if it shows a change.
    void client.invalidateQueries({ queryKey: namesQuery(tenant, policies.data).queryKey, refetchType: 'none' });
    void client.invalidateQueries({ queryKey: recentAuditQuery(tenant).queryKey });
    const read = await policies.refetch();
    // A failure is said by the page's warning, which keeps the rows as they were read.
    if (!read.isError)
      setSaid((last) => ({ text: `Policies read again at ${formatTime(read.dataUpdatedAt)}.`, occasion: (last?.occasion ?? 0) + 1 }));
  };

  return (
    <div className={styles.root}>
      <Button icon={<ArrowClockwiseRegular />} disabledFocusable={reading} onClick={() => void readAgain()}>
        {reading ? 'Reading…' : 'Refresh'}
      </Button>
      {policies.dataUpdatedAt > 0 && (
        <Text size={200} className={styles.when}>
          Read at {formatTime(policies.dataUpdatedAt)}
        </Text>
      )}
      <SpokenStatus occasion={said?.occasion}>{said?.text}</SpokenStatus>
    </div>
  );
}

/**
 * The list read before and not again: the rows stay as they were read and this says so, again at each failed
 * try (a Notice), with Graph's code and request id, and Sign in again when the sign-in was refused.
 */
export function ListNotReadAgain({ policies }: { policies: UseQueryResult<ConditionalAccessPolicy[]> }) {
  const styles = useStyles();
  const signInAgain = use(SignInAgainContext);
  const error = describeError(policies.error);
  return (
    <Notice intent="warning" layout="multiline" occasion={policies.errorUpdatedAt}>
      <MessageBarBody>
        The policies could not be read again, so the list is as read at {formatTime(policies.dataUpdatedAt)}. {error.message}
        {(error.code || error.requestId) && (
          <Text block size={200} className={styles.when}>
            {error.code && <>Code: {error.code} </>}
            {error.requestId && <>Request id: {error.requestId}</>}
          </Text>
        )}
      </MessageBarBody>
      {error.status === 401 && signInAgain && (
        <MessageBarActions>
          <Button onClick={signInAgain}>Sign in again</Button>
        </MessageBarActions>
      )}
    </Notice>
  );
}
