// A timeline of changes, newest first, shared by the tenant's change history and a policy's History
// tab: audit-log events (who, the versions before and after) and versions kept on this device
// (compared with the policy now). Each entry says what changed in words, opens its diff in place,
// and can revert the policy to the version before it, or restore a version kept here, through the
// editor. Named locations' changes can be reverted too (in a dialog of their own), and a deleted
// one leads to Deleted items.
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AuditEvent } from '../../graph/audit';
import { describeError } from '../../graph/describe-error';
import type { NameDirectory } from '../../domain/references';
import type { JsonObject } from '../../domain/policy-body';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import type { StoredVersion } from '../../operations/ports';
import { formatDateTime } from '../../shared/ui/format';
import { SpokenStatus } from '../../shared/ui/live-status';
import { PolicyDiff, useDiffView } from '../../policy-ui/policy-diff';
import { describeChanges } from '../../domain/describe-changes';
import { withNamesOnTheirWay } from './names-on-their-way';
import { useRevert } from './use-revert';
import { DraftNotKept, UnsavedDraftInTheWay } from '../../policy-ui/open-in-editor';
import { paths } from '../../shared/routes/paths';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { RevertLocationDialog, type LocationChange, type LocationRevertWrite, type RevertReport } from './revert-location-dialog';
import { Notice } from '../../shared/ui/notice';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { ErrorState } from '../../shared/ui/error-state';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  entry: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    // A long name without spaces wraps, so the page keeps its width and the entry's link stays on screen.
    minWidth: 0,
    overflowWrap: 'anywhere',
    paddingLeft: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  local: { borderLeftColor: tokens.colorNeutralStroke1 },
  meta: { color: tokens.colorNeutralForeground3 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const AUDIT_UNREADABLE =
  'it needs the AuditLog.Read.All permission, a role that reads reports, and a Microsoft Entra ID P1 licence. Only the versions kept on this device are shown.';

/**
 * Why the audit log is missing from a timeline. Graph refuses (403) both a missing permission or role
 * and a tenant without the P1 licence: only then are those named. Anything else (a sign-in that
 * expired, the network, Graph's own trouble) is said as it is, with Try again (and Sign in again on a 401).
 */
export function AuditUnreadable({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const described = describeError(error, 'read the audit log');
  if (described.status === 403)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>The audit log could not be read (permission needed): {AUDIT_UNREADABLE}</MessageBarBody>
      </MessageBar>
    );
  return (
    <ErrorState
      {...described}
      title="The audit log could not be read"
      message={`${described.title}: ${described.message} Only the versions kept on this device are shown.`}
      onRetry={onRetry}
    />
  );
}

export interface TimelineEntry {
  key: string;
  at: string;
  by: string;
  activity: string;
  policyId: string;
  policyName: string;
  /** The version before the change: what a revert goes back to. */
  before: JsonObject | null;
  /** The version after it; for a version kept on this device, the policy as it is now. */
  after: JsonObject | null;
  fromDevice: boolean;
  /** For a version kept on this device: why it was kept, e.g. "before save". */
  reason?: string;
  /** An audit event whose version before is also kept on this device (the two are one entry). */
  alsoKeptOnDevice?: boolean;
  /** Named locations appear too: they change what policies mean. */
  isPolicy: boolean;
}

/** What the timeline knows of the tenant's named locations, to revert their changes or lead to the deleted ones. */
export interface TimelineLocations {
  /** The locations there now, by id. */
  current: ReadonlyMap<string, JsonObject>;
  /** Ids of the deleted locations still in Deleted items. */
  deleted: ReadonlySet<string>;
  /** The policies, to name those a location's change reaches. */
  policies: readonly ConditionalAccessPolicy[] | undefined;
  /** The write; without it, no revert is offered. */
  revert?: LocationRevertWrite;
}

// Versions kept of named locations (before a plan or a revert wrote them) carry their kind.
const isLocation = (version: JsonObject) => typeof version['@odata.type'] === 'string' && version['@odata.type'].endsWith('NamedLocation');

export const auditEntries = (events: readonly AuditEvent[]): TimelineEntry[] =>
  events.map((e) => ({
    key: e.id,
    at: e.at,
    by: e.by,
    activity: e.activity,
    policyId: e.targetId,
    policyName: e.targetName,
    before: e.before,
    after: e.after,
    fromDevice: false,
    isPolicy: e.targetType === 'Policy',
  }));

export const deviceEntries = (versions: readonly StoredVersion[], current: (policyId: string) => JsonObject | null): TimelineEntry[] =>
  versions.map((v, i) => {
    const version = JSON.parse(v.json) as JsonObject;
    return {
      key: `local-${i}-${v.recordedAt}`,
      at: v.recordedAt,
      by: 'you, on this device',
      activity: `Version kept on this device ${v.reason}`,
      reason: v.reason,
      policyId: v.itemId,
      policyName: typeof version.displayName === 'string' ? version.displayName : v.itemId,
      before: version,
      after: current(v.itemId),
      fromDevice: true,
      isPolicy: !isLocation(version),
    };
  });

export const newestFirst = (entries: TimelineEntry[]) => [...entries].sort((a, b) => b.at.localeCompare(a.at));

export function Timeline({
  entries,
  names,
  namesOnTheirWay = false,
  existing,
  showPolicy,
  locations,
}: {
  entries: TimelineEntry[];
  names: NameDirectory | undefined;
  /** The names are still looked up: those not known yet are said to be on their way, not shown as ids. */
  namesOnTheirWay?: boolean;
  /**
   * Ids of the policies that exist now: only those can be opened and reverted. Undefined while the
   * list is unknown (on its way, or failed): no policy's entry offers a revert or says it was deleted
   * then, and a kept version is not compared with a policy not read.
   */
  existing: ReadonlySet<string> | undefined;
  /** Name the policy of each entry (the tenant's timeline), or not (a policy's own history). */
  showPolicy: boolean;
  /** The named locations, where their changes are shown (the tenant's timeline). */
  locations?: TimelineLocations;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const revertTo = useRevert();
  const write = useWriteAccess();
  // The revert dialog gives focus back to the button that opened it (Fluent's restore target).
  const restoreFocusTarget = useRestoreFocusTarget();
  const [opened, setOpened] = useState<string | null>(null);
  const [view, setView] = useDiffView();
  const [revertError, setRevertError] = useState<{ text: string; draftOf?: string } | null>(null);
  const [revertingLocation, setRevertingLocation] = useState<LocationChange | null>(null);
  const [report, setReport] = useState<RevertReport | null>(null);
  // The revert whose policy is read before the editor opens (a second or so): its button is busy, the others wait.
  const [reverting, setReverting] = useState<{ key: string; said: string } | null>(null);
  const sentenceNames = useMemo(
    () =>
      namesOnTheirWay
        ? withNamesOnTheirWay(
            names,
            entries.flatMap((e) => [e.before, e.after]).filter((v) => !!v),
          )
        : names,
    [namesOnTheirWay, names, entries],
  );

  const revert = (entry: TimelineEntry) => {
    if (!entry.before || reverting) return;
    setRevertError(null);
    // The policy's name is the tenant's: isolated, a direction control in it cannot reorder the sentence.
    const name = isolatedText(entry.policyName);
    const which = showPolicy ? `${name} ` : '';
    setReverting({ key: entry.key, said: `${entry.fromDevice ? 'Restoring' : 'Reverting'}${showPolicy ? ` ${name}` : ''}…` });
    // A kept version is itself what the editor is given, not the one before it.
    const origin = entry.fromDevice
      ? `Restoring ${which}to the version kept on this device ${entry.reason ?? 'before a write'} of ${formatDateTime(entry.at)}`
      : `Reverting ${which}to the version before “${entry.activity}” of ${formatDateTime(entry.at)}`;
    revertTo(entry.policyId, entry.before, origin)
      .catch((error: unknown) =>
        // The editor's own refusals (a draft in the way, storage full) say what to do; Graph's errors are described.
        setRevertError(
          error instanceof UnsavedDraftInTheWay
            ? { text: error.message, draftOf: entry.policyId }
            : { text: error instanceof DraftNotKept ? error.message : describeError(error, `read ${name}`).title },
        ),
      )
      .finally(() => setReverting(null));
  };

  return (
    <>
      {/* Polite: focus stays on the busy button, whose new name is not always read. The editor's message says it is done. */}
      <SpokenStatus>{reverting?.said}</SpokenStatus>
      {report && (
        <Notice intent={report.intent}>
          <MessageBarBody>{report.text}</MessageBarBody>
        </Notice>
      )}
      {revertError && (
        <Notice intent="error">
          <MessageBarBody>
            Could not start the revert: {revertError.text}{' '}
            {revertError.draftOf && (
              <Link
                href={paths.editPolicy(revertError.draftOf)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(paths.editPolicy(revertError.draftOf!));
                }}
              >
                Continue editing
              </Link>
            )}
          </MessageBarBody>
        </Notice>
      )}
      <ol className={styles.list} aria-label="Changes, newest first">
        {entries.map((entry) => {
          const changes = entry.before && entry.after ? describeChanges(entry.before, entry.after, sentenceNames).map((c) => c.text) : [];
          const exists = !!existing?.has(entry.policyId);
          const deleted = !!existing && !exists;
          // A kept version of a policy the list has not told about: "now" is unknown, not empty.
          const nowUnknown = entry.fromDevice && entry.isPolicy && !entry.after && !existing;
          const locationNow = entry.isPolicy ? undefined : locations?.current.get(entry.policyId);
          const locationDeleted = !entry.isPolicy && !locationNow && !!locations?.deleted.has(entry.policyId);
          // A change that left a version behind, of a location that is still there (a deleted one is restored first).
          const locationChange: LocationChange | null =
            locations?.revert && entry.before && entry.after && locationNow
              ? {
                  id: entry.policyId,
                  name: entry.policyName,
                  activity: entry.activity,
                  at: entry.at,
                  before: entry.before,
                  after: entry.after,
                  fromDevice: entry.fromDevice,
                }
              : null;
          return (
            <li key={entry.key} className={entry.fromDevice ? `${styles.entry} ${styles.local}` : styles.entry}>
              <Text weight="semibold">
                {entry.activity}
                {showPolicy && ': '}
                {showPolicy &&
                  (exists ? (
                    <Link
                      href={paths.policy(entry.policyId)}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(paths.policy(entry.policyId));
                      }}
                    >
                      <Isolated>{entry.policyName}</Isolated>
                    </Link>
                  ) : (
                    <Isolated>{entry.policyName}</Isolated>
                  ))}
              </Text>
              <Text className={styles.meta}>
                {formatDateTime(entry.at)} · {entry.by}
                {entry.fromDevice ? '' : ', from the audit log'}
                {entry.alsoKeptOnDevice && '; the version before is also kept on this device'}
              </Text>
              {changes.length > 0 && (
                <ul className={styles.changes} aria-label={entry.fromDevice ? 'Changes since then' : 'Changes'}>
                  {changes.map((change) => (
                    <li key={change}>{entry.fromDevice ? `Since then: ${change}` : change}</li>
                  ))}
                </ul>
              )}
              <div className={styles.actions}>
                {(entry.before || entry.after) && !nowUnknown && (
                  <Button
                    size="small"
                    aria-expanded={opened === entry.key}
                    onClick={() => setOpened(opened === entry.key ? null : entry.key)}
                  >
                    {opened === entry.key ? 'Hide diff' : entry.fromDevice ? 'Compare with now' : 'Show diff'}
                  </Button>
                )}
                {entry.isPolicy && entry.before && exists && (
                  <WriteAccessTooltip access={write}>
                    <Button
                      size="small"
                      disabledFocusable={!write.allowed || !!reverting}
                      icon={reverting?.key === entry.key ? <Spinner size="tiny" /> : undefined}
                      onClick={() => revert(entry)}
                    >
                      {reverting?.key === entry.key
                        ? entry.fromDevice
                          ? 'Restoring…'
                          : 'Reverting…'
                        : entry.fromDevice
                          ? 'Restore this version…'
                          : 'Revert to the version before this…'}
                    </Button>
                  </WriteAccessTooltip>
                )}
                {entry.isPolicy && entry.before && deleted && (
                  <Button size="small" onClick={() => navigate(paths.deleted)}>
                    Deleted: see deleted policies
                  </Button>
                )}
                {locationChange && (
                  <WriteAccessTooltip access={write}>
                    <Button
                      size="small"
                      disabledFocusable={!write.allowed}
                      {...restoreFocusTarget}
                      onClick={() => {
                        setReport(null);
                        setRevertingLocation(locationChange);
                      }}
                    >
                      {entry.fromDevice ? 'Restore this version…' : 'Revert to the version before this…'}
                    </Button>
                  </WriteAccessTooltip>
                )}
                {locationDeleted && (
                  <Button size="small" onClick={() => navigate(paths.deleted)}>
                    Deleted: see deleted named locations
                  </Button>
                )}
              </div>
              {opened === entry.key && (
                <PolicyDiff
                  // The count's heading is under the page's h1 (change history, or the policy's page).
                  headingLevel={2}
                  before={entry.before ?? {}}
                  after={entry.after ?? {}}
                  beforeLabel={entry.fromDevice ? 'The version kept' : 'Before'}
                  afterLabel={entry.fromDevice ? 'The policy now' : 'After'}
                  names={names}
                  view={view}
                  onViewChange={setView}
                  height="360px"
                />
              )}
            </li>
          );
        })}
      </ol>
      {revertingLocation && locations?.revert && (
        <RevertLocationDialog
          change={revertingLocation}
          policies={locations.policies}
          names={names}
          write={locations.revert}
          onDone={(done) => {
            setReport(done);
            setRevertingLocation(null);
          }}
          onClose={() => setRevertingLocation(null)}
        />
      )}
    </>
  );
}
