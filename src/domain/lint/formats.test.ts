// The output formats. SARIF: no copy of the SARIF 2.1.0 JSON schema is in the repository or
// node_modules, so this checks the properties that schema requires and the values it allows for
// what the writer produces (sarifLog, run, tool, toolComponent, reportingDescriptor, result,
// message, location, suppression). JUnit and Markdown: the counts, and names that would break the
// markup shown as written.
import { describe, expect, it } from 'vitest';
import { lintRules } from './catalogue';
import { toJUnit } from './junit';
import { toMarkdown } from './markdown';
import { sarifLocationIn, toSarif } from './sarif';
import type { LintFinding } from './types';

const HOSTILE = `CA999: <img src=x onerror=alert(1)> & "quotes" 'too' | pipe *star* [link](x)\u0001`;
const findings: LintFinding[] = [
  {
    ruleId: 'directory-object-gone',
    severity: 'warning',
    category: 'references',
    message: `'${HOSTILE}' (On): 'x' (excluded groups) no longer exists in the directory.`,
    policyId: 'p1',
    policyName: HOSTILE,
    path: ['conditions', 'users', 'excludeGroups'],
    external: [{ source: 'maester', id: 'MT.1066' }],
    fix: { description: 'Remove the id.', patch: { conditions: { users: { excludeGroups: [] } } } },
  },
  {
    ruleId: 'authentication-strength-gone',
    severity: 'error',
    category: 'references',
    message: 'The strength is gone.',
    policyId: 'p2',
    policyName: 'CA002',
    path: ['grantControls', 'authenticationStrength'],
    external: [],
  },
  {
    ruleId: 'coverage-device-code-flow-blocked',
    severity: 'warning',
    category: 'coverage',
    message: 'No policy blocks the device code flow.',
    external: [{ source: 'scubagear', id: 'MS.AAD.3.9v1' }],
    suppressed: { reason: 'Kiosks sign in with it until March', by: 'Ada', at: '2026-11-30T12:00:00.000Z' },
  },
  { ruleId: 'naming-pattern', severity: 'info', category: 'hygiene', message: 'Name.', policyId: 'p3', policyName: 'x', external: [] },
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The SARIF 2.1.0 schema's requirements for the objects this writer emits. */
function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, what: string) => cond || problems.push(what);
  need(isObj(log), 'log is an object');
  const l = log as Obj;
  need(l.version === '2.1.0', 'version is "2.1.0"');
  need(typeof l.$schema === 'string' && /^https:\/\//.test(l.$schema), '$schema is a URI');
  need(Array.isArray(l.runs), 'runs is an array');
  for (const run of (l.runs as Obj[]) ?? []) {
    const driver = (run.tool as Obj | undefined)?.driver as Obj | undefined;
    need(isObj(driver) && typeof driver.name === 'string', 'run.tool.driver.name');
    const rules = (driver?.rules as Obj[]) ?? [];
    for (const r of rules) {
      need(typeof r.id === 'string', 'rule.id');
      need(isObj(r.shortDescription) && typeof r.shortDescription.text === 'string', 'rule.shortDescription.text');
      need(['none', 'note', 'warning', 'error'].includes(String((r.defaultConfiguration as Obj).level)), 'rule level');
    }
    for (const res of (run.results as Obj[]) ?? []) {
      need(isObj(res.message) && typeof res.message.text === 'string', 'result.message.text');
      need(['none', 'note', 'warning', 'error'].includes(String(res.level)), 'result.level');
      if (res.ruleIndex !== undefined)
        need(Number.isInteger(res.ruleIndex) && rules[res.ruleIndex as number]?.id === res.ruleId, 'ruleIndex points at its rule');
      for (const loc of (res.locations as Obj[]) ?? []) {
        const physical = loc.physicalLocation as Obj | undefined;
        if (physical) need(typeof (physical.artifactLocation as Obj).uri === 'string', 'artifactLocation.uri');
        const region = physical?.region as Obj | undefined;
        if (region) need(Number.isInteger(region.startLine) && (region.startLine as number) >= 1, 'region.startLine >= 1');
        for (const logical of (loc.logicalLocations as Obj[]) ?? []) need(typeof logical.name === 'string', 'logicalLocation.name');
      }
      for (const s of (res.suppressions as Obj[]) ?? []) {
        need(['inSource', 'external'].includes(String(s.kind)), 'suppression.kind');
        need(['accepted', 'underReview', 'rejected'].includes(String(s.status)), 'suppression.status');
      }
      const fp = res.partialFingerprints as Obj;
      need(isObj(fp) && Object.values(fp).every((v) => typeof v === 'string'), 'partialFingerprints are strings');
      need(res.properties === undefined || isObj(res.properties), 'properties is a property bag');
    }
  }
  return problems;
}

describe('SARIF', () => {
  it('has what the SARIF 2.1.0 schema requires, with each result pointing at its rule', () => {
    const sarif = toSarif(findings, {
      toolVersion: '0.1.0',
      locate: (f) => (f.policyId === 'p2' ? { uri: 'policies/CA002.json', startLine: 12, startColumn: 3 } : undefined),
    });
    expect(sarifProblems(sarif)).toEqual([]);
    const run = (sarif.runs as Obj[])[0]!;
    expect(((run.tool as Obj).driver as Obj).rules).toHaveLength(lintRules.length);
    const results = run.results as Obj[];
    expect(results.map((r) => r.level)).toEqual(['warning', 'error', 'warning', 'note']);
    expect(results[1]!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'policies/CA002.json' }, region: { startLine: 12, startColumn: 3 } },
        logicalLocations: [{ name: 'CA002', fullyQualifiedName: 'policies/p2', kind: 'object' }],
      },
    ]);
    expect(results[2]!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Kiosks sign in with it until March' },
    ]);
    expect((results[0]!.properties as Obj).external).toEqual(['maester:MT.1066']);
  });

  it('places a finding without a file of its own on the file linted, keeping its logical location', () => {
    const sarif = toSarif(findings, {
      artifact: 'ca/manifest.json',
      locate: (f) => (f.policyId === 'p2' ? { uri: 'ca/policies/CA002.json', startLine: 12 } : undefined),
    });
    const results = (sarif.runs as Obj[])[0]!.results as Obj[];
    const locations = results.map((r) => (r.locations as Obj[])[0]!);
    // GitHub code scanning refuses a result without an artifact location.
    expect(locations.map((l) => ((l.physicalLocation as Obj).artifactLocation as Obj).uri)).toEqual([
      'ca/manifest.json',
      'ca/policies/CA002.json',
      'ca/manifest.json',
      'ca/manifest.json',
    ]);
    expect(locations.every((l) => (l.logicalLocations as Obj[]).length === 1)).toBe(true);
    expect(sarifProblems(sarif)).toEqual([]);
  });

  it('places a finding on the lines of its policy file', () => {
    const text = JSON.stringify({ displayName: 'CA002', grantControls: { operator: 'OR', authenticationStrength: { id: 'x' } } }, null, 2);
    expect(sarifLocationIn('policies/CA002.json', text, ['grantControls', 'authenticationStrength'])).toEqual({
      uri: 'policies/CA002.json',
      startLine: 5,
      startColumn: 5,
      endLine: 7,
      endColumn: 6,
    });
    // A path the file no longer has points at its closest parent rather than nowhere.
    expect(sarifLocationIn('p.json', text, ['grantControls', 'termsOfUse'])).toMatchObject({ startLine: 3, startColumn: 3 });
  });

  it('finds a malformed log malformed (the check can fail)', () => {
    expect(sarifProblems({ version: '2.0.0', runs: [{ tool: {}, results: [{ level: 'fatal', message: {} }] }] })).toEqual(
      expect.arrayContaining(['version is "2.1.0"', 'run.tool.driver.name', 'result.message.text', 'result.level']),
    );
  });
});

describe('JUnit', () => {
  const xml = toJUnit(findings);

  it('fails warnings and errors, skips the suppressed, passes info and the rules that found nothing', () => {
    const total = lintRules.length - new Set(findings.map((f) => f.ruleId)).size + findings.length;
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\n<testsuites name="Gatehouse lint" tests="${total}" failures="2" skipped="1" errors="0">`,
      ),
    );
    expect(xml).toContain('<skipped message="Suppressed: Kiosks sign in with it until March (Ada, 2026-11-30T12:00:00.000Z)"/>');
    expect(xml).toContain('<system-out>info: Name.</system-out>');
    expect(toJUnit(findings, { failOn: 'error' })).toMatch(/failures="1" skipped="1"/);
  });

  it('escapes every name and drops characters XML cannot hold', () => {
    expect(xml).toContain(
      'name="directory-object-gone: CA999: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &apos;too&apos; | pipe *star* [link](x)"',
    );
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u0001');
  });
});

describe('Markdown', () => {
  const md = toMarkdown(findings, { subtitle: 'Contoso, read 30 November 2026' });

  it('counts the open findings and lists each category with the external ids beside ours', () => {
    expect(md).toContain('| 1 | 1 | 1 | 1 |');
    expect(md).toContain('### References');
    expect(md).toContain('directory-object-gone<br>MT.1066');
    expect(md).toContain('~~Warning~~ suppressed');
    expect(md).toContain('*Suppressed by Ada: Kiosks sign in with it until March*');
    expect(md).toContain('Quick fix: Remove the id.');
  });

  it('shows a hostile name as written: no HTML, no broken table', () => {
    expect(md).not.toContain('<img');
    expect(md).toContain('CA999: &lt;img src=x onerror=alert(1)&gt; &amp; "quotes" \'too\' \\| pipe \\*star\\* \\[link\\](x) |');
    expect(md).not.toContain('\u0001');
    for (const row of md.split('\n').filter((l) => l.startsWith('| Warning') || l.startsWith('| Error')))
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });
});
