// `gatehouse diff <baseline> --baseline [--mapping <file>]`: the tenant held to a desired state that
// is not a backup of it: a template or another tenant's export in any format the console imports,
// with placeholders (`{{BreakGlassGroup}}`) and names where ids belong. The console's own planner
// matches it to the tenant (by id, by name, by a saved mapping); what the plan would create or
// update is the drift. A reference the plan cannot place makes the comparison incomplete: exit 2.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describeChanges } from '../../domain/describe-changes';
import { isolatedText } from '../../domain/isolate';
import { asPolicies, isJsonObject } from '../../domain/json';
import type { NameDirectory } from '../../domain/references';
import { resolveNames } from '../../graph/names';
import type { ImportFile } from '../../domain/import/import-set';
import { isPlaceholder } from '../../domain/import/placeholders';
import { readImport } from '../../domain/import/read-import';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { defaultChoices, type Plan, type PlanChoices } from '../../domain/plan/types';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import type { TenantConnection } from '../tenant';
import { withMapping, type MappingOptions } from './mapping-option';

export interface BaselineDrift {
  kind: 'missing' | 'differs';
  what: string;
  /** As `diff` names its sections, for the JSON every diff prints (groups only here). */
  section: string;
  name: string;
  /** The tenant's object that differs; none for one missing. */
  id: string | null;
  changes: string[];
}

export interface BaselineComparison {
  drifts: BaselineDrift[];
  /** References the plan could not place (a placeholder with no mapping, a name with no match): the comparison is incomplete. */
  unplaced: string[];
  notes: string[];
}

const WORDS: Record<string, string> = {
  policy: 'Policy',
  namedLocation: 'Named location',
  authenticationStrength: 'Authentication strength',
  authenticationContext: 'Authentication context',
  group: 'Group',
};
const SECTION_OF: Record<string, string> = {
  policy: 'policies',
  namedLocation: 'namedLocations',
  authenticationStrength: 'authenticationStrengths',
  authenticationContext: 'authenticationContexts',
  group: 'groups',
};

export async function filesUnder(path: string): Promise<ImportFile[]> {
  const info = await stat(path).catch(() => {
    throw new CliError(`${isolatedText(path)}: no such file or folder.`);
  });
  if (!info.isDirectory()) return [{ path: path.split(sep).pop()!, bytes: new Uint8Array(await readFile(path)) }];
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(
      entries.filter((e) => !e.name.startsWith('.')).map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])),
    );
    return nested.flat();
  };
  const paths = (await walk(path)).sort();
  return Promise.all(paths.map(async (p) => ({ path: relative(path, p).split(sep).join('/'), bytes: new Uint8Array(await readFile(p)) })));
}

/** What the plan says of the tenant against the baseline, in drift's words. */
export function driftOfPlan(plan: Plan, names?: NameDirectory): BaselineComparison {
  const drifts = plan.rows
    .filter((row) => row.action === 'create' || row.action === 'update' || row.action === 'restore')
    .map((row): BaselineDrift => ({
      kind: row.action === 'update' ? 'differs' : 'missing',
      what: WORDS[row.kind] ?? row.kind,
      section: SECTION_OF[row.kind] ?? row.kind,
      name: row.displayName,
      id: row.action === 'update' ? row.targetId : null,
      changes:
        row.action === 'update' && row.before && row.intended
          ? describeChanges(row.before, row.intended, names, { hideEmpty: true, sortIds: true }).map((c) => c.text)
          : row.action === 'restore'
            ? [row.why]
            : [],
    }));
  const unplaced = plan.mapping
    .filter((row) => !row.choice)
    .map((row) => {
      const value = row.sourceName ?? row.sourceValue;
      const where = [...new Set(row.uses.map((u) => u.policyName))].map(isolatedText).join(', ');
      return `${isPlaceholder(row.sourceValue) ? 'placeholder' : row.kind} ${isolatedText(value)}${where ? ` (in ${where})` : ''}: ${row.why}`;
    });
  return { drifts, unplaced, notes: [] };
}

export async function compareWithBaseline(
  path: string,
  connection: TenantConnection,
  options: MappingOptions,
  io: CliIo,
): Promise<BaselineComparison> {
  const set = await readImport(await filesUnder(path));
  const shown = isolatedText(path);
  // Compared without a file it cannot read, the tenant would look as desired (or drift by less): an error, not a pass.
  const unread = set.files.filter((f) => f.status === 'error');
  if (unread.length > 0)
    throw new CliError(
      `${shown}: ${unread.length === 1 ? 'a file' : `${unread.length} files`} of the desired state could not be read, so the tenant was not compared (correct ${unread.length === 1 ? 'it' : 'them'}, or move ${unread.length === 1 ? 'it' : 'them'} out):\n${unread
        // A message names its file ("x.json is empty."): shown whole, so a file's name cannot forge a line of the log.
        .map(
          (f) => `${shown}: ${isolatedText(f.message?.startsWith(f.path) ? f.message : `${f.path}: ${f.message ?? 'could not be read'}`)}`,
        )
        .join('\n')}`,
    );
  if (sourcePolicies(set).length === 0) throw new CliError(`${shown}: no Conditional Access policy in it to hold the tenant to.`);
  // The baseline's states are the desired ones: a policy the baseline has on must be on in the tenant.
  let choices: PlanChoices = { ...defaultChoices(), states: 'source', domains: options.domains };
  io.err('Reading the tenant and the objects the baseline names…\n');
  const read = await readTargetForPlan(connection.context.client);
  const directory = await findDirectoryMatches(connection.context.client, referencesToLookUp(set, sourcePolicies(set), options.domains));
  const target = { tenantId: connection.tenantId, ...read, directory };
  let plan = buildPlan(set, target, choices);
  const notes: string[] = [];
  if (options.mapping) {
    const applied = withMapping(options.mapping, plan.mapping, connection.tenantId, choices);
    choices = applied.choices;
    notes.push(...applied.notes);
    plan = buildPlan(set, target, choices);
  }
  // The ids of what differs, named as the tenant names them (one $batch).
  const changed = plan.rows.filter((r) => r.action === 'update' && r.kind === 'policy').flatMap((r) => [r.before, r.intended]);
  const names = changed.length ? await resolveNames(connection.context.client, asPolicies(changed.filter(isJsonObject))) : undefined;
  return { ...driftOfPlan(plan, names), notes };
}

export function baselineText(result: BaselineComparison, from: string, markdown: boolean): string {
  const e = markdown ? escapeMarkdown : (s: string) => s;
  const lines = [
    markdown ? '### Conditional Access against the baseline' : '',
    `${result.drifts.length === 0 ? 'Nothing differs' : `${result.drifts.length} item${result.drifts.length === 1 ? ' differs' : 's differ'}`} from ${e(from)}.`,
    ...result.notes.map(e),
  ].filter(Boolean);
  for (const d of result.drifts) {
    lines.push(`- ${d.what} '${e(isolatedText(d.name))}' ${d.kind === 'missing' ? 'is missing from the tenant' : 'differs'}`);
    for (const change of d.changes) lines.push(`  - ${e(change)}`);
  }
  if (result.unplaced.length > 0) {
    lines.push(`Not compared: ${result.unplaced.length} reference(s) could not be placed in the tenant (give a mapping with --mapping):`);
    for (const u of result.unplaced) lines.push(`- ${e(u)}`);
  }
  return `${lines.join('\n')}\n`;
}
