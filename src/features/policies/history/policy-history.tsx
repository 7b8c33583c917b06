// A policy's history: the audit log's changes (who, when, the policy before and after) merged with
// the versions this device kept before each save and delete. Each entry says what changed in words;
// any version can be compared with the policy as it is now, or reverted to through the editor
// (diff first, checks and the lock-out guard applied).
import { Button, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listPolicyAuditEvents } from '../../../graph/audit';
import { describeError } from '../../../graph/describe-error';
import { type JsonObject } from '../../../graph/policy-body';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { useTenantSession } from '../../../session/tenant-session';
import { listVersions } from '../../../shared/storage/version-history';
import { formatDateTime } from '../../../shared/ui/format';
import { useNames } from '../api/policy-queries';
import { describeChanges } from '../lib/describe-changes';
import { PolicyDiff, useDiffView } from '../compare/policy-diff';
import { useRevert } from './use-revert';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground3 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Entry {
  key: string;
  at: string;
  title: string;
  source: string;
  /** The version this entry can be compared with and reverted to. */
  version: JsonObject | null;
  changes: string[];
}

export function PolicyHistory({ policy }: { policy: ConditionalAccessPolicy }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [view, setView] = useDiffView();
  const id = policy.id ?? '';
  const [since] = useState(() => new Date(Date.now() - 30 * 86_400_000));
  const audit = useQuery({ queryKey: [...tenant.scopeKey, 'audit', id], queryFn: ({ signal }) => listPolicyAuditEvents(tenant.client, id, since, signal) });
  const local = useQuery({ queryKey: [...tenant.scopeKey, 'local-history', id], queryFn: () => listVersions(tenant.account.tenantId, id) });
  const names = useNames(tenant, [policy]);
  const [comparing, setComparing] = useState<string | null>(null);
  const current = policy as unknown as JsonObject;

  const entries: Entry[] = [
    ...(audit.data ?? []).map((event) => ({
      key: event.id,
      at: event.at,
      title: event.activity,
      source: `${event.by}, from the audit log`,
      version: event.before,
      changes: event.before && event.after ? describeChanges(event.before, event.after, names.data).map((c) => c.text) : [],
    })),
    ...(local.data ?? []).map((version, index) => {
      const json = JSON.parse(version.json) as JsonObject;
      return {
        key: `local-${index}`,
        at: version.recordedAt,
        title: `Version kept on this device ${version.reason}`,
        source: 'this device',
        version: json,
        changes: describeChanges(json, current, names.data).map((c) => `Since then: ${c.text}`),
      };
    }),
  ].sort((a, b) => b.at.localeCompare(a.at));

  const revertTo = useRevert();
  const revert = (entry: Entry) => {
    if (entry.version) void revertTo(id, entry.version, `Reverting to the version before “${entry.title}” of ${formatDateTime(entry.at)}`);
  };

  return (
    <section aria-label="History">
      {audit.isError && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The audit log could not be read ({describeError(audit.error).title.toLowerCase()}): it needs the AuditLog.Read.All permission, a role that reads reports, and a Microsoft Entra ID P1 licence. Only the versions kept on this device are shown.
          </MessageBarBody>
        </MessageBar>
      )}
      {(audit.isPending || local.isPending) && <Skeleton aria-label="Loading history"><SkeletonItem size={64} /></Skeleton>}
      {!audit.isPending && !local.isPending && entries.length === 0 && <Text>No changes in the last 30 days, and no versions kept on this device.</Text>}
      <ol className={styles.list} aria-label="Changes, newest first">
        {entries.map((entry) => (
          <li key={entry.key} className={styles.entry}>
            <Text weight="semibold">{entry.title}</Text>
            <Text className={styles.meta}>
              {formatDateTime(entry.at)} · {entry.source}
            </Text>
            {entry.changes.length > 0 && (
              <ul className={styles.changes}>
                {entry.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            )}
            {entry.version && (
              <div className={styles.actions}>
                <Button size="small" onClick={() => setComparing(comparing === entry.key ? null : entry.key)} aria-expanded={comparing === entry.key}>
                  {comparing === entry.key ? 'Hide comparison' : 'Compare with now'}
                </Button>
                <Button size="small" onClick={() => revert(entry)}>
                  Revert to the version before this…
                </Button>
              </div>
            )}
            {comparing === entry.key && entry.version && (
              <PolicyDiff before={entry.version} after={current} beforeLabel="That version" afterLabel="The policy now" names={names.data} view={view} onViewChange={setView} height="360px" />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
