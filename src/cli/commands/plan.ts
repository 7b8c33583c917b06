// `gatehouse plan <backup> --out <plan.json>`: what writing the backup into the tenant would do,
// row by row (create, update, reuse, skip, with why), planned by the console's own planner over
// the tenant read now. The file is for review: its sha256 is what `gatehouse apply` is given.
// The lock-out guard runs with the emergency accounts named by --emergency (an app-only run has no
// signed-in admin to guard): a row that could lock one out stops the plan, naming it, until confirmed.
import { dirname, join } from 'node:path';
import { importSetOfBundle } from '../../domain/import/bundle-import';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { writeWords } from '../../domain/plan/plan-words';
import { defaultChoices, type Plan } from '../../domain/plan/types';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts } from '../args';
import { CliError } from '../cli-error';
import { repoPath, writeOutputFile } from '../files';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { readEmergency } from '../evaluation/emergency';
import { EXIT, type Command } from './command';
import { PLAN_FORMAT, planFileText, sha256OfText, type PlanFile } from './plan-file';
import { fromDisk, type Source } from './source';
import type { CliIo } from '../io';
import type { TenantConnection } from '../tenant';

const STATES = ['source', 'reportOnly'] as const;

/** The rows that write, in words, and what stops the plan. */
export function planLines(plan: Plan): string[] {
  const writes = plan.rows.filter((r) => r.action === 'create' || r.action === 'update' || r.action === 'restore');
  const lines = [
    `${writeWords(plan.counts)}, ${plan.counts.reuse} as they are, ${plan.counts.skip} skipped.`,
    ...writes.map((r) => `- ${r.action} ${r.kind} '${r.displayName}': ${r.why}`),
  ];
  const blockers = plan.blockers.filter((b) => !b.confirmed);
  if (blockers.length > 0) {
    lines.push(`${blockers.length} problem(s) stop this plan until confirmed (plan again with --confirm <key>):`);
    for (const b of blockers) lines.push(`- ${b.text}${b.confirmKey ? ` [--confirm ${b.confirmKey}]` : ''}`);
  }
  return lines;
}

export const planCommand: Command = {
  name: 'plan',
  summary:
    'Plan bringing the tenant to a backup: each object to create, update or leave, and why; written to a file whose sha256 apply requires.',
  usage:
    'gatehouse plan <backup> --out <plan.json> [--states source|reportOnly] [--emergency <id>]... [--confirm <key>]... [connection options]',
  positionals: { min: 1, max: 1 },
  options: {
    out: { type: 'string', value: '<file>', description: 'Where to write the plan (JSON) for review.' },
    states: {
      type: 'string',
      value: '<source|reportOnly>',
      description: "The state written policies get: the backup's (default) or report-only.",
    },
    emergency: {
      type: 'string',
      multiple: true,
      value: '<id>',
      description: 'An emergency-access account or group, by object id (repeat): a policy that could lock one out stops the plan.',
    },
    confirm: {
      type: 'string',
      multiple: true,
      value: '<key>',
      description: 'Confirm a problem that would stop the plan (its key is printed).',
    },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 a plan that can be applied, 1 a plan with problems to confirm first, 2 error.',
  async run(values, positionals, io) {
    const out = text(values, 'out');
    if (!out) throw new CliError('Where to? Give --out <plan.json>.');
    const states = choice(values, 'states', STATES, 'source');
    const source = await fromDisk(positionals[0]!, io);
    const tenant = await connectTenant('plan', values, io);
    const planned = await planTenant(
      source,
      positionals[0]!,
      tenant,
      { states, confirmed: texts(values, 'confirm'), emergencyIds: texts(values, 'emergency') },
      io,
    );
    await writeOutputFile(io.cwd, out, planned.text);
    // Named as plan --tenants names it, beside the plan: what a pipeline hands to apply.
    const hashFile = join(dirname(out), 'plan.sha256');
    await writeOutputFile(io.cwd, hashFile, `${planned.hash}\n`);
    io.out(
      `${[`Plan for ${tenant.tenantId} from ${source.label}, written to ${out} (its sha256 to ${hashFile}).`, ...planned.lines, `sha256 ${planned.hash}`].join('\n')}\n`,
    );
    appendJobSummary(
      io,
      [
        '### Conditional Access plan',
        '',
        ...planned.lines.map(escapeMarkdown).map((l) => (l.startsWith('- ') ? l : `${l}\n`)),
        '',
        `Apply exactly this plan: \`gatehouse apply --plan ${escapeMarkdown(out)} --sha256 ${planned.hash}\``,
      ].join('\n'),
    );
    return planned.blocked ? EXIT.finding : EXIT.ok;
  },
};

export interface PlannedTenant {
  file: PlanFile;
  /** The plan file's text, canonical: the same inputs give the same text and hash. */
  text: string;
  hash: string;
  lines: string[];
  /** Problems wait for a confirmation. */
  blocked: boolean;
}

/** The plan of one tenant from a backup on disk, guarded for the emergency accounts given (none: not guarded, and said). */
export async function planTenant(
  source: Source,
  sourcePath: string,
  tenant: TenantConnection,
  options: {
    states: 'source' | 'reportOnly';
    confirmed: string[];
    emergencyIds: string[];
    /** What to say when no emergency account is given (default: for --emergency). */
    unguarded?: string;
  },
  io: CliIo,
): Promise<PlannedTenant> {
  const importSet = importSetOfBundle(source.bundle);
  const choices = { ...defaultChoices(), states: options.states, confirmed: options.confirmed };
  io.err('Reading the tenant and the objects the backup names…\n');
  const read = await readTargetForPlan(tenant.context.client);
  const directory = await findDirectoryMatches(
    tenant.context.client,
    referencesToLookUp(importSet, sourcePolicies(importSet), choices.domains),
  );
  const emergency = await readEmergency(tenant.context.client, options.emergencyIds);
  if (options.emergencyIds.length === 0)
    io.err(`${options.unguarded ?? 'No --emergency account given: the plan is not checked for lock-outs.'}\n`);
  const guard =
    options.emergencyIds.length > 0 ? { admin: null, emergency: emergency.access, memberships: emergency.memberships } : undefined;
  const plan = buildPlan(importSet, { tenantId: tenant.tenantId, ...read, directory, ...(guard && { guard }) }, choices);
  const file: PlanFile = {
    format: PLAN_FORMAT,
    version: 1,
    tenant: { id: tenant.tenantId },
    source: {
      // Relative to the working folder: the plan's hash must not depend on where the runner checked it out.
      path: repoPath(io.cwd, sourcePath),
      tenantId: source.bundle.manifest.tenant.id,
      tenantName: source.bundle.manifest.tenant.name,
      capturedAt: source.bundle.manifest.capturedAt,
    },
    plan,
  };
  const text = planFileText(file);
  return { file, text, hash: sha256OfText(text), lines: planLines(plan), blocked: plan.blockers.some((b) => !b.confirmed) };
}
