import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { createBundle, bundleText, type BundleSections, type ReferenceEntry } from './bundle';
import { bundleFiles, safeFileName } from './folder';
import { BundleError, isBundle, readBundle, readBundleFolder, SeveralBackupsError } from './read-bundle';
import { parsePolicyFile } from '../policy-file';

const policy = (id: string, displayName: string, extra: JsonObject = {}): JsonObject => ({
  id,
  displayName,
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'], excludeGroups: ['g-1'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...extra,
});

const sections = (): BundleSections => ({
  policies: [
    policy('p-1', 'CA001: Require MFA', { futureProperty: { kept: true } }),
    policy('p-2', 'CA001: Require MFA'),
    policy('p-3', 'Blöck / legacy: auth?'),
  ],
  namedLocations: [{ id: 'l-1', displayName: 'Head office', '@odata.type': '#microsoft.graph.ipNamedLocation', ipRanges: [] }],
  authenticationStrengths: [],
  authenticationContexts: [{ id: 'c1', displayName: 'Sensitive' }],
  termsOfUse: [],
});
const references: ReferenceEntry[] = [{ kind: 'group', id: 'g-1', displayName: 'Break glass', mail: null, exists: true }];
const origin = { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') };

describe('backup bundle', () => {
  it('has a manifest: format, tenant, time, counts and a sha256 per item; unknown properties kept', async () => {
    const bundle = await createBundle(sections(), references, origin);
    expect(bundle.manifest).toMatchObject({
      format: 'gatehouse.backup',
      version: 1,
      tenant: { id: 't-1', name: 'Contoso' },
      capturedAt: '2026-11-30T12:00:00.000Z',
      counts: { policies: 3, namedLocations: 1, authenticationContexts: 1, authenticationStrengths: 0, termsOfUse: 0, references: 1 },
    });
    expect(bundle.manifest.items.map((i) => i.section)).toEqual([
      'namedLocations',
      'authenticationContexts',
      'policies',
      'policies',
      'policies',
    ]);
    expect(bundle.manifest.items.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(bundle.policies[0]!.futureProperty).toEqual({ kept: true });
  });

  it('is written the same way twice, whatever the order of keys it was read with', async () => {
    const first = bundleText(await createBundle(sections(), references, origin));
    const reordered = sections();
    reordered.policies = reordered.policies.map((p) => Object.fromEntries(Object.entries(p).reverse()));
    expect(bundleText(await createBundle(reordered, references, origin))).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first).not.toContain('\r');
  });

  it('reads back what it wrote, and names an item edited after the backup', async () => {
    const text = bundleText(await createBundle(sections(), references, origin));
    const parsed = JSON.parse(text) as JsonObject;
    expect(isBundle(parsed)).toBe(true);
    const clean = await readBundle(parsed);
    expect(clean.problems).toEqual([]);
    expect(clean.bundle.policies).toHaveLength(3);
    expect(clean.bundle.references).toEqual([{ ...references[0], userPrincipalName: null, appId: null, roleTemplateId: null }]);

    const edited = JSON.parse(text) as { policies: JsonObject[] };
    edited.policies[2]!.state = 'disabled';
    expect((await readBundle(edited)).problems).toEqual(['“Blöck / legacy: auth?” was changed after the backup was taken.']);
  });

  it('is a policy file too: compare and import read its policies', async () => {
    const text = bundleText(await createBundle(sections(), references, origin));
    const read = parsePolicyFile(new TextEncoder().encode(text), 'backup.json');
    expect(read.map((p) => [p.sourceId, p.displayName])).toEqual([
      ['p-1', 'CA001: Require MFA'],
      ['p-2', 'CA001: Require MFA'],
      ['p-3', 'Blöck / legacy: auth?'],
    ]);
  });

  it('refuses what is not a bundle, and a newer format, in words', async () => {
    await expect(readBundle({ value: [] })).rejects.toThrow(BundleError);
    await expect(readBundle({ manifest: { format: 'gatehouse.backup', version: 2 } })).rejects.toThrow('format version 2');
  });

  it('as a folder: one file per object, safe and unique names, and read back from an unpacked zip', async () => {
    const bundle = await createBundle(sections(), references, origin);
    const files = bundleFiles(bundle);
    expect(files.map((f) => f.path)).toEqual([
      'manifest.json',
      'named-locations/Head-office.json',
      'authentication-contexts/Sensitive.json',
      'policies/CA001-Require-MFA.json',
      'policies/CA001-Require-MFA-2.json',
      'policies/Block-legacy-auth.json',
      'references.json',
    ]);
    const unpacked = files.map((f) => ({ ...f, path: `backup-contoso/${f.path}` }));
    const read = await readBundleFolder(unpacked);
    expect(read.problems).toEqual([]);
    expect(read.bundle.policies.map((p) => p.id).sort()).toEqual(['p-1', 'p-2', 'p-3']);
  });

  it('refuses a folder of several backups (one per tenant) rather than reading the first found', async () => {
    const files = bundleFiles(await createBundle(sections(), references, origin));
    const two = ['tenant-b', 'tenant-a'].flatMap((folder) => files.map((f) => ({ ...f, path: `${folder}/${f.path}` })));
    await expect(readBundleFolder(two)).rejects.toThrow(SeveralBackupsError);
    await expect(readBundleFolder(two)).rejects.toThrow(
      'This folder holds 2 backups, one in each of tenant-a, tenant-b: choose one of them.',
    );
    // One of them, or the folder of one backup under a top folder, is read as before.
    expect((await readBundleFolder(two.filter((f) => f.path.startsWith('tenant-a/')))).problems).toEqual([]);
  });

  it('makes file names safe', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('   ')).toBe('unnamed');
    expect(safeFileName('Zugriff für Gäste')).toBe('Zugriff-fur-Gaste');
  });

  it('keeps the letters and digits of every script in file names, and what file systems refuse out', () => {
    expect(safeFileName('多要素認証を要求')).toBe('多要素認証を要求');
    expect(safeFileName('Контосо: MFA для всех')).toBe('Контосо-MFA-для-всех');
    expect(safeFileName('ゲストのブロック 2')).toBe('ゲストのブロック-2');
    expect(safeFileName('a<b>c:d"e|f?g*h\\i/j\u0001k. ')).toBe('a-b-c-d-e-f-g-h-i-j-k');
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('nul.old')).toBe('nul_.old');
    expect(safeFileName('???', 'policy-id-1')).toBe('policy-id-1');
    // Within the bytes a file system allows a name, with room for what is put around it.
    expect(new TextEncoder().encode(safeFileName('認'.repeat(100))).length).toBeLessThanOrEqual(120);
    // A letter beyond the basic plane takes four bytes: 30 of them fill the 120.
    expect(safeFileName('𠀀'.repeat(40))).toBe('𠀀'.repeat(30));
    expect(safeFileName(`${'é'.repeat(50)}${'ж'.repeat(50)}`)).toBe(`${'e'.repeat(50)}${'ж'.repeat(30)}`);
  });

  it('names each policy of a backup folder after its name in any script, else after its id', async () => {
    const bundle = await createBundle(
      {
        ...sections(),
        policies: [policy('p-1', '多要素認証を要求'), policy('p-2', 'Контосо'), policy('p-3', '***')],
      },
      references,
      origin,
    );
    expect(
      bundleFiles(bundle)
        .filter((f) => f.path.startsWith('policies/'))
        .map((f) => f.path),
    ).toEqual(['policies/多要素認証を要求.json', 'policies/Контосо.json', 'policies/p-3.json']);
  });
});
