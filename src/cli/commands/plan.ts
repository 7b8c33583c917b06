// `gatehouse plan <backup> --out <plan.json>`: what writing the backup (or policy files in another shape, as the
// console's Import reads them: an export, a template) into the tenant would do,
// row by row (create, update, reuse, skip, with why), planned by the console's own planner over
// the tenant read now. The file is for review: its sha256 is what `gatehouse apply` is given.
// The lock-out guard runs with the emergency accounts named by --emergency (an app-only run has no
// signed-in admin to guard): a row that could lock one out stops the plan, naming it, until confirmed.
import { asPolicies, isJsonObject } from '../../domain/json';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { PLAN_FORMAT } from '../../domain/plan/plan-file-format';
import { defaultChoices, pendingId, type Plan, type PlanChoices } from '../../domain/plan/types';
import { collectReferences, nameKey, type NameDirectory } from '../../domain/references';
import { resolveNames } from '../../graph/names';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts } from '../args';
import { CliError } from '../cli-error';
import { checkOut, lostWords, repoPath, writeOutputFile } from '../files';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { readEmergency } from '../evaluation/emergency';
import { EXIT, type Command } from './command';
import { mappingWords, planFileText, sha256OfText, type PlanFile } from './plan-file';
import { readMappingOptions, withMapping, type MappingOptions } from './mapping-option';
import { planLines, planMarkdown, planReport, type PlanReport } from './plan-text';
import { planSourceOf, type PlanSource } from './plan-source';
import type { CliIo } from '../io';
import type { TenantConnection } from '../tenant';

const STATES = ['source', 'reportOnly'] as const;

/** The plan's hash beside it, named after it (plan.json → plan.sha256): plans written to one folder keep their own. */
export const hashFileOf = (out: string) => `${out.replace(/\.json$/i, '')}.sha256`;

export const planCommand: Command = {
  name: 'plan',
  summary:
    'Plan bringing the tenant to a backup, or to policy files the console imports (an export, a template): each object to create, update or leave, and why; written to a file whose sha256 apply requires.',
  usage:
    'gatehouse plan <backup or policy files> --out <plan.json> [--states source|reportOnly] [--emergency <id>]... [--confirm <key>]... [--mapping <file>] [--domain <from=to>]... [connection options]',
  positionals: { min: 1, max: 1 },
  options: {
    out: {
      type: 'string',
      value: '<file>',
      description: 'Where to write the plan (JSON) for review; its sha256 goes beside it, named after it (plan.json → plan.sha256).',
    },
    states: {
      type: 'string',
      value: '<source|reportOnly>',
      description: 'The state written policies get: as the backup or policy files have it (default), or report-only.',
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
      description: 'Confirm a problem that would stop the plan (its key is printed, quoted for the shell).',
    },
    mapping: {
      type: 'string',
      value: '<file>',
      description:
        "For a backup or policy files of another tenant, or a template: a mapping saved from the console's Import (what they name, mapped to this tenant's objects).",
    },
    domain: {
      type: 'string',
      multiple: true,
      value: '<from=to>',
      description:
        'For a backup or policy files of another tenant: read their users of one domain as the same sign-in names in another (contoso.com=fabrikam.com).',
    },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 a plan that can be applied, 1 a plan with problems to confirm or correct first, 2 error.',
  async run(values, positionals, io) {
    const out = text(values, 'out');
    if (!out) throw new CliError('Where to? Give --out <plan.json>.');
    // Its hash goes beside it, named after it (plan.json → plan.sha256): another extension would make that name ambiguous.
    if (!/\.json$/i.test(out))
      throw new CliError(`--out ${out}: the plan is JSON; give a name ending in .json (its hash goes beside it, plan.json → plan.sha256).`);
    await checkOut(io.cwd, out, 'a file');
    const states = choice(values, 'states', STATES, 'source');
    const mapping = await readMappingOptions(values, io.cwd);
    // A backup, or policy files in another shape (an export, a template), read as the console's Import reads them.
    const source = await planSourceOf(positionals[0]!, io);
    const tenant = await connectTenant('plan', values, io);
    const planned = await planTenant(
      source,
      positionals[0]!,
      tenant,
      { states, confirmed: texts(values, 'confirm'), emergencyIds: texts(values, 'emergency'), mapping },
      io,
    );
    await writeOutputFile(io.cwd, out, planned.text);
    const hashFile = hashFileOf(out);
    await writeOutputFile(io.cwd, hashFile, `${planned.hash}\n`);
    const recorded = planned.file.source.mapping;
    const heading = `Plan for ${tenant.tenantId} from ${source.label}${recorded ? ` (${mappingWords(recorded)})` : ''}, written to ${out} (its sha256 to ${hashFile}).`;
    io.out(`${[heading, ...planned.lines, `sha256 ${planned.hash}`].join('\n')}\n`);
    appendJobSummary(io, planMarkdown(planned.report, heading, { out, hash: planned.hash }));
    return planned.blocked ? EXIT.finding : EXIT.ok;
  },
};

export interface PlannedTenant {
  file: PlanFile;
  /** The plan file's text, canonical: the same inputs give the same text and hash. */
  text: string;
  hash: string;
  /** The plan in words, for the log (report: the same, for the job summary). */
  lines: string[];
  report: PlanReport;
  /** Problems wait for a confirmation or a correction. */
  blocked: boolean;
}

/** The names of what the changed policies name, as the tenant has them; what this plan creates is named by its row. */
async function namesForWords(plan: Plan, tenant: TenantConnection, io: CliIo): Promise<NameDirectory | undefined> {
  const changed = plan.rows.filter((r) => r.kind === 'policy' && (r.action === 'update' || r.action === 'restore' || r.action === 'reuse'));
  if (changed.length === 0) return undefined;
  const policies = asPolicies(changed.flatMap((r) => [r.before, r.intended]).filter(isJsonObject));
  const refs = collectReferences(policies);
  // An object the plan creates has no id yet: it is not asked for.
  for (const ids of Object.values(refs)) for (const id of [...ids]) if (id.startsWith(PENDING_PREFIX)) ids.delete(id);
  let resolved: NameDirectory;
  try {
    resolved = await resolveNames(tenant.context.client, policies, { refs });
  } catch (error) {
    io.err(
      `The names of what the policies name could not be read (${error instanceof Error ? error.message : String(error)}): ids are shown.\n`,
    );
    return undefined;
  }
  const names = new Map(resolved.names);
  for (const row of plan.rows) {
    const kind = row.kind;
    if (row.action !== 'create' || kind === 'policy') continue;
    const id = pendingId(row.key);
    names.set(nameKey(kind, id), { id, kind, displayName: `${row.displayName} (created by this plan)` });
  }
  // A reference the plan could not place keeps the backup's value: it is no deleted object of this tenant.
  for (const row of plan.mapping.filter((r) => !r.choice))
    names.set(nameKey(row.kind, row.sourceValue), {
      id: row.sourceValue,
      kind: row.kind,
      displayName: `${row.sourceName ?? row.sourceValue} (not placed in this tenant)`,
    });
  return { ...resolved, names };
}

const PENDING_PREFIX = pendingId('');

/** The plan of one tenant from a backup or policy files on disk, guarded for the emergency accounts given (none: not guarded, and said). */
export async function planTenant(
  source: PlanSource,
  sourcePath: string,
  tenant: TenantConnection,
  options: {
    states: 'source' | 'reportOnly';
    confirmed: string[];
    emergencyIds: string[];
    /** What to say when no emergency account is given (default: for --emergency). */
    unguarded?: string;
    /** How a backup of another tenant is placed in this one (--mapping, --domain). */
    mapping?: MappingOptions;
  },
  io: CliIo,
): Promise<PlannedTenant> {
  const importSet = source.set;
  const domains = options.mapping?.domains ?? [];
  let choices: PlanChoices = { ...defaultChoices(), states: options.states, confirmed: options.confirmed, domains };
  io.err(`Reading the tenant and the objects named in ${source.label}…\n`);
  const read = await readTargetForPlan(tenant.context.client);
  const directory = await findDirectoryMatches(tenant.context.client, referencesToLookUp(importSet, sourcePolicies(importSet), domains));
  const emergency = await readEmergency(tenant.context.client, options.emergencyIds);
  if (options.emergencyIds.length === 0)
    io.err(`${options.unguarded ?? 'No --emergency account given: the plan is not checked for lock-outs.'}\n`);
  const guard =
    options.emergencyIds.length > 0 ? { admin: null, emergency: emergency.access, memberships: emergency.memberships } : undefined;
  const target = { tenantId: tenant.tenantId, ...read, directory, ...(guard && { guard }) };
  let plan = buildPlan(importSet, target, choices);
  const lost = lostWords(
    source.label,
    source.lost,
    (one) =>
      `this plan does not bring ${one ? 'it' : 'them'} back, though the backup had ${one ? 'it' : 'them'}. Restore the file (from git) and plan again, if ${one ? 'it' : 'they'} should be.`,
  );
  const notes: string[] = lost ? [lost] : [];
  if (options.mapping?.mapping) {
    const applied = withMapping(options.mapping.mapping, plan.mapping, tenant.tenantId, choices);
    choices = applied.choices;
    notes.push(...applied.notes);
    plan = buildPlan(importSet, target, choices);
  }
  const file: PlanFile = {
    format: PLAN_FORMAT,
    version: 1,
    tenant: { id: tenant.tenantId },
    source: {
      // Relative to the working folder: the plan's hash must not depend on where the runner checked it out.
      path: repoPath(io.cwd, sourcePath),
      // What apply's advice calls it: "correct it in the policy files", not in a backup there is none of.
      kind: source.kind,
      ...source.origin,
      // Which mapping made this plan: a reviewer (and apply) can tell it from another one of the same name.
      ...(options.mapping?.mapping && {
        mapping: { path: repoPath(io.cwd, options.mapping.mapping.path), sha256: options.mapping.mapping.sha256 },
      }),
    },
    plan,
  };
  const text = planFileText(file);
  const report = planReport(plan, await namesForWords(plan, tenant, io), notes, source.words);
  return { file, text, hash: sha256OfText(text), lines: planLines(report), report, blocked: plan.blockers.some((b) => !b.confirmed) };
}
