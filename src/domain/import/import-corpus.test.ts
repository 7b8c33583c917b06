// Every real-world export of ../shared/corpus (nobody here wrote them) read as an admin would drop
// it: each folder whole, every file with a result and none in error, and what they hold intact.
// Skips when the corpus is absent (a fresh clone); CI has it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../json';
import type { ImportFile, ImportSet } from './import-set';
import { readImport } from './read-import';

const corpus = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));
const present = existsSync(corpus);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
/** A folder of the corpus as a folder drop: paths relative to the corpus, so they start with the folder's name. */
const drop = (folder: string): ImportFile[] =>
  walk(join(corpus, folder)).map((path) => ({ path: relative(corpus, path), bytes: new Uint8Array(readFileSync(path)) }));

const policyNamed = (set: ImportSet, name: string): JsonObject => {
  const found = set.sections.policies.find((p) => p.displayName === name);
  if (!found) throw new Error(`no policy named ${name}`);
  return found;
};
const at = (value: unknown, ...path: string[]): unknown => path.reduce((node, key) => (isJsonObject(node) ? node[key] : undefined), value);
const resultOf = (set: ImportSet, suffix: string) => set.files.find((f) => f.path.endsWith(suffix))!;

describe.skipIf(!present)('importing ../shared/corpus', () => {
  if (!present) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('reads caoptics: list-shaped files, the same policy in two files kept once, two versions of one said to differ', async () => {
    const files = drop('caoptics');
    const set = await readImport(files);
    expect(set.files).toHaveLength(files.length);
    expect(set.files.filter((f) => f.status === 'error')).toEqual([]);
    const json = set.files.filter((f) => f.path.endsWith('.json'));
    expect(json.every((f) => f.status === 'read')).toBe(true);
    // 57 policies in 13 files, 12 of them repeated by id in a second file.
    expect(set.sections.policies).toHaveLength(45);
    expect(set.sections.namedLocations).toHaveLength(3);
    // Three are the same in both; three have other conditions there, each changed after the first file's copy
    // (two of those were never changed there: modifiedDateTime null, so as old as their creation): the newer kept.
    const narrow = resultOf(set, 'extremelyNarrow2.json').message;
    expect(narrow).toMatch(/^6 policies\. 3 policies already read from caoptics\/demodata\/extremelyNarrow\.json: kept once\. /);
    expect(narrow).toContain(
      'The policy “CA005: Require multifactor authentication for guest access” is in caoptics/demodata/extremelyNarrow.json and in caoptics/demodata/extremelyNarrow2.json with the same id but different content: the version in caoptics/demodata/extremelyNarrow2.json is kept (changed later)',
    );
    expect(narrow).toContain(
      'The policy “Handle Office 365” is in caoptics/demodata/extremelyNarrow.json and in caoptics/demodata/extremelyNarrow2.json with the same id but different content: the version in caoptics/demodata/extremelyNarrow2.json is kept (changed later)',
    );
    expect(narrow).not.toContain('(read first)');
    expect(resultOf(set, 'SOURCE.md')).toMatchObject({ status: 'ignored', message: 'Not a policy file (a .md file).' });
    // A policy keeps its id, its exclusions and its read-only fields (the planner strips those).
    const blockAll = set.sections.policies.find((p) => p.id === 'ad21b9f5-1931-4c5b-8918-aa905bd1da7c')!;
    expect(at(blockAll, 'conditions', 'users', 'excludeUsers')).toEqual(['259fcf40-ff7c-4625-9b78-cd11793f161f', 'GuestsOrExternalUsers']);
    expect(blockAll.createdDateTime).toBe('2022-10-13T06:07:41.2871117Z');
  });

  it('reads the j0eyv baseline as one folder drop: IntuneManagement files, UTF-16, the migration table and the groups', async () => {
    const files = drop('j0eyv-baseline');
    const set = await readImport(files);
    expect(set.files.filter((f) => f.status === 'error')).toEqual([]);
    expect(set.sections.policies).toHaveLength(36);
    expect(set.sections.namedLocations.map((l) => l.displayName).sort()).toEqual([
      'ALLOWED COUNTRIES',
      'ALLOWED COUNTRIES - SERVICE ACCOUNTS',
      'All Compliant Network locations',
    ]);
    expect(set.origin).toMatchObject({ tenantId: '42ba3ed1-ae78-4fd0-8080-5f8bfcc27b29', tenantName: 'M365 JVLDN' });
    expect(resultOf(set, 'MigrationTable.json')).toMatchObject({ status: 'read', format: 'intune-migration-table' });
    expect(resultOf(set, 'MigrationTable.json').message).toMatch(/^A migration table of 34 directory objects \(names and ids\)\./);
    const policyFiles = set.files.filter((f) => f.path.includes('/ConditionalAccess/'));
    expect(policyFiles.every((f) => f.status === 'read' && f.format === 'intune-management' && f.message === '1 policy.')).toBe(true);

    const mfa = policyNamed(set, 'CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA');
    expect(mfa.id).toBe('809741fe-fb1b-4746-9ff0-83a978a4c891');
    expect(at(mfa, 'conditions', 'users', 'excludeGroups')).toEqual([
      '8e75af29-5176-4372-a718-724b8a4620dc',
      'cfa1f128-ec48-4ee1-9ea9-1c28fdb57722',
      '2eee133e-3427-4860-81b9-057d5b28b022',
      '349156c1-2fb1-4ffa-9cd3-5c4418e24e4c',
      '7452a2db-063a-4048-84b0-ff691fa2900e',
      '2802b872-ccfb-4b29-a9a9-459808dfb11b',
      '68ce874b-21a9-4ca9-b447-f09a037be53a',
    ]);
    expect(at(mfa, 'conditions', 'users', 'excludeRoles')).toEqual(['d29b2b05-8046-44ba-8758-1e26182fcf32']);
    // Every group a policy excludes is known by name, from the table or the group files.
    const groups = new Map(set.references.filter((r) => r.kind === 'group').map((r) => [r.id, r]));
    for (const id of at(mfa, 'conditions', 'users', 'excludeGroups') as string[]) expect(groups.get(id)?.displayName).toBeTruthy();
    expect(groups.get('7452a2db-063a-4048-84b0-ff691fa2900e')?.displayName).toBe(
      'CA000-Global-IdentityProtection-AnyApp-AnyPlatform-MFA - Exclude',
    );
    // Each group file is read as a reference, and a group the table lacks is known too.
    const groupFiles = set.files.filter((f) => f.path.includes('/Groups/'));
    expect(groupFiles).toHaveLength(36);
    expect(groupFiles.every((f) => f.status === 'read' && f.message.startsWith('The group “'))).toBe(true);
    expect(groups.get('ceeac9b8-ddf5-48cb-afcb-e2ab8bfd1a57')?.displayName).toBe('APP_Microsoft365_E5');
  });

  it('reads Microsoft365DSC configurations: role names as template ids, $Domain kept, a removal set aside', async () => {
    const set = await readImport(drop('m365dsc-examples'));
    expect(set.files.filter((f) => f.status === 'error')).toEqual([]);
    expect(resultOf(set, '3-Remove.ps1')).toMatchObject({
      status: 'ignored',
      format: 'm365dsc',
      message: "“Example CAP” is to be removed (Ensure = 'Absent'): not imported.",
    });
    expect(resultOf(set, '1-Create.ps1')).toMatchObject({ status: 'read', format: 'm365dsc' });
    expect(resultOf(set, '1-Create.ps1').message).toContain('taken by id: “Attack Payload Author”');
    expect(resultOf(set, '2-Update.ps1').message).toContain(
      '“Example CAP” is also in m365dsc-examples/1-Create.ps1 with other content: both kept.',
    );
    expect(set.sections.policies).toHaveLength(2);
    const [created, updated] = set.sections.policies;
    expect(created).toEqual({
      displayName: 'Example CAP',
      state: 'disabled',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includeApplications: ['All'] },
        users: { excludeUsers: ['admin@$Domain'], includeRoles: ['9c6df0f2-1e7c-4dc3-b195-66dfbd24aa8f'] },
        devices: {
          deviceFilter: {
            mode: 'exclude',
            rule: 'device.trustType -eq "AzureAD" -or device.trustType -eq "ServerAD" -or device.trustType -eq "Workplace"',
          },
        },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      sessionControls: { signInFrequency: { isEnabled: true, type: 'hours', value: 1, frequencyInterval: 'timeBased' } },
    });
    expect(at(updated, 'sessionControls', 'signInFrequency', 'value')).toBe(2);
    expect(set.references).toContainEqual({
      kind: 'role',
      id: '9c6df0f2-1e7c-4dc3-b195-66dfbd24aa8f',
      displayName: 'Attack Payload Author',
      roleTemplateId: '9c6df0f2-1e7c-4dc3-b195-66dfbd24aa8f',
      exists: true,
    });
    expect(set.references).toContainEqual({
      kind: 'user',
      id: 'admin@$Domain',
      displayName: 'admin@$Domain',
      userPrincipalName: 'admin@$Domain',
      exists: true,
    });
    expect(set.origin.domain).toBe('$Domain');
  });

  it("reads the seed templates: Microsoft's create bodies, 47 roles in one", async () => {
    const set = await readImport(drop('seed-templates'));
    expect(set.files.filter((f) => f.status === 'error')).toEqual([]);
    expect(set.files.filter((f) => f.path.endsWith('.json')).every((f) => f.status === 'read' && f.format === 'graph-policy')).toBe(true);
    expect(set.sections.policies).toHaveLength(6);
    const admins = policyNamed(set, 'Template 2 - Require MFA for Privileged Accounts');
    expect(at(admins, 'conditions', 'users', 'includeRoles')).toHaveLength(47);
    expect(at(admins, 'conditions', 'users', 'excludeGroups')).toEqual(['f753047e-de31-4c74-a6fb-c38589047723']);
    // No id in a create body: nothing to match by id, the planner goes by name.
    expect(set.sections.policies.every((p) => !('id' in p))).toBe(true);
  });
});
