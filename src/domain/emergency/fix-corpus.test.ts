// The bulk fix on real policies (../shared/corpus, nobody here wrote them): on every one, every
// exclusion it had stays, in its place; afterwards the emergency accounts are excluded from it; and
// the revert gives back the policy exactly. Skips when the corpus is absent.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImport } from '../import/read-import';
import { isJsonObject, stringsIn, type JsonObject } from '../json';
import { analyzeEmergencyAccess } from './exclusion-analysis';
import { emergencyFix, emergencyRevert } from './fix';

const corpus = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));
const present = existsSync(corpus);
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

const emergency = {
  users: [{ id: 'e0000000-0000-4000-8000-000000000001', name: 'Break Glass 01' }],
  groups: [{ id: 'e0000000-0000-4000-8000-0000000000aa', name: 'Emergency access' }],
};
const usersOf = (policy: JsonObject | undefined) =>
  isJsonObject(policy?.conditions) && isJsonObject(policy.conditions.users) ? policy.conditions.users : {};

describe.skipIf(!present)('the emergency-access fix on ../shared/corpus', () => {
  if (!present) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('keeps every exclusion of every policy, excludes the emergency accounts, and reverts exactly', async () => {
    const files = walk(corpus)
      .filter((path) => path.endsWith('.json'))
      .map((path) => ({ path: relative(corpus, path), bytes: new Uint8Array(readFileSync(path)) }));
    // Ids the fix can recognise: policies without one are given one, as the planner would match them by name.
    const policies = (await readImport(files)).sections.policies.map((p, i): JsonObject => ({
      ...p,
      id: typeof p.id === 'string' ? p.id : `p${i}`,
    }));
    expect(policies.length).toBeGreaterThan(40);

    const { source, fixed } = emergencyFix('t', policies, emergency);
    const lost: string[] = [];
    for (const copy of source.sections.policies) {
      const original = policies.find((p) => p.id === copy.id)!;
      for (const key of ['excludeUsers', 'excludeGroups', 'excludeRoles', 'includeUsers', 'includeGroups', 'includeRoles']) {
        const before = stringsIn(usersOf(original)[key]);
        const after = stringsIn(usersOf(copy)[key]);
        if (JSON.stringify(after.slice(0, before.length)) !== JSON.stringify(before)) lost.push(`${String(original.displayName)}: ${key}`);
      }
    }
    expect(lost).toEqual([]);

    const after = analyzeEmergencyAccess(source.sections.policies, emergency);
    const reached = after.policies.filter((p) => Object.values(p.coverage).some((c) => c.kind !== 'excluded')).map((p) => p.name);
    expect(reached).toEqual([]);

    const revert = emergencyRevert('t', source.sections.policies, { tenantId: 't', at: '', policies: fixed });
    expect(revert.sections.policies).toHaveLength(fixed.length);
    for (const back of revert.sections.policies) {
      const original = policies.find((p) => p.id === back.id)!;
      // A list the policy did not have comes back empty: what Graph itself answers for it.
      const users = usersOf(original);
      const expected = { ...users, excludeUsers: stringsIn(users.excludeUsers), excludeGroups: stringsIn(users.excludeGroups) };
      expect(usersOf(back), String(original.displayName)).toEqual(expected);
      expect({ ...back, conditions: null }).toEqual({ ...original, conditions: null });
    }
  });
});
