// What apply says of its run: a first line that counts the writes Graph accepted (a plan already in
// place writes nothing, and says so), and for each write that failed, what to do: a retry fixes only
// what was passing (a dropped connection, 429, 5xx, an answer lost); a deleted object or refused content
// fails the same way every time.
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';
import { GraphRequestError } from '../../graph/errors';
import { isolatedText } from '../../domain/isolate';
import type { EarlierRun } from './apply-counts';
import type { PlanFile } from './plan-file';

/**
 * What the plan was made from, as apply's advice names it: its path as plan was given it (shown on one line), what it
 * is ("the backup"), and the version of a policy it holds ("the backup's version").
 */
export interface ApplySource {
  path: string;
  name: string;
  version: string;
}

const KIND_WORDS: Record<string, Omit<ApplySource, 'path'>> = {
  backup: { name: 'the backup', version: "the backup's version" },
  policyFiles: { name: 'the policy files', version: "the policy files' version" },
};

/**
 * The plan file's source in apply's words. A plan written before its source's kind was recorded (or naming one this
 * version does not know) is named neutrally: calling policy files "the backup" would send the admin to the wrong files.
 */
export function applySourceOf(source: Pick<PlanFile['source'], 'path'> & { kind?: unknown }): ApplySource {
  const words = typeof source.kind === 'string' && Object.hasOwn(KIND_WORDS, source.kind) ? KIND_WORDS[source.kind] : undefined;
  return { path: isolatedText(source.path), ...(words ?? { name: "the plan's source", version: 'the version planned' }) };
}

const names = (items: readonly ApplyItem[]) => items.map((i) => `'${isolatedText(i.name)}'`).join(', ');
const NOT_YET_SEEN = 'refused for naming an object this run created a moment before, which the service does not see yet';

const writes = (n: number) => `${n} write${n === 1 ? '' : 's'}`;

/** What the earlier, stopped run did, as the end of the first line ("" when there was none). */
function earlierWords(earlier: EarlierRun | null): string {
  if (!earlier) return '';
  const said = [
    earlier.written ? `${earlier.written} written by the earlier run` : '',
    earlier.found ? `${earlier.found} found already as planned by the earlier run` : '',
    earlier.done ? `${earlier.done} done by the earlier run` : '',
    earlier.inFlightFound ? `${earlier.inFlightFound} under way when the earlier run stopped, found as planned now (not sent again)` : '',
    earlier.inFlightWritten ? `${earlier.inFlightWritten} under way when the earlier run stopped, not done then: written now` : '',
  ].filter(Boolean);
  return said.length > 0 ? `; ${said.join(', ')}` : '';
}

/**
 * The run's first line. `sent`: writes Graph accepted in this run; `foundNow`: rows this run found already as planned
 * (nothing sent); `earlier`: what the earlier, stopped run of this plan did, when this run resumed it.
 */
export function applyHeadline(run: ApplyRun, sent: number, earlier: EarlierRun | null, foundNow = 0): string {
  const total = run.items.length;
  const done = run.items.filter((i) => i.status === 'done');
  const failed = run.items.filter((i) => i.status === 'failed').length;
  const notDone = total - done.length - failed;
  const tenant = `tenant ${run.tenantId}`;
  if (total === 0) return `Nothing written to ${tenant}: the plan has nothing to write.`;
  const before = earlierWords(earlier);
  // A row under way when the earlier run stopped and found as planned now may be that run's write, or no write at all.
  const wroteBefore = !!earlier && earlier.written + earlier.done > 0;
  const found = foundNow > 0 && sent > 0 ? `, ${foundNow} found already as planned` : '';
  if (done.length === total) {
    const differing = done.filter((i) => i.differences && i.differences.length > 0).length;
    const readBack = differing ? `${differing} reading back otherwise than planned` : 'each read back as planned';
    if (sent === 0 && !wroteBefore)
      return `Nothing written to ${tenant}${earlier ? ' by this run' : ''}: nothing needed writing, the tenant already holds the plan's ${total} change(s) (${readBack})${before}.`;
    return `Plan applied to ${tenant}: ${writes(sent)} for the plan's ${total} change(s)${found}, ${readBack}${before}.`;
  }
  const rest = [failed ? `${failed} failed` : '', notDone ? `${notDone} not done` : ''].filter(Boolean).join(', ');
  if (done.length === 0 && sent === 0) return `Nothing written to ${tenant}: ${rest} of the plan's ${total} change(s).`;
  return `Plan partly applied to ${tenant}: ${writes(sent)}; ${done.length} of the plan's ${total} change(s) done${found}, ${rest}${before}.`;
}

/** Why a write failed, as far as what to do next goes. */
export type FailureKind = 'gone' | 'refused' | 'retry';

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof GraphRequestError)) return 'retry';
  if (error.status === 404) return 'gone';
  // 401/403 stop the run and are fixed outside it (consent, a new token): the same plan applied again then goes on.
  // 408, 409 (a write at the same moment) and 429 pass.
  if (error.status >= 400 && error.status < 500 && ![401, 403, 408, 409, 429].includes(error.status)) return 'refused';
  return 'retry';
}

/** What to do about the writes that failed for good; null when a retry may still fix every one. */
export function adviceFor(
  failed: readonly ApplyItem[],
  errors: ReadonlyMap<string, unknown>,
  total: number,
  source: ApplySource,
): string | null {
  // A write Graph accepted and then did not show is no refusal, whatever the read's 404 said: a retry finds it.
  // Nor is one refused for naming an object this run created that the service does not see yet: a later retry goes on.
  const of = (kind: FailureKind) =>
    failed.filter((i) => !i.unconfirmed && !i.notYetSeen && errors.has(i.key) && failureKind(errors.get(i.key)) === kind);
  const gone = of('gone');
  const refused = of('refused');
  if (gone.length === 0 && refused.length === 0) return null;
  const unseen = failed.filter((i) => i.notYetSeen);
  const lines = [`${failed.length} of ${total} write(s) did not complete, and applying this plan again would fail the same way.`];
  if (gone.length > 0)
    lines.push(
      `${names(gone)}: not in the tenant (deleted since the plan was made). Plan again from ${source.path} against the tenant as it is now (with the options you gave plan), review the new plan and apply it.`,
    );
  for (const item of refused) lines.push(refusedWords(item, errors.get(item.key) as GraphRequestError, source));
  if (unseen.length > 0)
    lines.push(
      `${names(unseen)}: ${NOT_YET_SEEN}: nothing is wrong with ${unseen.length === 1 ? 'it' : 'them'} in ${source.name}. The new plan writes ${unseen.length === 1 ? 'it' : 'them'} too; apply it in a few minutes.`,
    );
  const others = failed.length - gone.length - refused.length - unseen.length;
  if (others > 0) lines.push(`The other ${others} failed for a reason a retry may fix: the new plan writes them too.`);
  lines.push('What this run wrote stays written; the new plan finds it already as planned.');
  return lines.join('\n');
}

/**
 * A write Graph refused for good, and where to correct what it refused. A policy the plan restores comes from the
 * tenant's deleted items, not the plan's source: refused before it came back, the deleted policy is what was refused;
 * back, its change to the source's version was, and the policy itself is in the tenant to correct in the editor.
 */
function refusedWords(item: ApplyItem, error: GraphRequestError, source: ApplySource): string {
  const name = `'${isolatedText(item.name)}'`;
  const why = `(${error.status}): "${isolatedText(error.serviceMessage)}".`;
  if (item.action === 'restore' && !item.restored)
    return `${name}: Graph refused to restore it from the tenant's deleted items ${why} What it refuses is the deleted policy as the tenant keeps it, not ${source.version}: look at it in the console's Deleted items, or delete it permanently there so that a new plan from ${source.path} creates it from ${source.name} instead; then plan again, review the new plan and apply it.`;
  if (item.action === 'restore')
    return `${name} is back in the tenant as it was deleted, but Graph refused its change to ${source.version} ${why} To correct what Graph refuses, open it in the console${item.targetId ? ` (id ${item.targetId})` : ''} and correct it in the editor, or, if it comes from ${source.name}, in ${source.path}; then plan again: the new plan brings it to ${source.version} as an update. Review the new plan and apply it.`;
  return `${name}: Graph refused its content ${why} Correct it in ${source.name} (${source.path}), plan again, review the new plan and apply it.`;
}

/**
 * What to do about writes refused only because the service does not see yet an object this run created
 * (after the waits): not the source's fault, and not for good. Null when there are none.
 */
export function notYetSeenAdvice(failed: readonly ApplyItem[], source: ApplySource): string | null {
  const unseen = failed.filter((i) => i.notYetSeen);
  if (unseen.length === 0) return null;
  return `${names(unseen)}: ${NOT_YET_SEEN}. Nothing is wrong with ${source.name} or the plan: apply the same plan again in a few minutes. The run's journal resumes it; what is done stays done.`;
}
