// `gatehouse lint`: the lint catalogue over the tenant (or a backup), as SARIF for GitHub code
// scanning, JUnit for test reports, Markdown for people, or text; suppressions with their reason
// from a file; exit 1 when an unsuppressed finding is at or above --fail-on.
import { join, resolve } from 'node:path';
import { SeveralBackupsError } from '../../domain/bundle/read-bundle';
import { applySuppressions, lintRules, lintTenant, readSuppressions, toJUnit, toMarkdown, toSarif } from '../../domain/lint';
import type { LintFinding, LintOptions, LintSeverity, LintSuppression } from '../../domain/lint';
import type { EmergencyAccess } from '../../domain/lockout';
import { LINT_SUPPRESSIONS_FILE } from '../../domain/bundle/folder';
import { isolatedText } from '../../domain/isolate';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { choice, closestOption, CONNECTION_OPTIONS, HELP_OPTION, text, texts, wholeNumber, type Values } from '../args';
import { CliError } from '../cli-error';
import { checkOut, couldNotRead, keepSaid, lostWords, parseUserJson, readUserText, writeOutputFile } from '../files';
import { findEmergency } from '../evaluation/emergency';
import { appendJobSummary, type CliIo } from '../io';
import { sarifLocator } from '../sarif-locator';
import { EXIT, type Command } from './command';
import { fromDisk, fromTenant, type Source } from './source';

const FORMATS = ['text', 'sarif', 'junit', 'markdown'] as const;
const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];
const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

export async function suppressionsFrom(path: string | undefined, cwd: string): Promise<LintSuppression[]> {
  if (!path) return [];
  const text = await readUserText(resolve(cwd, path), path, 'a suppressions file (JSON)').catch(
    keepSaid(couldNotRead('the suppressions in', path)),
  );
  const value = parseUserJson(text, path);
  let suppressions: LintSuppression[];
  try {
    suppressions = readSuppressions(value, path);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  // A mistyped rule would leave the finding it meant open, and below --fail-on nobody would notice.
  const unknown = unknownRules(suppressions, path);
  if (unknown.length > 0) throw new CliError(unknown.join('\n'));
  return suppressions;
}

/** A line for each suppression whose rule the catalogue does not have, with the rule it most likely meant. */
export function unknownRules(suppressions: readonly LintSuppression[], where: string): string[] {
  const known = lintRules.map((r) => r.id);
  return suppressions.flatMap((s, i) => {
    if (known.includes(s.ruleId)) return [];
    const near = closestOption(s.ruleId, known);
    return [
      `${where}, suppression ${i + 1}: no lint rule '${s.ruleId}'${near ? ` (did you mean '${near}'?)` : ''}: it suppresses nothing.`,
    ];
  });
}

/**
 * The emergency accounts and groups named by id: from the directory when linting the tenant, else
 * from the backup's reference table (which holds what its policies name). An id found in neither is
 * refused, as plan refuses it: a typo must not leave an account unguarded.
 */
async function emergencyFrom(ids: string[], source: Source): Promise<EmergencyAccess | undefined> {
  if (ids.length === 0) return undefined;
  if (source.connection) return findEmergency(source.connection.context.client, ids);
  const access: EmergencyAccess = { users: [], groups: [] };
  const unknown: string[] = [];
  for (const id of ids) {
    const entry = source.bundle.references.find((r) => r.id.toLowerCase() === id.toLowerCase() && r.exists);
    if (entry?.kind === 'group') access.groups.push({ id: entry.id, name: entry.displayName ?? id });
    else if (entry?.kind === 'user') access.users.push({ id: entry.id, name: entry.displayName ?? id });
    else unknown.push(id);
  }
  if (unknown.length > 0)
    throw new CliError(
      `--emergency: ${source.label} has no user or group ${unknown.map((id) => `'${isolatedText(id)}'`).join(', ')}. ` +
        'A backup knows the users and groups its policies name: for an account no policy names, lint the tenant.',
    );
  return access;
}

/** --stale-after-days and --naming-pattern, checked before anything is read; the same for one tenant and for --tenants. */
export function lintOptionsOf(values: Values): LintOptions {
  // 0 is a choice: every report-only or Off policy is reported, however new.
  const staleAfterDays = wholeNumber(values, 'stale-after-days', 30, 0, 3650);
  const pattern = text(values, 'naming-pattern');
  if (pattern !== undefined) {
    try {
      new RegExp(pattern);
    } catch {
      throw new CliError(`--naming-pattern is not a regular expression: ${pattern}`);
    }
  }
  return { staleAfterDays, ...(pattern !== undefined && { namingPattern: pattern }) };
}

/** The counts every format's summary says: open and suppressed apart, and how many fail the run. */
function counts(findings: readonly LintFinding[], failOn: LintSeverity): string {
  const open = findings.filter((f) => !f.suppressed);
  const failing = open.filter((f) => RANK[f.severity] <= RANK[failOn]).length;
  return `${open.length} open, ${findings.length - open.length} suppressed; ${failing} at or above ${failOn}`;
}

const bySeverity = (findings: readonly LintFinding[]) => [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);

/** Open findings first, one a line; the suppressed ones apart, indented, each with who accepted it and why. */
export function asText(findings: LintFinding[], label: string, failOn: LintSeverity): string {
  const lines = [`Lint of ${label}: ${counts(findings, failOn)}.`];
  for (const f of bySeverity(findings.filter((f) => !f.suppressed))) lines.push(`${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}`);
  const suppressed = bySeverity(findings.filter((f) => f.suppressed));
  if (suppressed.length > 0) lines.push('', `Suppressed (${suppressed.length}), not counted against --fail-on:`);
  for (const f of suppressed) {
    const { reason, by, at } = f.suppressed!;
    lines.push(
      `  ${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}`,
      `    Suppressed${by ? ` by ${isolatedText(by)}` : ''} on ${isolatedText(at.slice(0, 10))}: ${isolatedText(reason)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The suppressions a backup holds name a rule the catalogue lacks: said, not fatal (a backup is read as it is). */
function warnUnknownRules(source: Source, io: CliIo): void {
  const where = source.files && source.path ? join(source.path, LINT_SUPPRESSIONS_FILE) : (source.path ?? source.label);
  for (const line of unknownRules(source.bundle.lintSuppressions, where)) io.err(`Warning: ${line}\n`);
}

export const lintCommand: Command = {
  name: 'lint',
  summary:
    'Check every policy and the tenant as a whole against the lint catalogue (references, lock-out safety, correctness, coverage, deprecated, hygiene).',
  usage:
    'gatehouse lint [--from <backup>] [--format text|sarif|junit|markdown] [--out <file>] [--fail-on error|warning|info] [--suppressions <file>] [--emergency <id>]... [--stale-after-days <n>] [--naming-pattern <regex>] [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    from: { type: 'string', value: '<path>', description: 'Lint a backup (folder or .json) instead of the tenant.' },
    format: { type: 'string', value: '<text|sarif|junit|markdown>', description: 'Output format (default text).' },
    out: { type: 'string', value: '<file>', description: 'Write the output to this file instead of stdout.' },
    'fail-on': {
      type: 'string',
      value: '<error|warning|info>',
      description: 'Exit 1 when an unsuppressed finding is this severe or more (default error).',
    },
    suppressions: {
      type: 'string',
      value: '<file>',
      description:
        'A JSON array of suppressions: { ruleId, policyId?, reason, by?, at } (besides those a backup holds in lint-suppressions.json).',
    },
    emergency: { type: 'string', multiple: true, value: '<id>', description: 'An emergency-access account or group (repeat for each).' },
    'stale-after-days': { type: 'string', value: '<n>', description: 'Report-only or Off for longer than this is reported (default 30).' },
    'naming-pattern': { type: 'string', value: '<regex>', description: 'Every policy name should match this regular expression.' },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 error.',
  async run(values, _positionals, io) {
    const format = choice(values, 'format', FORMATS, 'text');
    const failOn = choice(values, 'fail-on', SEVERITIES, 'error');
    const options = lintOptionsOf(values);
    // Before the tenant is read: a folder (or a file in the way) where the output goes is said first.
    const out = text(values, 'out');
    if (out) await checkOut(io.cwd, out, 'a file');
    const suppressions = await suppressionsFrom(text(values, 'suppressions'), io.cwd);
    const from = text(values, 'from');
    const source = from
      ? await fromDisk(from, io).catch((error: unknown) => {
          // A folder of backups is what `backup --tenants` writes: the tenants file lints each of them.
          if (error instanceof CliError && error.cause instanceof SeveralBackupsError)
            throw new CliError(
              `${error.message} To lint every tenant's, give the tenants file: gatehouse lint --tenants <file> --from ${from}`,
            );
          throw error;
        })
      : await fromTenant('lint', values, io);
    const { bundle } = source;
    warnUnknownRules(source, io);
    const emergency = await emergencyFrom(texts(values, 'emergency'), source);
    const findings = applySuppressions(
      lintTenant({
        policies: bundle.policies,
        namedLocations: bundle.namedLocations,
        authenticationStrengths: bundle.authenticationStrengths,
        authenticationContexts: bundle.authenticationContexts,
        termsOfUse: bundle.termsOfUse,
        references: bundle.references,
        emergency,
        now: io.now(),
        options,
      }),
      // The file's first (a pipeline's own decisions), then those kept in the backup.
      [...suppressions, ...bundle.lintSuppressions],
    );
    const title = `Conditional Access lint: ${source.label}`;
    const output =
      format === 'sarif'
        ? `${JSON.stringify(toSarif(findings, sarifLocator(source.files, source.path, io.cwd)), null, 2)}\n`
        : format === 'junit'
          ? toJUnit(findings, { failOn })
          : format === 'markdown'
            ? toMarkdown(findings, { title })
            : asText(findings, source.label, failOn);
    if (out) await writeOutputFile(io.cwd, out, output);
    else io.out(output);
    // A backup that lost a policy is linted without it: what it would have covered may show as a gap.
    const lost = lostWords(
      source.label,
      source.lost,
      (one) =>
        `${one ? 'it is' : 'they are'} not linted, and a finding of something no policy covers may be wrong. Restore the file (from git) or take a new backup, then lint again.`,
    );
    if (lost) io.err(`Warning: ${lost}\n`);
    appendJobSummary(io, `${toMarkdown(findings, { title })}${lost ? `\n\n**Warning**: ${escapeMarkdown(lost)}` : ''}`);
    const failing = findings.filter((f) => !f.suppressed && RANK[f.severity] <= RANK[failOn]);
    if (out) io.err(`Lint of ${source.label} written to ${out}: ${counts(findings, failOn)}.\n`);
    return failing.length > 0 ? EXIT.finding : EXIT.ok;
  },
};
