// A policy's history: the audit log's changes of the last 30 days merged with the versions this
// device kept before each save and delete, as a timeline (changes in words, diffs, revert).
import { Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { eventsOf } from '../../graph/audit';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { localHistoryQuery, recentAuditQuery } from '../../policy-ui/queries';
import { stillResolving, useNamesKnownFirst } from '../../policy-ui/known-names';
import { AuditUnreadable, auditEntries, deviceEntries, newestFirst, Timeline } from './timeline';
import { mergeDeviceEntries } from './merge-device-entries';
import { asPolicies, policyJson } from '../../domain/json';

export function PolicyHistory({ policy }: { policy: ConditionalAccessPolicy }) {
  const tenant = useTenantSession();
  const id = policy.id ?? '';
  const audit = useQuery(recentAuditQuery(tenant));
  const local = useQuery(localHistoryQuery(tenant, id));
  const entries = useMemo(
    () =>
      newestFirst(
        mergeDeviceEntries(
          auditEntries(eventsOf(audit.data ?? [], id)),
          deviceEntries(local.data ?? [], () => policyJson(policy)),
        ),
      ),
    [audit.data, local.data, policy, id],
  );
  // Earlier versions can name objects the policy no longer refers to.
  const versions = useMemo(
    () => [policy, ...asPolicies(entries.flatMap((e) => [e.before, e.after]).filter((v): v is JsonObject => !!v))],
    [policy, entries],
  );
  const names = useNamesKnownFirst(tenant, versions);
  const existing = useMemo(() => new Set([id]), [id]);

  return (
    <section aria-label="History">
      {audit.isError && <AuditUnreadable error={audit.error} onRetry={() => void audit.refetch()} />}
      {(audit.isPending || local.isPending) && (
        <Skeleton aria-label="Loading history">
          <SkeletonItem size={64} />
        </Skeleton>
      )}
      {!audit.isPending && !local.isPending && entries.length === 0 && (
        <Text>
          {audit.isError
            ? 'No versions kept on this device. The audit log’s changes show once it can be read again.'
            : 'No changes in the last 30 days, and no versions kept on this device.'}
        </Text>
      )}
      <Timeline entries={entries} names={names.data} namesOnTheirWay={stillResolving(names)} existing={existing} showPolicy={false} />
    </section>
  );
}
