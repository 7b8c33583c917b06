// One entry per change in the timeline: a save leaves both a version kept on this device and an audit
// event whose "before" is that same version. The audit event stays (it says who and what changed) and
// notes that the version is also kept here; a kept version the audit log does not show stays on its own
// (the log unreadable or without licence, older than its 30 days, or a write it does not show yet).
import { comparableText } from '../../domain/policy-body';
import type { TimelineEntry } from './timeline';

// A write and the version kept for it are seconds apart; the log can be late to show it.
const SAME_WRITE_MS = 5 * 60_000;

const modified = (version: TimelineEntry['before']) => (typeof version?.modifiedDateTime === 'string' ? version.modifiedDateTime : null);

/** Whether an audit event replaced the very version this device kept. */
function sameReplacedVersion(audit: TimelineEntry, kept: TimelineEntry): boolean {
  if (audit.policyId !== kept.policyId || !audit.before || !kept.before) return false;
  const [auditModified, keptModified] = [modified(audit.before), modified(kept.before)];
  if (auditModified && keptModified) return auditModified === keptModified;
  // Without the times the versions carry, the same text written within minutes is the same write.
  return (
    Math.abs(Date.parse(audit.at) - Date.parse(kept.at)) <= SAME_WRITE_MS && comparableText(audit.before) === comparableText(kept.before)
  );
}

export function mergeDeviceEntries(audit: readonly TimelineEntry[], device: readonly TimelineEntry[]): TimelineEntry[] {
  const alsoKept = new Set<TimelineEntry>();
  const onlyOnDevice = device.filter((kept) => {
    const match = audit.find((event) => !alsoKept.has(event) && sameReplacedVersion(event, kept));
    if (match) alsoKept.add(match);
    return !match;
  });
  return [...audit.map((event) => (alsoKept.has(event) ? { ...event, alsoKeptOnDevice: true } : event)), ...onlyOnDevice];
}
