// A policy on one side of a set comparison only: what that most likely means, and the way to act on
// it (a policy deleted since the backup is restored from Deleted items while the service keeps it;
// otherwise Import recreates it from the file, or copies it from the other tenant, after review).
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { PolicyMatch } from '../../domain/match-policies';
import { deletedPoliciesQuery } from '../../policy-ui/queries';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { formatDateTime } from '../../shared/ui/format';
import { isolatedText } from '../../shared/ui/isolated-text';

export interface ComparedWith {
  hereName: string;
  thereName: string;
  /** The other side is a file (a backup, or a file of policies), not a signed-in tenant. */
  file: boolean;
  /** The file is a backup of this tenant: a policy only there was most likely deleted since. */
  backupOfThisTenant: boolean;
}

export function OneSideOnly({ match, comparedWith }: { match: PolicyMatch; comparedWith: ComparedWith }) {
  const tenant = useTenantSession();
  const { file, backupOfThisTenant } = comparedWith;
  // Names from the tenants and the file, isolated in the sentences around them.
  const hereName = isolatedText(comparedWith.hereName);
  const thereName = isolatedText(comparedWith.thereName);
  const id = match.bId ?? null;
  const askDeleted = match.status === 'onlyB' && backupOfThisTenant && id !== null;
  const deleted = useQuery({ ...deletedPoliciesQuery(tenant), enabled: askDeleted });
  const inDeletedItems = askDeleted ? deleted.data?.find((p) => p.id === id) : undefined;

  if (match.status === 'onlyA')
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {backupOfThisTenant
            ? `Not in ${thereName}: created after the backup was taken, or left out of it.`
            : `${hereName} has this policy; ${thereName} has none with its id or its name.`}
        </MessageBarBody>
      </MessageBar>
    );
  if (match.status !== 'onlyB') return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {inDeletedItems ? (
          <>
            {`Deleted from ${hereName} on ${formatDateTime(inDeletedItems.deletedDateTime)}, and still in Deleted items: `}
            <RouterLink to={paths.deleted}>restore it from Deleted items</RouterLink>
            {' as it was when deleted.'}
          </>
        ) : (
          <>
            {!backupOfThisTenant
              ? `Not in ${hereName}. `
              : deleted.isSuccess
                ? `Not in ${hereName} any more, nor in Deleted items. `
                : `Not in ${hereName} any more. `}
            {'To '}
            {backupOfThisTenant ? 'recreate it' : 'copy it here'}
            {', open '}
            <RouterLink to={paths.import}>Import</RouterLink>
            {file ? ` and choose ${thereName} again` : ` and choose ${thereName} as the source`}
            {': its plan is reviewed before anything is written.'}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
