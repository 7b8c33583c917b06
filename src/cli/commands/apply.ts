// `gatehouse apply --plan <file> --sha256 <hash>`: writes a reviewed plan and nothing else. The
// file must hash to the approved value and name the signed-in tenant; then each row is written
// one at a time under the Conditional Access pacer, read back and compared with what was planned.
import { applyJournal, applyPlan, newApplyRun, summarizeRun } from '../../operations/apply-plan';
import { ChangedSincePlanned, graphPlanWriters } from '../../operations/plan-writers';
import type { PlanWriters } from '../../operations/apply-plan';
import { settle } from '../../operations/settle';
import { isolatedText } from '../../domain/isolate';
import { CONNECTION_OPTIONS, HELP_OPTION, text } from '../args';
import { CliError } from '../cli-error';
import { appendJobSummary, type CliIo } from '../io';
import { GROUP_PLAN_PERMISSIONS, lackedForGroups } from '../permissions';
import { connectTenant, planNeeds, type TenantConnection } from '../tenant';
import { EXIT, type Command } from './command';
import { fileJournal } from '../file-journal';
import { approvedHash, hashOfFileItself, mappingWords, readApprovedPlan, type PlanFile } from './plan-file';
import { adviceFor, applyHeadline, applySourceOf, notYetSeenAdvice } from './apply-words';
import { countingRowWrites, resumingWords } from './apply-counts';
import { cancelOnSignals, SIGNAL_EXIT, type Cancellation } from './apply-cancel';
import { blockedLines, planReport, sourceWordsOf } from './plan-text';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a reviewed plan file, only if its sha256 is the approved one: each write paced, read back and checked.',
  usage: 'gatehouse apply --plan <plan.json> --sha256 <hash> [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    plan: { type: 'string', value: '<file>', description: 'The plan file `gatehouse plan` wrote.' },
    sha256: { type: 'string', value: '<hash>', description: 'The sha256 the review approved (plan prints it).' },
    journal: {
      type: 'string',
      value: '<file>',
      description:
        'Where the run notes each step, so a stopped run resumes where it stopped (default: <plan>.run.json; removed once all is done).',
    },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 every row written and read back as planned, 1 all written, but a row read back otherwise than planned (named, with what differs), 2 error (a changed plan file, another tenant, a write refused).',
  async run(values, _positionals, io) {
    const path = text(values, 'plan');
    const approved = text(values, 'sha256');
    if (!path || !approved) throw new CliError('Give --plan <plan.json> and --sha256 <the approved hash>.');
    const file = await readApprovedPlan(path, approved, io.cwd);
    if (hashOfFileItself(approved, path, io.cwd))
      io.err(
        `Warning: --sha256 was given as sha256sum's output for ${path}, the file being applied: a hash computed from the file in the apply job approves whatever it holds. Give the hash the review approved (the plan job's output: the sha256 it printed, or its plan.sha256).\n`,
      );
    refuseBlockedPlan(file, path);
    // The group permissions are needed only by a plan that creates groups, and then before anything is written.
    const needs = planNeeds(file.plan);
    const tenant = await connectTenant('apply', values, io, {
      needs: (p) => !GROUP_PLAN_PERMISSIONS.includes(p.name) && needs(p),
      // A person applying a plan that creates groups asks the group scope at sign-in, not halfway through.
      asks: needs,
    });
    refuseWithoutGroupPermissions(file, path, tenant.granted);
    const journalPath = text(values, 'journal') ?? `${path}.run.json`;
    const cancellation = cancelOnSignals(
      (signal) => io.err(`${signal}: stopping. No new write is started; the one under way is let finish (another signal stops at once).\n`),
      (signal) =>
        io.err(
          `${signal}: stopped at once. A write under way was cut short: whether it landed is unknown. The journal ${journalPath} keeps the run; apply the same plan again (the same --sha256) to resume: it looks in the tenant before writing that one again.\n`,
        ),
    );
    const applied = await applyApproved(file, approved, path, tenant, journalPath, io, cancellation).finally(() => cancellation.dispose());
    if (applied.cancelled) return SIGNAL_EXIT[applied.cancelled];
    if (applied.differing === 0) return EXIT.ok;
    // Written, but the tenant does not hold what was reviewed: a gate must not read that as a pass.
    io.err(
      `${applied.differing} of ${applied.written} write(s) read back otherwise than planned (each named above, with what differs): the tenant does not hold the plan as reviewed. Look at ${applied.differing === 1 ? 'it' : 'them'} in the tenant before relying on the plan.\n`,
    );
    return EXIT.finding;
  },
};

/**
 * A plan written with problems that stop it (plan writes it and exits 1, so the review sees why) is refused before
 * anything is read or written, with what stops it and the next step for each, as plan said them.
 */
export function refuseBlockedPlan(file: PlanFile, path: string): void {
  const unconfirmed = file.plan.blockers.filter((b) => !b.confirmed);
  if (unconfirmed.length === 0) return;
  // A plan that does not say what it was made from is named neutrally: "the backup" would send the admin to the wrong files.
  const source = sourceWordsOf(file.source.kind);
  const steps = blockedLines(planReport(file.plan, undefined, [], source));
  throw new CliError(
    [
      `${isolatedText(path)} cannot be applied: it was planned with ${unconfirmed.length === 1 ? 'a problem that stops it' : `${unconfirmed.length} problems that stop it`}. Nothing was written.`,
      ...(steps.length > 0 ? steps : unconfirmed.map((b) => `- ${b.text}`)),
    ].join('\n'),
  );
}

/** A plan that creates groups needs the application to create and find them: refused before anything is written. */
export function refuseWithoutGroupPermissions(file: PlanFile, path: string, granted: readonly string[] | null): void {
  const groups = file.plan.rows.filter((r) => r.kind === 'group' && r.action === 'create');
  const lacked = groups.length > 0 ? lackedForGroups(granted) : [];
  if (lacked.length > 0)
    throw new CliError(
      `${path} creates ${groups.length === 1 ? 'a group' : `${groups.length} groups`} (${groups.map((g) => `'${isolatedText(g.displayName)}'`).join(', ')}), and the application lacks ${lacked.map((p) => `${p.name} (${p.why})`).join(' and ')}. Grant ${lacked.length === 1 ? 'it' : 'them'} (with admin consent), or create the groups and plan again with them mapped. Nothing was written.`,
    );
}

/**
 * Writes an approved plan into the tenant it was planned for, one row at a time under the pacer,
 * each read back; a stopped run is journalled (journalPath) and the same plan applied again resumes
 * it. Throws when something was not written (saying how to resume).
 */
export async function applyApproved(
  file: PlanFile,
  approved: string,
  path: string,
  tenant: TenantConnection,
  journalPath: string,
  io: CliIo,
  cancellation?: Cancellation,
  // How a cancelled run is resumed: apply --tenants resumes every tenant's from its folder of plans.
  resumeWith = 'apply the same plan again (the same --sha256)',
): Promise<{ summary: string; written: number; sent: number; differing: number; cancelled?: 'SIGINT' | 'SIGTERM'; done?: number }> {
  if (tenant.tenantId.toLowerCase() !== file.tenant.id.toLowerCase())
    throw new CliError(`${path} was planned for tenant ${file.tenant.id}; signed in to ${tenant.tenantId}. Nothing was written.`);
  const context = tenant.context;
  const { mapping } = file.source;
  // The plan file names it as plan was given it: a name holding a line break must not start a line of the log.
  const source = applySourceOf(file.source);
  if (mapping) io.err(`The plan was made from ${source.path}, ${mappingWords(mapping)}.\n`);
  // One run per plan and tenant: the same approved plan applied again resumes its stopped run.
  // Keyed on the 64 hex digits however they were given (as plan printed them, as sha256sum does, after "sha256:").
  // Each row's writes are kept in the journal: a resume says what the stopped run wrote, and what it found already done.
  const rowWrites = countingRowWrites(fileJournal(journalPath), tenant.writes);
  const journal = applyJournal(rowWrites.store, `${tenant.tenantId}.${approvedHash(approved)}`);
  const previous = journal.load();
  if (previous) io.err(`${resumingWords(previous, rowWrites)}\n`);
  const sentBefore = tenant.writes();
  // A row's progress changes several times while it runs (sent, its id, read back): its line is printed once.
  let announced: string | null = null;
  const { writers, changedSincePlanned, errors } = noticingChanges(graphPlanWriters(context), () => announced);
  const run = await applyPlan(previous ?? newApplyRun(file.plan, tenant.tenantId, context.clock), writers, {
    journal,
    clock: context.clock,
    onChange: (current) => {
      const running = current.items.find((i) => i.status === 'running');
      const finished = current.items.find((i) => i.key === announced);
      if (finished?.status === 'done' && running?.key !== announced && rowWrites.now(finished.key) === 0)
        io.err(`${finished.action} ${finished.kind} '${isolatedText(finished.name)}': already as planned, nothing written.\n`);
      if (running && running.key !== announced) io.err(`${running.action} ${running.kind} '${isolatedText(running.name)}'…\n`);
      announced = running?.key ?? (finished?.status === 'done' ? null : announced);
    },
    signal: cancellation?.signal,
    // 2, 5, then 10 seconds (SETTLE_SECONDS) for an object this run created to become visible to the service.
    settle: (attempt) => settle(context.client, attempt),
  });
  // What Graph accepted, not what the plan holds: a plan applied again finds its changes in place and writes nothing.
  const sent = tenant.writes() - sentBefore;
  const earlier = previous ? rowWrites.earlier(previous, run) : null;
  const summary = summarizeRun(run).replace(/^.*/, applyHeadline(run, sent, earlier, rowWrites.foundNow(run, previous)));
  io.out(`${summary.trimEnd()}\n`);
  appendJobSummary(io, `### Conditional Access apply\n\n\`\`\`\n${summary.trimEnd()}\n\`\`\``);
  const failed = run.items.filter((i) => i.status !== 'done');
  const cancelled = cancellation?.received();
  if (cancelled && failed.length > 0) {
    io.err(
      `${cancelled}: the run was cancelled: ${run.items.length - failed.length} of the plan's ${run.items.length} change(s) done, ${failed.length} not. The journal ${journalPath} keeps where it stopped: ${resumeWith} to resume; what was done is not written twice.\n`,
    );
    return { summary, written: run.items.length, sent, differing: 0, cancelled, done: run.items.length - failed.length };
  }
  const stale = failed.filter((i) => i.status === 'failed' && i.targetId && changedSincePlanned.has(i.targetId));
  if (stale.length > 0) {
    // This plan can never complete: applying it again fails the same way. A new plan reads the tenant as it is now
    // (what this run wrote is already as planned there), so the journal has nothing left to resume.
    journal.clear();
    throw new CliError(
      `${failed.length} of ${run.items.length} write(s) did not complete: ${stale.map((i) => `'${isolatedText(i.name)}'`).join(', ')} ${stale.length === 1 ? 'was' : 'were'} changed in the tenant (or deleted for good) after the plan was made. Applying this plan again would fail the same way: plan again from ${source.path} (with the options you gave plan), review the new plan and apply it. What this run wrote stays written; the new plan finds it already as planned.`,
    );
  }
  // A deleted object or refused content fails the same way on every retry: the plan has to be made again.
  const advice = adviceFor(failed, errors, run.items.length, source);
  if (advice) {
    journal.clear();
    throw new CliError(advice);
  }
  if (failed.length > 0) {
    const unconfirmed = failed.filter((i) => i.unconfirmed).map((i) => `\n'${isolatedText(i.name)}': ${isolatedText(i.message ?? '')}`);
    const notYetSeen = notYetSeenAdvice(failed, source);
    throw new CliError(
      `${failed.length} of ${run.items.length} write(s) did not complete${run.stopped ? `: ${run.stopped.replace(/\.$/, '')}` : ''}. Apply the same plan again to resume; what was done is not written twice.${unconfirmed.join('')}${notYetSeen ? `\n${notYetSeen}` : ''}`,
    );
  }
  journal.clear();
  return { summary, written: run.items.length, sent, differing: run.items.filter((i) => i.differences && i.differences.length > 0).length };
}

/**
 * The writers, noting the objects a write found changed since the plan was made (by their ids): only a new plan
 * writes those; and the last error of each row (by its key: `running` names the row being written).
 */
function noticingChanges(
  writers: PlanWriters,
  running: () => string | null,
): { writers: PlanWriters; changedSincePlanned: Set<string>; errors: Map<string, unknown> } {
  const changedSincePlanned = new Set<string>();
  const errors = new Map<string, unknown>();
  const noting = async <T>(id: string | null, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (id && error instanceof ChangedSincePlanned) changedSincePlanned.add(id);
      const key = running();
      if (key) errors.set(key, error);
      throw error;
    }
  };
  return {
    changedSincePlanned,
    errors,
    writers: {
      ...writers,
      create: (kind, body) => noting(null, () => writers.create(kind, body)),
      update: (kind, id, body, item) => noting(id, () => writers.update(kind, id, body, item)),
      // onRestored passed on: the journal keeps that the object is back even when what follows the restore fails.
      restore: (kind, id, onRestored) => noting(id, () => writers.restore(kind, id, onRestored)),
      read: (kind, id, intended) => noting(null, () => writers.read(kind, id, intended)),
      findCreated: (kind, body) => noting(null, () => writers.findCreated(kind, body)),
    },
  };
}
