// `gatehouse diff <baseline> [<other>]`: what differs between a backup and the tenant as it is now
// (or a second backup), object by object (policies, then what they use), in the admin center's words; for the tenant, who made each
// change and when, from the directory audit log when it can be read. Exit 0 same, 1 drift, 2 error.
import { SECTIONS, type Bundle, type SectionName } from '../../domain/bundle/bundle';
import { namesFromBundle } from '../../domain/documentation/bundle-names';
import { describeChanges } from '../../domain/describe-changes';
import { isolatedText } from '../../domain/isolate';
import { matchPolicySets, type PolicyMatch } from '../../domain/match-policies';
import { mergeNames } from './names';
import { AUDIT_RETENTION_DAYS, listConditionalAccessEvents, type AuditEvent } from '../../graph/audit';
import { GraphRequestError } from '../../graph/errors';
import { getOrganization } from '../../graph/organization';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts, type Values } from '../args';
import { CliError } from '../cli-error';
import { lostWords } from '../files';
import { connectTenant } from '../tenant';
import { baselineText, compareWithBaseline } from './baseline-diff';
import { readMappingOptions } from './mapping-option';
import { appendJobSummary, type CliIo } from '../io';
import { EXIT, type Command } from './command';
import { diffDocument } from './diff-json';
import { fromDisk, fromTenant, type Source } from './source';

export interface Drift {
  /** The bundle's section: policies, namedLocations, authenticationStrengths, authenticationContexts, termsOfUse. */
  section: SectionName;
  name: string;
  id: string | null;
  kind: 'added' | 'removed' | 'changed';
  changes: string[];
  /** The latest change to it in the audit log, when read. */
  author?: { by: string; at: string; activity: string };
}

const FORMATS = ['text', 'markdown', 'json'] as const;

/** How each section's objects are named in the output; a policy is named by its name alone. */
const SECTION_WORDS: Record<SectionName, string> = {
  policies: '',
  namedLocations: 'Named location: ',
  authenticationStrengths: 'Authentication strength: ',
  authenticationContexts: 'Authentication context: ',
  termsOfUse: 'Terms of use: ',
};
/** The audit log's target type of each section's objects (Conditional Access audits policies and named locations). */
const AUDIT_TYPES: Partial<Record<SectionName, string>> = { policies: 'Policy', namedLocations: 'NamedLocation' };

function driftsOf(baseline: Bundle, other: Bundle): Drift[] {
  const names = mergeNames(namesFromBundle(baseline), namesFromBundle(other));
  // Policies first, as the admin reads them; then what they use.
  return (['policies', ...SECTIONS.filter((s) => s !== 'policies')] as SectionName[]).flatMap((section) => {
    const side = (bundle: Bundle) => bundle[section].map((item) => ({ id: typeof item.id === 'string' ? item.id : null, policy: item }));
    const drifted = matchPolicySets(side(baseline), side(other)).matches.filter((m) => m.status !== 'identical');
    return drifted.map((m: PolicyMatch): Drift => {
      const id = (typeof (m.b ?? m.a)?.id === 'string' ? String((m.b ?? m.a)!.id) : null) || null;
      if (m.status === 'onlyA') return { section, name: m.name, id, kind: 'removed', changes: [] };
      if (m.status === 'onlyB') return { section, name: m.name, id, kind: 'added', changes: [] };
      const changes = describeChanges(m.a!, m.b!, names, { hideEmpty: true, sortIds: true }).map((c) => c.text);
      return { section, name: m.name, id, kind: 'changed', changes };
    });
  });
}

// The name on one line and isolated: a line break in it would forge a drift line of its own.
const label = (d: Drift) => `${SECTION_WORDS[d.section]}${isolatedText(d.name)}`;
const count = (n: number) => `${n} item${n === 1 ? ' differs' : 's differ'}`;

/** The last audited change of each drifted policy since the baseline was taken (within the log's retention). */
async function withAuthors(drifts: Drift[], baseline: Bundle, tenant: Source, io: CliIo): Promise<string | null> {
  const connection = tenant.connection!;
  if (!connection.has('AuditLog.Read.All')) return 'Who changed them is not known: the application lacks AuditLog.Read.All.';
  const retention = new Date(io.now().getTime() - AUDIT_RETENTION_DAYS * 86_400_000);
  const taken = Date.parse(baseline.manifest.capturedAt);
  const since = Number.isFinite(taken) && taken > retention.getTime() ? new Date(taken) : retention;
  let events: AuditEvent[];
  try {
    events = await listConditionalAccessEvents(connection.context.client, { since });
  } catch (error) {
    if (error instanceof GraphRequestError && (error.status === 403 || error.status === 401))
      return `Who changed them is not known: the audit log could not be read (${error.message}).`;
    throw error;
  }
  for (const drift of drifts) {
    const type = AUDIT_TYPES[drift.section];
    const event = events.find((e) => e.targetType === type && (e.targetId === drift.id || (!drift.id && e.targetName === drift.name)));
    if (event) drift.author = { by: event.by, at: event.at, activity: event.activity };
  }
  return null;
}

/** A backup's lost items, in words: each shows as drift that is not there. */
const lostDrift = (source: Source): string[] => {
  const words = lostWords(
    source.label,
    source.lost,
    (one) =>
      `${one ? 'it shows' : 'they show'} as drift though the backup had ${one ? 'it' : 'them'}. Restore the file (from git) or take a new backup, then compare again.`,
  );
  return words ? [words] : [];
};

/** A backup of another tenant than the one signed in to: compared by id, nearly everything would show as drift. */
const otherTenant = (backup: Source, tenant: Source): string[] => {
  const of = backup.bundle.manifest.tenant;
  if (!tenant.connection || !of.id || of.id.toLowerCase() === tenant.connection.tenantId.toLowerCase()) return [];
  return [
    `${backup.label} is of tenant ${isolatedText(of.id)}${of.name ? ` (${isolatedText(of.name)})` : ''}, not of ${tenant.label} (${tenant.connection.tenantId}) signed in to: objects are compared by id, so what differs is not drift. Check the tenant signed in to (--tenant, AZURE_TENANT_ID); to hold this tenant to another's backup, use gatehouse diff ${backup.path ? isolatedText(backup.path) : '<backup>'} --baseline (matched by name, with --mapping).`,
  ];
};

const KIND_WORDS = { added: 'added', removed: 'removed', changed: 'changed' } as const;

function asText(drifts: Drift[], from: string, to: string, note: string | null): string {
  if (drifts.length === 0) return `No drift: ${to} matches ${from}.\n${note ? `${note}\n` : ''}`;
  const lines = [`Drift: ${count(drifts.length)} between ${from} and ${to}.`];
  for (const d of drifts) {
    const author = d.author ? ` (${isolatedText(d.author.activity)} by ${isolatedText(d.author.by)} at ${isolatedText(d.author.at)})` : '';
    lines.push(`- ${label(d)}: ${KIND_WORDS[d.kind]}${author}`);
    for (const change of d.changes) lines.push(`    ${change}`);
  }
  if (note) lines.push(note);
  return `${lines.join('\n')}\n`;
}

function asMarkdown(drifts: Drift[], from: string, to: string, note: string | null): string {
  const lines = ['### Conditional Access drift', ''];
  if (drifts.length === 0)
    return `${lines.join('\n')}No drift: ${escapeMarkdown(to)} matches ${escapeMarkdown(from)}.\n${note ? `\n${escapeMarkdown(note)}\n` : ''}`;
  lines.push(`${count(drifts.length)} between ${escapeMarkdown(from)} and ${escapeMarkdown(to)}.`, '');
  lines.push('| Object | Drift | Changed by | When | What changed |', '| --- | --- | --- | --- | --- |');
  for (const d of drifts) {
    lines.push(
      `| ${escapeMarkdown(label(d))} | ${d.kind} | ${d.author ? escapeMarkdown(d.author.by) : ''} | ${d.author ? escapeMarkdown(d.author.at) : ''} | ${d.changes.map(escapeMarkdown).join('<br>')} |`,
    );
  }
  if (note) lines.push('', escapeMarkdown(note));
  return `${lines.join('\n')}\n`;
}

export const diffCommand: Command = {
  name: 'diff',
  summary:
    'Compare a backup with the tenant as it is now, or with a second backup: each policy, named location, authentication strength or context and terms of use added, removed or changed, in words, and for the tenant who changed it and when (directory audit log).',
  usage:
    'gatehouse diff <backup> [<other>] [--format text|markdown|json] | gatehouse diff <desired> --baseline [--mapping <file>] [--domain <from=to>]... [connection options]',
  positionals: { min: 1, max: 2 },
  options: {
    format: { type: 'string', value: '<text|markdown|json>', description: 'How to print the drift (default text).' },
    baseline: {
      type: 'boolean',
      description:
        "Hold the tenant to a desired state that is not its own backup (a template or another tenant's export, any format the console imports, placeholders allowed), matched by the planner.",
    },
    mapping: {
      type: 'string',
      value: '<file>',
      description: "With --baseline: a mapping saved from the console (placeholders and names to this tenant's objects).",
    },
    domain: {
      type: 'string',
      multiple: true,
      value: '<from=to>',
      description: 'With --baseline: read users of one domain as the same sign-in names in another (contoso.com=fabrikam.com).',
    },
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: 'Exit codes: 0 the same, 1 drift, 2 error (a backup that lost what its manifest lists, or a backup of another tenant than the one signed in to, is one). With one backup the tenant is read (sign-in needed); with two, no tenant is.',
  async run(values, positionals, io) {
    const format = choice(values, 'format', FORMATS, 'text');
    if (values.baseline || text(values, 'mapping')) return againstBaseline(values, positionals, io, format);
    if (texts(values, 'domain').length > 0)
      throw new CliError(
        '--domain goes with --baseline: it reads the users of a desired state from another tenant by their sign-in names here (gatehouse diff <desired> --baseline --domain contoso.com=fabrikam.com). A backup of this tenant is compared by id and needs none.',
      );
    const baseline = await fromDisk(positionals[0]!, io);
    const other = positionals[1] ? await fromDisk(positionals[1], io) : await fromTenant('diff', values, io);
    const drifts = driftsOf(baseline.bundle, other.bundle);
    const audit = other.connection && drifts.length > 0 ? await withAuthors(drifts, baseline.bundle, other, io) : null;
    const damage = [...[baseline, other].flatMap(lostDrift), ...otherTenant(baseline, other)];
    const note = [...damage, ...(audit ? [audit] : [])].join('\n') || null;
    if (format === 'json') io.out(diffDocument({ from: baseline.label, to: other.label, drift: drifts, note, damaged: damage.length > 0 }));
    else if (format === 'markdown') io.out(asMarkdown(drifts, baseline.label, other.label, note));
    else io.out(asText(drifts, baseline.label, other.label, note));
    appendJobSummary(io, asMarkdown(drifts, baseline.label, other.label, note));
    // A backup that lost what it held cannot say whether the tenant drifted: the run fails, as on any error.
    return damage.length > 0 ? EXIT.error : drifts.length > 0 ? EXIT.finding : EXIT.ok;
  },
};

async function againstBaseline(values: Values, positionals: string[], io: CliIo, format: (typeof FORMATS)[number]): Promise<number> {
  if (positionals.length !== 1) throw new CliError('With --baseline, give one desired state: the tenant is compared with it.');
  const mapping = await readMappingOptions(values, io.cwd);
  const connection = await connectTenant('diff', values, io);
  const result = await compareWithBaseline(positionals[0]!, connection, mapping, io);
  const from = `the baseline in ${isolatedText(positionals[0]!)}`;
  if (format === 'json') {
    // The same document as every diff's: the tenant named as `diff <backup>` names it, the items in its shape.
    const organization = await getOrganization(connection.context.client);
    io.out(
      diffDocument({
        from,
        to: `the tenant ${isolatedText(organization?.displayName ?? connection.tenantId)}`,
        drift: result.drifts.map(({ section, name, id, kind, changes }) => ({ section, name, id, kind, changes })),
        note: result.notes.join('\n') || null,
        damaged: result.unplaced.length > 0,
        unplaced: result.unplaced,
      }),
    );
  } else io.out(baselineText(result, from, format === 'markdown'));
  appendJobSummary(io, baselineText(result, from, true));
  return result.unplaced.length > 0 ? EXIT.error : result.drifts.length > 0 ? EXIT.finding : EXIT.ok;
}
