// The registry is complete and every rule is described: a rule file left out of index.ts, an id
// that is not its file's name, or a rule without words fails here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyRules, runRules, type Rule } from './index';

/** The files of this folder that hold no rule. */
const SUPPORT = ['index.ts', 'rule.ts', 'loose-json.ts'];
const ruleFiles = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !SUPPORT.includes(name));
const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && typeof (value as Rule).check === 'function';

describe('the rule registry', () => {
  it('registers the one rule of every rule file, under the file’s name', async () => {
    for (const file of ruleFiles) {
      const rules = Object.values((await import(join(__dirname, file))) as Record<string, unknown>).filter(isRule);
      expect(
        rules.map((r) => r.id),
        file,
      ).toEqual([file.replace(/\.ts$/, '')]);
      expect(policyRules, `${file} is not registered in index.ts`).toContain(rules[0]);
    }
    expect(policyRules).toHaveLength(ruleFiles.length);
  });

  it('gives every rule a unique kebab-case id', () => {
    const ids = policyRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(policyRules.map((rule) => [rule.id, rule] as const))(
    'describes %s: a sentence, a severity, a source, what it reads',
    (_, rule) => {
      expect(rule.description).toMatch(/^[A-Z].{20,}\.$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(['service', 'console']).toContain(rule.source);
      if (rule.code !== undefined) expect(rule.code).toMatch(/^\d{4}$/);
      expect(rule.looksAt.length).toBeGreaterThan(0);
    },
  );

  it('blocks a save only for the service’s rules: the console’s own advice is never an error', () => {
    expect(policyRules.filter((r) => r.source === 'service' && r.severity !== 'error').map((r) => r.id)).toEqual([]);
    expect(policyRules.filter((r) => r.source === 'console' && r.severity === 'error').map((r) => r.id)).toEqual([]);
  });

  it('says once, as the schema’s finding, that what is not a JSON object is no policy', () => {
    for (const value of [null, [], 'policy', 3]) {
      expect(runRules(value)).toEqual([
        { rule: 'schema', path: [], severity: 'error', code: '1007', message: 'A policy is a JSON object.' },
      ]);
    }
  });

  it('runs only the rules it is given, and gives findings the rule’s id, severity and code', () => {
    const [passwordChange] = policyRules.filter((r) => r.id === 'password-change-needs-mfa');
    const policy = { displayName: '  ', grantControls: { operator: 'OR', builtInControls: ['passwordChange'] } };
    expect(runRules(policy, [passwordChange!])).toEqual([
      {
        rule: 'password-change-needs-mfa',
        path: ['grantControls', 'builtInControls'],
        severity: 'error',
        code: '1032',
        message: "'passwordChange' must be combined with 'mfa' under the operator AND.",
      },
    ]);
  });
});
