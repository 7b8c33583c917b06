// The real exports of ../shared/corpus (nobody here wrote them) and Microsoft's templates meet no
// "unknown property" finding: every property Graph returned in them is known to the schema, the
// documented ones and the preview or undocumented ones alike (src/domain/policy-schema-docs.test.ts
// holds the documented list). The corpus part skips when the corpus is absent.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../domain/policy-checks';
import { parsePolicyFile } from '../../domain/policy-file';
import { testEmulator } from '../../emulator/harness/test-emulator';
import { corpusDir, corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

const unknownIn = (policy: unknown) =>
  checkPolicy(policy)
    .filter((f) => f.message.includes("not in this console's schema"))
    .map((f) => f.path.join('.'));

describe('Microsoft’s templates, as Graph (the emulator) serves them', () => {
  it('meet no "unknown property" finding, so a policy made from one shows no false warning', async () => {
    const { call } = testEmulator();
    const templates = (
      (await (await call('GET', '/beta/identity/conditionalAccess/templates')).json()) as {
        value: { name: string; details: Record<string, unknown> }[];
      }
    ).value;
    expect(templates.length).toBeGreaterThan(5);
    const unknown = templates.flatMap((t) =>
      unknownIn({ displayName: t.name, state: 'enabledForReportingButNotEnforced', ...t.details }).map((path) => `${t.name}: ${path}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe.skipIf(!corpusPresent)('the real exports of ../shared/corpus', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('meet no "unknown property" finding: what Graph returns, the schema knows', () => {
    const unknown: string[] = [];
    let policies = 0;
    for (const file of corpusFiles().filter((f) => !isNotPolicyFile(f))) {
      for (const policy of parsePolicyFile(readFileSync(file), file)) {
        policies++;
        unknown.push(...unknownIn(policy.body).map((path) => `${relative(corpusDir, file)}: ${path}`));
      }
    }
    expect(policies).toBeGreaterThan(40);
    expect(unknown).toEqual([]);
  });
});
