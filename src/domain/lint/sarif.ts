// Findings as SARIF 2.1.0, the format GitHub code scanning reads: one run, the catalogue as the
// tool's rules, one result per finding. A suppressed finding is a result with an accepted external
// suppression and its justification, as the format provides. Where a finding lies in a file is
// the caller's to say (the command line knows the folder it wrote); a finding with no file of its
// own is placed on the file that was linted (GitHub code scanning refuses a result without a
// physical location), and every result also carries the policy or tenant as a logical location.
import type { JsonObject } from '../json';
import { locate } from '../json-locations';
import type { JsonPath } from '../policy-finding';
import { lintRules } from './catalogue';
import type { LintFinding, LintRule, LintSeverity } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifLocation {
  uri: string;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifOptions {
  toolVersion?: string;
  /** The file (and region) a finding is about, relative to the repository; none leaves the result with its logical location only. */
  locate?: (finding: LintFinding) => SarifLocation | undefined;
  /** The file linted, relative to the repository: where a finding that `locate` does not place is put. */
  artifact?: string;
  rules?: readonly LintRule[];
}

const LEVEL: Record<LintSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Stable across runs while the finding stands: the rule, the policy and the place in it. */
export const fingerprintOf = (f: LintFinding) => `${f.ruleId}:${f.policyId ?? 'tenant'}:${(f.path ?? []).join('/')}`;

const tags = (rule: LintRule) => [rule.category, ...rule.external.map((e) => `${e.source}:${e.id}`)];

export function toSarif(findings: readonly LintFinding[], options: SarifOptions = {}): JsonObject {
  const rules = options.rules ?? lintRules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f): JsonObject => {
    const where = options.locate?.(f) ?? (options.artifact !== undefined ? { uri: options.artifact } : undefined);
    const physical: JsonObject | undefined = where && {
      artifactLocation: { uri: where.uri },
      ...(where.startLine !== undefined && {
        region: {
          startLine: where.startLine,
          ...(where.startColumn !== undefined && { startColumn: where.startColumn }),
          ...(where.endLine !== undefined && { endLine: where.endLine }),
          ...(where.endColumn !== undefined && { endColumn: where.endColumn }),
        },
      }),
    };
    const logical: JsonObject[] = f.policyId
      ? [{ name: f.policyName ?? f.policyId, fullyQualifiedName: `policies/${f.policyId}`, kind: 'object' }]
      : [{ name: 'tenant', kind: 'module' }];
    return {
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) && { ruleIndex: index.get(f.ruleId)! }),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ ...(physical && { physicalLocation: physical }), logicalLocations: logical }],
      partialFingerprints: { 'gatehouseFinding/v1': fingerprintOf(f) },
      ...(f.suppressed && {
        suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppressed.reason }],
      }),
      properties: {
        category: f.category,
        ...(f.policyId && { policyId: f.policyId }),
        ...(f.path && { jsonPath: f.path }),
        ...(f.external.length > 0 && { external: f.external.map((e) => `${e.source}:${e.id}`) }),
        ...(f.fix && { fix: { description: f.fix.description, patch: f.fix.patch } }),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Gatehouse',
            ...(options.toolVersion && { version: options.toolVersion }),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: tags(r) },
            })),
          },
        },
        results,
      },
    ],
  };
}

/** Where a JSON path lies in a file's text, as a SARIF region (lines and columns from 1): the value, or its closest existing parent. */
export function sarifLocationIn(uri: string, text: string, path: JsonPath): SarifLocation {
  const { start, end } = locate(text, path);
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const [from, to] = [position(start), position(end)];
  return { uri, startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}
