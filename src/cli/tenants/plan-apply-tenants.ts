// plan and apply over a tenants file: each tenant planned against its desired state (its folder
// under a folder of desired states, else the file's baseline), guarded for its own emergency
// accounts, its plan and the plan's sha256 written into its own folder; then apply writes each
// tenant's approved plan, tenants in parallel, one write at a time within each under its own pacer,
// each stopped run journalled beside its plan and resumed by the next apply.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { writeWords } from '../../domain/plan/plan-words';
import type { TenantEntry } from '../../domain/tenants/tenants-file';
import { tenantFolderName } from '../../domain/tenants/tenant-checks';
import type { GraphClient } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { choice, text, texts, type Values } from '../args';
import { CliError } from '../cli-error';
import { checkOut, repoPath } from '../files';
import { applyApproved, refuseBlockedPlan, refuseWithoutGroupPermissions } from '../commands/apply';
import type { Command } from '../commands/command';
import { cancelOnSignals, SIGNAL_EXIT, type StopSignal } from '../commands/apply-cancel';
import { readApprovedPlan } from '../commands/plan-file';
import { planTenant } from '../commands/plan';
import { planSourceOf } from '../commands/plan-source';
import { appendJobSummary, type CliIo } from '../io';
import { withTenants } from './tenants-commands';
import { planNeeds } from '../tenant';
import { connectEntry, exitOf, loadTenants, overTenants } from './tenants-run';
import { isolatedText } from '../../domain/isolate';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant's emergency accounts as object ids: sign-in names are looked up (the guard works by id). */
async function emergencyIdsOf(entry: TenantEntry, client: GraphClient): Promise<string[]> {
  const named = [...entry.emergency.users, ...entry.emergency.groups];
  return Promise.all(
    named.map(async (value) =>
      GUID.test(value)
        ? value
        : (
            await client.get<{ id: string }>(`/v1.0/users/${encodeURIComponent(value)}?$select=id`).catch((error: unknown) => {
              // Only a 404 says the account is not there; a refusal, a throttle or a dropped connection says nothing of it.
              if (error instanceof GraphRequestError && error.status === 404)
                throw new CliError(
                  `The emergency account '${isolatedText(value)}' of ${isolatedText(entry.name)} is not in its directory.`,
                );
              throw new CliError(
                `The emergency account '${isolatedText(value)}' of ${isolatedText(entry.name)} could not be looked up: ${error instanceof Error ? error.message : String(error)}`,
              );
            })
          ).id,
    ),
  );
}

// One tenant's progress and results go to stderr under its name; the run's summary is said once at the end.
const quietIo = (io: CliIo, entry: TenantEntry): CliIo => ({
  ...io,
  env: { ...io.env, GITHUB_STEP_SUMMARY: undefined },
  out: (words) => io.err(words.replace(/^(?=.)/gm, () => `[${isolatedText(entry.name)}] `)),
  err: (words) => io.err(words.replace(/^(?=.)/gm, () => `[${isolatedText(entry.name)}] `)),
});

interface Line {
  name: string;
  id: string;
  words: string;
}

function said(io: CliIo, title: string, lines: Line[], failures: { name: string; id: string; error: string }[], cancelled?: string | null) {
  io.out(
    `${title}: ${lines.length + failures.length} tenant(s), ${failures.length} failed${cancelled ? `; cancelled by ${cancelled}` : ''}.\n`,
  );
  for (const l of lines) io.out(`  ${isolatedText(l.name)} (${l.id}): ${l.words}\n`);
  for (const f of failures) io.out(`  ${isolatedText(f.name)} (${f.id}): failed: ${f.error}\n`);
  appendJobSummary(
    io,
    [
      `### ${title}`,
      '',
      '| Tenant | Result |',
      '| --- | --- |',
      ...lines.map((l) => `| ${escapeMarkdown(l.name)} (${l.id}) | ${escapeMarkdown(l.words)} |`),
      ...failures.map((f) => `| ${escapeMarkdown(f.name)} (${f.id}) | failed: ${escapeMarkdown(f.error)} |`),
    ].join('\n'),
  );
}

async function planMany(values: Values, args: string[], io: CliIo): Promise<number> {
  const out = text(values, 'out');
  if (!out || out.endsWith('.json'))
    throw new CliError('With --tenants, give --out <folder>: each tenant’s plan.json and plan.sha256 go into its own folder there.');
  await checkOut(io.cwd, out, 'a folder', 'one folder per tenant, with its plan.json and plan.sha256');
  const states = choice(values, 'states', ['source', 'reportOnly'] as const, 'source');
  const desired = args[0];
  const file = await loadTenants(values, io);
  const results = await overTenants(file, values, io, async (entry) => {
    const at = desired ? join(resolve(io.cwd, desired), tenantFolderName(entry)) : entry.baseline;
    if (!at)
      throw new CliError(`The tenants file gives ${isolatedText(entry.name)} no baseline, and no folder of desired states was given.`);
    // From the working folder, as the plan file records it: the log names the folder the repository has, not the runner's checkout.
    const path = repoPath(io.cwd, at);
    const tenantIo = quietIo(io, entry);
    const source = await planSourceOf(path, tenantIo);
    const connection = await connectEntry('plan', entry, values, io);
    const emergencyIds = await emergencyIdsOf(entry, connection.context.client);
    const planned = await planTenant(
      source,
      path,
      connection,
      {
        states,
        confirmed: texts(values, 'confirm'),
        emergencyIds,
        unguarded: 'The tenants file names no emergency account for this tenant: the plan is not checked for lock-outs.',
      },
      tenantIo,
    );
    const folder = join(resolve(io.cwd, out), tenantFolderName(entry));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'plan.json'), planned.text);
    await writeFile(join(folder, 'plan.sha256'), `${planned.hash}\n`);
    if (planned.blocked) tenantIo.err(`${planned.lines.join('\n')}\n`);
    const { counts } = planned.file.plan;
    const words = `${writeWords(counts)}${planned.blocked ? '; problems to confirm first' : ''}; sha256 ${planned.hash}`;
    return { value: { name: entry.name, id: entry.id, words }, finding: planned.blocked, line: words };
  });
  said(
    io,
    'Conditional Access plans',
    results.flatMap((r) => (r.value ? [r.value] : [])),
    results.flatMap((r) => (r.error !== undefined ? [{ name: r.entry.name, id: r.entry.id, error: r.error }] : [])),
  );
  return exitOf(results);
}

async function applyMany(values: Values, _args: string[], io: CliIo): Promise<number> {
  const plans = text(values, 'plans');
  if (!plans)
    throw new CliError(
      'With --tenants, give --plans <folder>: the folder `plan --tenants` wrote, each tenant’s approved plan in its own folder.',
    );
  if (text(values, 'plan') || text(values, 'sha256'))
    throw new CliError('With --tenants, each tenant’s plan and approved hash come from --plans <folder> (plan.json and plan.sha256).');
  const file = await loadTenants(values, io);
  // A cancelled job (Ctrl+C, CI's SIGINT then SIGTERM): no tenant is started and no write begins after the first
  // signal; the writes under way finish, so each tenant's journal says where it stopped.
  const cancellation = cancelOnSignals(
    (signal) =>
      io.err(
        `${signal}: stopping. No new tenant and no new write is started; the writes under way are let finish (another signal stops at once).\n`,
      ),
    (signal) =>
      io.err(
        `${signal}: stopped at once. Writes under way were cut short: whether they landed is unknown. Each tenant's journal (${isolatedText(plans)}/<tenant id>/plan.json.run.json) keeps its run; apply --tenants again with the same --plans (${isolatedText(plans)}) to resume: it looks in the tenant before writing those again.\n`,
      ),
  );
  const RESUME = `apply --tenants again with the same --plans (${isolatedText(plans)})`;
  const notStarted = (entry: TenantEntry, signal: StopSignal) => {
    const words = `not started (${signal}): nothing written; ${RESUME} to apply its plan`;
    return { value: { name: entry.name, id: entry.id, words }, finding: false, line: words };
  };
  // The handlers go once the tenants are done: a signal then ends the process as it does by default.
  const results = await overTenants(file, values, io, async (entry) => {
    const stopped = cancellation.received();
    if (stopped) return notStarted(entry, stopped);
    const folder = join(resolve(io.cwd, plans), tenantFolderName(entry));
    const path = join(folder, 'plan.json');
    const approved = (
      await readFile(join(folder, 'plan.sha256'), 'utf8').catch((error: unknown) => {
        // No folder at all is said as such: the tenant was not planned into --plans (another shard, another run).
        if ((error as { code?: unknown }).code === 'ENOENT' && !existsSync(folder))
          throw new CliError(
            `${plans} holds no folder for this tenant (${tenantFolderName(entry)}): plan --tenants writes one per tenant, with its plan.json and plan.sha256. Nothing was written.`,
          );
        throw new CliError(`${folder} holds no plan.sha256, the approved hash of its plan.`);
      })
    ).trim();
    const planFile = await readApprovedPlan(path, approved, io.cwd);
    refuseBlockedPlan(planFile, path);
    const connection = await connectEntry('apply', entry, values, io, { needs: planNeeds(planFile.plan) });
    refuseWithoutGroupPermissions(planFile, path, connection.granted);
    // Signed in while the signal came: nothing of its plan is started.
    const since = cancellation.received();
    if (since) return notStarted(entry, since);
    const applied = await applyApproved(planFile, approved, path, connection, `${path}.run.json`, quietIo(io, entry), cancellation, RESUME);
    if (applied.cancelled) {
      const words = `cancelled (${applied.cancelled}): ${applied.done ?? 0} of the plan's ${applied.written} change(s) done, ${applied.written - (applied.done ?? 0)} not; its journal ${path}.run.json keeps where it stopped: ${RESUME} to resume`;
      return { value: { name: entry.name, id: entry.id, words }, finding: false, line: words };
    }
    // What Graph accepted, not what the plan holds: a plan applied again finds its changes in place and writes nothing.
    const written = applied.sent;
    const planned = applied.written;
    const readBack = applied.differing ? `${applied.differing} reading back otherwise than planned` : 'each read back as planned';
    const words =
      written === 0
        ? `nothing written: the tenant already holds the plan's ${planned} change(s), ${readBack}`
        : `${written} write(s) for the plan's ${planned} change(s), ${readBack}`;
    // Written, but not as reviewed: the tenant is named and the run exits 1, as one tenant's apply does.
    return { value: { name: entry.name, id: entry.id, words }, finding: applied.differing > 0, line: words };
  }).finally(() => cancellation.dispose());
  said(
    io,
    'Conditional Access apply',
    results.flatMap((r) => (r.value ? [r.value] : [])),
    results.flatMap((r) => (r.error !== undefined ? [{ name: r.entry.name, id: r.entry.id, error: r.error }] : [])),
    cancellation.received(),
  );
  const cancelled = cancellation.received();
  return cancelled ? SIGNAL_EXIT[cancelled] : exitOf(results);
}

export const tenantsPlan = (command: Command) =>
  withTenants(
    command,
    planMany,
    'gatehouse plan --tenants <file> [<folder of desired states>] --out <folder> [--states …] [--confirm <key>]... [--shard i/n] [--concurrency n]\n       (each tenant guarded for the emergency accounts its entry in the tenants file names)',
    {
      takes: ['out', 'states', 'confirm'],
      why: {
        emergency:
          'each tenant\'s plan is guarded for the emergency accounts its entry in the tenants file names ("emergency": users and groups), as object ids are a tenant\'s own',
        ...Object.fromEntries(
          ['mapping', 'domain'].map((o) => [
            o,
            'a mapping places a backup or policy files in one tenant (its objects): plan such a tenant alone, with gatehouse plan <backup or policy files> --tenant <id>',
          ]),
        ),
      },
    },
    { min: 0, max: 1 },
  );

export const tenantsApply = (command: Command) =>
  withTenants(
    {
      ...command,
      options: {
        ...command.options,
        plans: {
          type: 'string',
          value: '<folder>',
          description: 'With --tenants: the folder of plans (each tenant’s plan.json and its approved plan.sha256, by tenant id).',
        },
      },
    },
    applyMany,
    'gatehouse apply --tenants <file> --plans <folder> [--shard i/n] [--concurrency n]',
    {
      takes: ['plans', 'plan', 'sha256'],
      why: { journal: "each tenant's run is journalled beside its plan (<plans>/<tenant id>/plan.json.run.json), and resumed from there" },
    },
    { min: 0, max: 0 },
  );
