// A plan's run in words: the summary the admin downloads and the command line prints.
import { isolatedText } from '../domain/isolate';
import { stateLabels } from '../domain/labels';
import type { ApplyItem, ApplyRun } from './apply-run';

/** Added to a refusal that named an object the run had just created, once every wait was spent. */
export const NOT_YET_SEEN =
  '(It names an object this run created a moment before, which the service does not see yet: nothing is wrong with what is written. Try again in a few minutes; what is done stays done.)';

const STATE_DOES: Record<string, string> = {
  enabled: 'it enforces as it was deleted (On)',
  disabled: 'it is Off, as it was deleted',
  enabledForReportingButNotEnforced: 'it only reports, as it was deleted (Report-only)',
};

/** A restore that landed whose change after it did not: what the object does now, until a resume finishes it. */
export function restoredNotChanged(item: ApplyItem): string {
  const state = typeof item.body.state === 'string' ? item.body.state : null;
  const others = Object.keys(item.body).some((key) => key !== 'state');
  const notYet = state
    ? `not yet set to ${stateLabels[state] ?? state}${others ? ' with the rest of the planned version' : ''}`
    : 'not yet changed to the planned version';
  const now = (item.deletedState && STATE_DOES[item.deletedState]) || 'it is as it was deleted';
  return `Restored, but ${notYet}: ${now} until Resume finishes it.`;
}

type WriteAction = ApplyRun['items'][number]['action'];

const ACTION_WORDS: Record<WriteAction, string> = { create: 'Create', update: 'Update', restore: 'Restore' };

const writes = (n: number) => `${n} write${n === 1 ? '' : 's'}`;

/** What the run did, in one line: applied only when every write is done; else how far it got. */
function headline(run: ApplyRun): string {
  const total = run.items.length;
  const done = run.items.filter((i) => i.status === 'done');
  const failed = run.items.filter((i) => i.status === 'failed').length;
  const waiting = total - done.length - failed;
  const tenant = `tenant ${run.tenantId}`;
  if (total === 0) return `Nothing written to ${tenant}: the plan has nothing to write.`;
  if (done.length === total) {
    const differing = done.filter((i) => i.differences && i.differences.length > 0).length;
    return `Plan applied to ${tenant}: ${writes(total)}, ${differing ? `${differing} reading back otherwise than planned` : 'each read back as planned'}.`;
  }
  const notDone = waiting ? `${waiting} not done` : '';
  if (done.length === 0)
    return `Nothing written to ${tenant}: ${failed ? [`${failed} of ${total} failed`, notDone].filter(Boolean).join(', ') : `${writes(waiting)} not done`}.`;
  return `Plan partly applied to ${tenant}: ${[`${done.length} of ${total} written`, failed ? `${failed} failed` : '', notDone].filter(Boolean).join(', ')}.`;
}

const which = (items: readonly ApplyItem[]) => (items.length === 1 ? `‘${isolatedText(items[0]!.name)}’` : `${items.length} of its writes`);

/**
 * Writes whose replaced version is not in this device's history, said under the headline (the command line replaces the
 * headline). A write that failed with its answer lost carries it too, as holding if it was written.
 */
export function versionsNotKept(run: ApplyRun): string | null {
  const written = run.items.filter((i) => i.versionNotKept && !i.versionNotKeptIfWritten);
  const unsure = run.items.filter((i) => i.versionNotKept && i.versionNotKeptIfWritten);
  if (written.length + unsure.length === 0) return null;
  const one = (items: readonly ApplyItem[]) => items.length === 1;
  const said = [
    written.length
      ? `the version${one(written) ? '' : 's'} replaced by ${which(written)} could not be kept in the history on this device: ` +
        `${one(written) ? 'it' : 'they'} cannot be restored from here.`
      : '',
    unsure.length
      ? `${which(unsure)} may have been written (${one(unsure) ? 'its answer was' : 'their answers were'} lost), and the ` +
        `version${one(unsure) ? ' it' : 's they'} would replace could not be kept in the history on this device: ` +
        `if ${one(unsure) ? 'it was written, that version cannot' : 'they were written, those versions cannot'} be restored from here.`
      : '',
  ];
  return `Warning: ${said.filter(Boolean).join(' ')}`;
}

/** The run in words, for the summary the admin downloads and the command line prints. */
export function summarizeRun(run: ApplyRun): string {
  const notKept = versionsNotKept(run);
  const lines = [
    headline(run),
    ...(notKept ? [notKept] : []),
    `Started ${run.startedAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}`,
    '',
  ];
  for (const item of run.items) {
    const outcome =
      item.status === 'done'
        ? item.differences && item.differences.length > 0
          ? `differs from the plan: ${item.differences.join('; ')}`
          : 'as planned'
        : item.status === 'failed'
          ? `failed: ${item.message ?? ''}`
          : 'not done';
    lines.push(
      `${ACTION_WORDS[item.action]} ${item.kind} '${isolatedText(item.name)}'${item.targetId ? ` (${item.targetId})` : ''}: ${outcome}${item.recovered ? ' (already in the tenant, written by an earlier attempt: not created twice)' : ''}${item.versionNotKept ? `. Warning: ${item.versionNotKept}` : ''}`,
    );
  }
  if (run.stopped) lines.push('', `Stopped: ${run.stopped}`);
  return `${lines.join('\n')}\n`;
}
