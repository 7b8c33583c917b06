// A policy's history: the audit log's changes of the last 30 days merged with the versions this
// device kept before each save and delete, as a timeline (changes in words, diffs, revert).
import { MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { eventsOf } from '../../graph/audit';
import { describeError } from '../../graph/describe-error';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { listVersions } from '../../shared/storage/version-history';
import { recentAuditQuery, useNames } from '../../policy-ui/policy-queries';
import { AUDIT_UNREADABLE, auditEntries, deviceEntries, newestFirst, Timeline } from './timeline';

export function PolicyHistory({ policy }: { policy: ConditionalAccessPolicy }) {
  const tenant = useTenantSession();
  const id = policy.id ?? '';
  const audit = useQuery(recentAuditQuery(tenant));
  const local = useQuery({ queryKey: [...tenant.scopeKey, 'local-history', id], queryFn: () => listVersions(tenant.account.tenantId, id) });
  const entries = useMemo(
    () => newestFirst([...auditEntries(eventsOf(audit.data ?? [], id)), ...deviceEntries(local.data ?? [], () => policy as unknown as JsonObject)]),
    [audit.data, local.data, policy, id],
  );
  // Earlier versions can name objects the policy no longer refers to.
  const versions = useMemo(() => [policy, ...(entries.flatMap((e) => [e.before, e.after]).filter(Boolean) as unknown as ConditionalAccessPolicy[])], [policy, entries]);
  const names = useNames(tenant, versions);
  const existing = useMemo(() => new Set([id]), [id]);

  return (
    <section aria-label="History">
      {audit.isError && (
        <MessageBar intent="warning">
          <MessageBarBody>The audit log could not be read ({describeError(audit.error).title.toLowerCase()}): {AUDIT_UNREADABLE}</MessageBarBody>
        </MessageBar>
      )}
      {(audit.isPending || local.isPending) && <Skeleton aria-label="Loading history"><SkeletonItem size={64} /></Skeleton>}
      {!audit.isPending && !local.isPending && entries.length === 0 && <Text>No changes in the last 30 days, and no versions kept on this device.</Text>}
      <Timeline entries={entries} names={names.data} existing={existing} showPolicy={false} />
    </section>
  );
}
