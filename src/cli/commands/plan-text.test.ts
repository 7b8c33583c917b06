// The plan in words: one count per outcome, updates said in diff's words, confirm keys quoted for the
// shell, and what stops the plan headed by what lifts it (a --confirm, a mapping, a corrected backup).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../domain/json';
import type { MappingRow, Plan, PlanProblem, PlanRow } from '../../domain/plan/types';
import { blockedLines, planLines, planMarkdown, planReport, POLICY_FILES_WORDS, shellQuote, sourceWordsOf } from './plan-text';

const policy = (name: string, state: string): JsonObject => ({
  displayName: name,
  state,
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

function row(partial: Partial<PlanRow> & Pick<PlanRow, 'key' | 'kind' | 'displayName' | 'action'>): PlanRow {
  return {
    options: [partial.action],
    why: '',
    sourceId: null,
    targetId: null,
    body: null,
    intended: null,
    before: null,
    problems: [],
    ...partial,
  };
}

const location = (name: string, cidr: string): JsonObject => ({
  '@odata.type': '#microsoft.graph.ipNamedLocation',
  displayName: name,
  isTrusted: false,
  ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: cidr }],
});

function plan(rows: PlanRow[], mapping: MappingRow[] = []): Plan {
  const counts = { create: 0, update: 0, restore: 0, reuse: 0, skip: 0 };
  for (const r of rows) counts[r.action]++;
  const blocking = (p: PlanProblem) => p.severity === 'blocker' && !p.confirmed;
  const blockers = [
    ...mapping.flatMap((m) => m.problems.filter(blocking)),
    ...rows.flatMap((r) => r.problems.filter(blocking).map((p) => ({ ...p, text: `${r.displayName}: ${p.text}` }))),
  ];
  return { sameTenant: true, rows, mapping, blockers, counts };
}

const same = row({
  key: 'policy:a',
  kind: 'policy',
  displayName: 'CA002',
  action: 'skip',
  why: 'Already in the tenant as planned (found by id).',
});
const sameLocation = row({
  key: 'namedLocation:l1',
  kind: 'namedLocation',
  displayName: 'Office',
  action: 'reuse',
  options: ['reuse'],
  intended: location('Office', '10.0.0.0/8'),
  before: location('Office', '10.0.0.0/8'),
});
const keptLocation = row({
  key: 'namedLocation:l2',
  kind: 'namedLocation',
  displayName: 'Branch',
  action: 'reuse',
  options: ['reuse', 'update'],
  why: 'The tenant has one of the same name but other content: the tenant’s is used, not overwritten.',
  intended: location('Branch', '10.1.0.0/16'),
  before: location('Branch', '10.2.0.0/16'),
});
const update = row({
  key: 'policy:ca001',
  kind: 'policy',
  displayName: 'CA001',
  action: 'update',
  options: ['update', 'skip'],
  why: 'Found by id; it differs.',
  before: policy('CA001', 'disabled'),
  intended: policy('CA001', 'enabled'),
});

describe('planReport', () => {
  it('counts each row once and says what an update changes', () => {
    const report = planReport(plan([same, sameLocation, keptLocation, update]));
    expect(report.counts).toBe(
      '0 to create, 1 to update; 2 already as the backup has them; 1 kept as the tenant has it, though it differs from the backup.',
    );
    expect(planLines(report)).toEqual([
      report.counts,
      "- keep named location 'Branch' as the tenant has it: The tenant has one of the same name but other content: the tenant’s is used, not overwritten.",
      '    IP ranges: the backup has 10.1.0.0/16, the tenant has 10.2.0.0/16',
      "- update policy 'CA001': Found by id; it differs.",
      '    State: Off → On',
    ]);
  });

  it('names policy files (an export, a template) as such, not as a backup', () => {
    const report = planReport(plan([same, sameLocation, keptLocation, update]), undefined, [], POLICY_FILES_WORDS);
    expect(report.counts).toBe(
      '0 to create, 1 to update; 2 already as the policy files have them; 1 kept as the tenant has it, though it differs from the policy files.',
    );
    expect(planLines(report)).toContain('    IP ranges: the policy files have 10.1.0.0/16, the tenant has 10.2.0.0/16');
    expect(planLines(report).join('\n')).not.toContain('backup');
  });

  it('heads what stops the plan by what lifts it, with each key quoted for the shell', () => {
    const key = "lockout:policy:ca001:Break Glass 01 (O'Brien's account)";
    const blocked = {
      ...update,
      problems: [
        { severity: 'blocker' as const, text: 'Could lock out Break Glass 01.', confirmKey: key, confirmed: false },
        { severity: 'blocker' as const, text: 'Graph would refuse it: Include users.' },
      ],
    };
    const unmapped: MappingRow = {
      key: 'user:u1',
      kind: 'user',
      sourceValue: 'u1',
      sourceName: 'Break Glass 01',
      sourceDetail: null,
      status: 'none',
      why: 'No user of that name.',
      candidates: [],
      choice: null,
      chosen: false,
      uses: [{ rowKey: 'policy:ca001', policyName: 'CA001', place: 'excluded users', exclusion: true }],
      canCreate: false,
      problems: [{ severity: 'blocker', text: "Choose what the user 'Break Glass 01' becomes in this tenant." }],
    };
    const report = planReport(plan([blocked], [unmapped]));
    const lines = planLines(report);
    expect(lines).toContain(`- CA001: Could lock out Break Glass 01. [--confirm ${shellQuote(key)}]`);
    expect(execFileSync('bash', ['-c', `printf %s ${shellQuote(key)}`], { encoding: 'utf8' })).toBe(key);
    expect(lines).toContain("- Choose what the user 'Break Glass 01' becomes in this tenant (used by 'CA001').");
    expect(lines.find((l) => l.startsWith('1 reference'))).toMatch(/no --confirm lifts it: plan again with --mapping <file>/);
    expect(lines).toContain('- CA001: Graph would refuse it: Include users.');
    expect(lines.find((l) => l.startsWith('1 problem stops this plan that'))).toMatch(/no --confirm lifts: correct the backup's policy/);

    const markdown = planMarkdown(report, 'Plan for t.', { out: 'plans/plan_a.json', hash: 'abc' });
    expect(markdown).not.toContain('gatehouse apply --plan');
    expect(markdown).toContain(`\`\`\`\n--confirm ${shellQuote(key)}\n\`\`\``);
  });

  it('names the source of a plan file that does not say what it was made from neutrally, in what stops it', () => {
    const blocked = { ...update, problems: [{ severity: 'blocker' as const, text: 'Graph would refuse it: Include users.' }] };
    const steps = (kind: unknown) =>
      blockedLines(planReport(plan([blocked]), undefined, [], sourceWordsOf(kind))).find((l) => l.startsWith('1 problem stops'));
    expect(steps('backup')).toMatch(/correct the backup's policy \(or remove it from the backup/);
    expect(steps('policyFiles')).toMatch(/correct the policy files' policy \(or remove it from the policy files/);
    // Written before the kind was recorded, or a kind this version does not know: neither "the backup" nor "the policy files".
    for (const kind of [undefined, 'somethingNew']) {
      expect(steps(kind)).toMatch(/correct the plan's source's policy \(or remove it from the plan's source/);
      expect(steps(kind)).not.toMatch(/backup|policy files/);
    }
  });

  it('offers the apply command of a plan nothing stops, unescaped in its code span', () => {
    const markdown = planMarkdown(planReport(plan([update])), 'Plan for t.', { out: 'plans/plan_a.json', hash: 'abc' });
    expect(markdown).toContain('Apply exactly this plan: `gatehouse apply --plan plans/plan_a.json --sha256 abc`');
    expect(markdown).toContain('  - State: Off → On');
  });
});

describe('shellQuote', () => {
  it('leaves a plain word alone and quotes anything else', () => {
    expect(shellQuote('drop:group:abc-123')).toBe('drop:group:abc-123');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("O'Brien")).toBe("'O'\\''Brien'");
  });
});
