// `gatehouse lint`: the lint catalogue over the tenant (or a backup), as SARIF for GitHub code
// scanning, JUnit for test reports, Markdown for people, or text; suppressions with their reason
// from a file; exit 1 when an unsuppressed finding is at or above --fail-on.
import { resolve } from 'node:path';
import type { Bundle } from '../../domain/bundle/bundle';
import { SeveralBackupsError } from '../../domain/bundle/read-bundle';
import { applySuppressions, lintTenant, readSuppressions, toJUnit, toMarkdown, toSarif } from '../../domain/lint';
import type { LintFinding, LintSeverity, LintSuppression } from '../../domain/lint';
import type { EmergencyAccess } from '../../domain/lockout';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts } from '../args';
import { CliError } from '../cli-error';
import { parseUserJson, readUserText, writeOutputFile } from '../files';
import { appendJobSummary } from '../io';
import { sarifLocator } from '../sarif-locator';
import { EXIT, type Command } from './command';
import { fromDisk, fromTenant } from './source';

const FORMATS = ['text', 'sarif', 'junit', 'markdown'] as const;
const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];
const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

async function suppressionsFrom(path: string | undefined, cwd: string): Promise<LintSuppression[]> {
  if (!path) return [];
  const text = await readUserText(resolve(cwd, path)).catch((error: unknown) => {
    throw new CliError(`Could not read the suppressions in ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const value = parseUserJson(text, path);
  try {
    return readSuppressions(value, path);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** The emergency accounts and groups named by id, their kind and name from the backup's reference table. */
function emergencyFrom(ids: string[], bundle: Bundle): EmergencyAccess | undefined {
  if (ids.length === 0) return undefined;
  const access: EmergencyAccess = { users: [], groups: [] };
  for (const id of ids) {
    const entry = bundle.references.find((r) => r.id.toLowerCase() === id.toLowerCase());
    if (entry?.kind === 'group') access.groups.push({ id: entry.id, name: entry.displayName ?? id });
    else access.users.push({ id: entry?.id ?? id, name: entry?.displayName ?? id });
  }
  return access;
}

function asText(findings: LintFinding[], label: string): string {
  const open = findings.filter((f) => !f.suppressed);
  const lines = [`Lint of ${label}: ${open.length} finding(s), ${findings.length - open.length} suppressed.`];
  for (const f of [...open].sort((a, b) => RANK[a.severity] - RANK[b.severity]))
    lines.push(`${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}`);
  return `${lines.join('\n')}\n`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary:
    'Check every policy and the tenant as a whole against the lint catalogue (references, lock-out safety, correctness, coverage, deprecated, hygiene).',
  usage:
    'gatehouse lint [--from <backup>] [--format text|sarif|junit|markdown] [--out <file>] [--fail-on error|warning|info] [connection options]',
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
    const stale = text(values, 'stale-after-days');
    if (stale !== undefined && !/^\d+$/.test(stale)) throw new CliError(`--stale-after-days takes a number of days, not '${stale}'.`);
    const pattern = text(values, 'naming-pattern');
    if (pattern !== undefined) {
      try {
        new RegExp(pattern);
      } catch {
        throw new CliError(`--naming-pattern is not a regular expression: ${pattern}`);
      }
    }
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
    const findings = applySuppressions(
      lintTenant({
        policies: bundle.policies,
        namedLocations: bundle.namedLocations,
        authenticationStrengths: bundle.authenticationStrengths,
        authenticationContexts: bundle.authenticationContexts,
        termsOfUse: bundle.termsOfUse,
        references: bundle.references,
        emergency: emergencyFrom(texts(values, 'emergency'), bundle),
        now: io.now(),
        options: {
          ...(stale !== undefined && { staleAfterDays: Number(stale) }),
          ...(pattern !== undefined && { namingPattern: pattern }),
        },
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
            : asText(findings, source.label);
    const out = text(values, 'out');
    if (out) await writeOutputFile(io.cwd, out, output);
    else io.out(output);
    appendJobSummary(io, toMarkdown(findings, { title }));
    const failing = findings.filter((f) => !f.suppressed && RANK[f.severity] <= RANK[failOn]);
    if (out) io.err(`${findings.length} finding(s) written to ${out}; ${failing.length} at or above ${failOn}.\n`);
    return failing.length > 0 ? EXIT.finding : EXIT.ok;
  },
};
