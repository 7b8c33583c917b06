// On the policies page: which watched policies changed since the admin last looked, by whom (from
// the audit log, where readable), in words, with the diff a click away; "seen" moves the mark. A
// policy turned Off or deleted leads, and makes the bar a warning: it no longer protects.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { formatDateTime } from '../../shared/ui/format';
import { recentAuditQuery, useNames } from '../../policy-ui/queries';
import { PolicyDiff, useDiffView } from '../../policy-ui/policy-diff';
import { describeChanges } from '../../domain/describe-changes';
import { useWatched, type WatchedPolicy } from '../../policy-ui/watch-store';
import { asPolicies, policyJson } from '../../domain/json';
import { SpokenStatus } from '../../shared/ui/live-status';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { summarizeWatched, summaryText, type WatchedSummary } from './watched-summary';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  surface: { maxWidth: 'min(1400px, 95vw)', width: '95vw' },
});

interface WatchedChange {
  id: string;
  watched: WatchedPolicy;
  now: JsonObject | null;
  /** The policy's name now; a deleted one keeps the name it was watched or last seen under. */
  name: string;
  /** The name it was watched or last seen under, when it has been renamed since; else null. */
  wasName: string | null;
  /** How many changes in words since it was seen (0 when deleted). */
  count: number;
}

const weakened = (summary: WatchedSummary) => summary.turnedOff || summary.unenforced || summary.deleted;

/** "1 watched policy changed since you last looked: 1 turned Off, 1 no longer enforced, 1 deleted". */
function bannerTitle(summaries: readonly WatchedSummary[]) {
  const changed = summaries.length === 1 ? '1 watched policy changed' : `${summaries.length} watched policies changed`;
  const off = summaries.filter((s) => s.turnedOff).length;
  const unenforced = summaries.filter((s) => s.unenforced).length;
  const deleted = summaries.filter((s) => s.deleted).length;
  const worst = [off ? `${off} turned Off` : '', unenforced ? `${unenforced} no longer enforced` : '', deleted ? `${deleted} deleted` : '']
    .filter(Boolean)
    .join(', ');
  return `${changed} since you last looked${worst ? `: ${worst}` : ''}`;
}

// A rename shows beside the name the admin will find in the list now, not hidden in "and 1 more".
function PolicyName({ change }: { change: WatchedChange }) {
  return (
    <>
      <Isolated>{change.name}</Isolated>
      {change.wasName !== null && (
        <>
          {' (was '}
          <Isolated>{change.wasName}</Isolated>
          {')'}
        </>
      )}
    </>
  );
}

const currentName = (watched: WatchedPolicy, now: JsonObject | null) =>
  now && typeof now.displayName === 'string' ? now.displayName : watched.name;

function ChangesDialog({ change, onClose }: { change: WatchedChange; onClose(): void }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [view, setView] = useDiffView();
  const versions = useMemo(() => asPolicies([change.watched.snapshot, ...(change.now ? [change.now] : [])]), [change]);
  const names = useNames(tenant, versions);
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            <PolicyName change={change} />: since you last looked
          </DialogTitle>
          <DialogContent>
            <PolicyDiff
              headingLevel={3}
              before={change.watched.snapshot}
              after={change.now ?? {}}
              beforeLabel={`As you saw it on ${formatDateTime(change.watched.seenAt)}`}
              afterLabel={change.now ? 'Now' : 'Deleted'}
              names={names.data}
              view={view}
              onViewChange={setView}
              height="420px"
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function WatchedChanges({ policies }: { policies: readonly ConditionalAccessPolicy[] }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const { watched, markSeen, unwatch } = useWatched(tenant.account.key);
  const [open, setOpen] = useState<WatchedChange | null>(null);
  // The dialog is opened by code: its Show changes button gets the focus back when it closes.
  const rememberOpener = useFocusReturn(open !== null);
  // What the last Mark as seen or Stop watching did, said; its occasion says the same words again.
  const [said, setSaid] = useState<{ text: string; occasion: number } | null>(null);
  // The item a button took away: once it is gone, the focus goes to the next one's Show changes (the
  // one before when it was the last), or to the page's heading when none is left.
  const leaving = useRef<{ id: string; next: string | null } | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const changes = useMemo<WatchedChange[]>(() => {
    const byId = new Map(policies.map((p) => [p.id, policyJson(p)]));
    return (
      Object.entries(watched)
        .map(([id, entry]) => ({ id, watched: entry, now: byId.get(id) ?? null }))
        .filter((c) => !c.now || (c.now.modifiedDateTime ?? null) !== c.watched.seenModified)
        .map((c) => {
          const name = currentName(c.watched, c.now);
          const count = c.now ? describeChanges(c.watched.snapshot, c.now).length : 0;
          return { ...c, name, wasName: name === c.watched.name ? null : c.watched.name, count };
        })
        // A change of read-only fields alone is not a change to show.
        .filter((c) => !c.now || c.count > 0)
    );
  }, [policies, watched]);

  // Who changed it: the audit log keeps 30 days, and so does the shared read of it.
  const audit = useQuery({ ...recentAuditQuery(tenant), enabled: changes.length > 0 });
  const lastBy = (id: string, after: string) => audit.data?.find((e) => e.targetId === id && e.at >= after);
  // Group and user names in the words, as the dialog's diff shows them; ids until they are read.
  const versions = useMemo(() => asPolicies(changes.flatMap((c) => [c.watched.snapshot, ...(c.now ? [c.now] : [])])), [changes]);
  const names = useNames(tenant, changes.length > 0 ? versions : undefined);
  const summarized = useMemo(() => {
    const all = changes.map((change) => ({ change, summary: summarizeWatched(change.watched.snapshot, change.now, names.data) }));
    // What no longer protects first; otherwise in the order they were watched.
    return [...all.filter((s) => weakened(s.summary)), ...all.filter((s) => !weakened(s.summary))];
  }, [changes, names.data]);

  useEffect(() => {
    const left = leaving.current;
    if (!left || changes.some((c) => c.id === left.id)) return;
    leaving.current = null;
    const next = [...(list.current?.querySelectorAll<HTMLElement>('[data-watched-show]') ?? [])].find(
      (button) => button.dataset.watchedShow === left.next,
    );
    if (next) return next.focus();
    const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  });

  const leave = (index: number, done: string) => {
    const id = summarized[index]!.change.id;
    const next = summarized[index + 1] ?? summarized[index - 1];
    leaving.current = { id, next: next?.change.id ?? null };
    setSaid((last) => ({ text: next ? done : `${done} Nothing else you watch has changed.`, occasion: (last?.occasion ?? 0) + 1 }));
  };

  const status = <SpokenStatus occasion={said?.occasion}>{said?.text}</SpokenStatus>;
  if (changes.length === 0) return status;
  const summaries = summarized.map((s) => s.summary);
  return (
    <>
      {status}
      <MessageBar intent={summaries.some(weakened) ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{bannerTitle(summaries)}</MessageBarTitle>
          <ul ref={list} className={styles.list} aria-label="Watched policies that changed">
            {summarized.map(({ change, summary }, index) => {
              const event = lastBy(change.id, change.watched.seenAt);
              return (
                <li key={change.id} className={styles.item}>
                  <Text weight="semibold">
                    <PolicyName change={change} />
                  </Text>
                  <Text>
                    {change.now ? (
                      <>
                        {summary.turnedOff || summary.unenforced ? <strong>{summaryText(summary)}</strong> : summaryText(summary)}
                        {`, last ${formatDateTime(String(change.now.modifiedDateTime ?? ''))}`}
                      </>
                    ) : (
                      <strong>deleted</strong>
                    )}
                    {event ? ` by ${event.by}` : ''}
                  </Text>
                  <Button
                    size="small"
                    data-watched-show={change.id}
                    onClick={() => {
                      rememberOpener();
                      setOpen(change);
                    }}
                  >
                    Show changes
                  </Button>
                  {change.now ? (
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={() => {
                        leave(index, `Marked ${isolatedText(change.name)} as seen.`);
                        markSeen([change.now!]);
                      }}
                    >
                      Mark as seen
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={() => {
                        leave(index, `Stopped watching ${isolatedText(change.name)}.`);
                        unwatch(change.id);
                      }}
                    >
                      Stop watching
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </MessageBarBody>
        {open && <ChangesDialog change={open} onClose={() => setOpen(null)} />}
      </MessageBar>
    </>
  );
}
