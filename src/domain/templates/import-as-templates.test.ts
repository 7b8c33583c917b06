import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyImportSet } from '../import/import-set';
import { readImport } from '../import/read-import';
import type { JsonObject } from '../json';
import { findBlanks } from './blanks';
import { importAsTemplates } from './import-as-templates';

const corpusDir = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));
const corpusPresent = existsSync(corpusDir);
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
let n = 0;
const newId = () => `t${++n}`;

describe('a baseline the admin brings becomes templates', () => {
  it('names its blanks from what the files say, ids and names written in id places alike', () => {
    const set = emptyImportSet();
    set.sections.policies = [
      {
        displayName: 'BASE-001 MFA',
        state: 'enabled',
        conditions: {
          applications: { includeApplications: ['All'] },
          users: { includeUsers: ['All'], excludeGroups: ['9a000000-0000-4000-8000-000000000001', 'Break glass (CIPP name)'] },
        },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      },
    ];
    set.references = [
      { kind: 'group', id: '9a000000-0000-4000-8000-000000000001', displayName: 'SG-CA-Exclude', exists: true },
      { kind: 'group', id: 'Break glass (CIPP name)', displayName: 'Break glass (CIPP name)', exists: true },
    ];
    const [template] = importAsTemplates(set, 'From baseline.zip', '2026-11-30T21:00:00Z', newId);
    expect(((template!.policy.conditions as JsonObject).users as JsonObject).excludeGroups).toEqual([
      '<GROUP: SG-CA-Exclude>',
      '<GROUP: Break glass (CIPP name)>',
    ]);
    expect(template!.description).toBe('From baseline.zip, saved on 2026-11-30.');
    expect(template!.policy.state).toBe('enabledForReportingButNotEnforced');
  });
});

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

describe.skipIf(!corpusPresent)('the j0eyv baseline of ../shared/corpus, imported', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('becomes 36 templates that name no object of the tenant it came from, only blanks', async () => {
    const folder = join(corpusDir, 'j0eyv-baseline');
    const files = walk(folder).map((path) => ({ path: relative(corpusDir, path), bytes: new Uint8Array(readFileSync(path)) }));
    const set = await readImport(files);
    const templates = importAsTemplates(set, 'j0eyv baseline', '2026-11-30T21:00:00Z', newId);
    expect(templates).toHaveLength(36);
    // Users, groups, workload identities and named locations are the source tenant's own: none is left.
    const own = new Set([
      ...set.references.filter((r) => ['user', 'group', 'servicePrincipal'].includes(r.kind)).map((r) => r.id.toLowerCase()),
      ...set.sections.namedLocations.map((l) => String(l.id).toLowerCase()),
    ]);
    expect(own.size).toBeGreaterThan(3);
    const left =
      JSON.stringify(templates.map((t) => t.policy))
        .toLowerCase()
        .match(GUID) ?? [];
    expect(left.filter((id) => own.has(id))).toEqual([]);
    expect(findBlanks(templates.map((t) => t.policy)).length).toBeGreaterThan(5);
  });
});
