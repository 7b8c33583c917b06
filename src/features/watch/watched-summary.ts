// What the watched policies' banner says of one policy at a glance: the change that matters most in
// words (a policy turned Off, or from On to Report-only, leads: it no longer protects) and how many more the diff holds.
import { describeChanges } from '../../domain/describe-changes';
import type { JsonObject } from '../../domain/policy-body';
import type { NameDirectory } from '../../domain/references';

export interface WatchedSummary {
  /** The change the banner names; null when the policy was deleted or nothing readable changed. */
  lead: string | null;
  /** Changes in words besides the lead. */
  more: number;
  turnedOff: boolean;
  /** On → Report-only: it still shows in the sign-in log, and protects no one. */
  unenforced: boolean;
  deleted: boolean;
}

// Report-only counts: turning it Off also ends the sign-in log's view of what it would do.
const IN_FORCE = new Set(['enabled', 'enabledForReportingButNotEnforced']);

export function summarizeWatched(snapshot: JsonObject, now: JsonObject | null, names?: NameDirectory): WatchedSummary {
  if (!now) return { lead: null, more: 0, turnedOff: false, unenforced: false, deleted: true };
  const changes = describeChanges(snapshot, now, names);
  const turnedOff = IN_FORCE.has(String(snapshot.state)) && now.state === 'disabled';
  const unenforced = snapshot.state === 'enabled' && now.state === 'enabledForReportingButNotEnforced';
  const lead = (turnedOff || unenforced ? changes.find((c) => c.path === 'state') : undefined) ?? changes[0];
  return { lead: lead?.text ?? null, more: Math.max(0, changes.length - 1), turnedOff, unenforced, deleted: false };
}

/** "State: On → Off (and 2 more)". */
export const summaryText = (summary: WatchedSummary) =>
  summary.lead === null ? '' : summary.more > 0 ? `${summary.lead} (and ${summary.more} more)` : summary.lead;
