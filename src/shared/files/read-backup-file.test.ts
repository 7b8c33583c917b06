import { describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../../domain/bundle/bundle';
import { bundleFiles } from '../../domain/bundle/folder';
import { writeZip } from '../zip';
import { readBackupFile } from './read-backup-file';

const bytes = (text: string) => new TextEncoder().encode(text);
const bundle = () =>
  createBundle(
    {
      policies: [{ id: 'p-1', displayName: 'CA001: Require MFA', state: 'enabled', conditions: {} }],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
  );

describe('reading a backup file', () => {
  it('reads the one-file form and a zip of the folder form (under a top folder, as the Backup page saves it)', async () => {
    const b = await bundle();
    const one = await readBackupFile('contoso.json', bytes(bundleText(b)));
    expect(one.bundle.policies.map((p) => p.displayName)).toEqual(['CA001: Require MFA']);
    const zip = writeZip(bundleFiles(b).map((f) => ({ path: `gatehouse-backup-contoso/${f.path}`, bytes: bytes(f.text) })));
    const folder = await readBackupFile('contoso.zip', zip);
    expect(folder.bundle.manifest.tenant.name).toBe('Contoso');
    expect(folder.problems).toEqual([]);
  });

  it('names the file, and the place inside it, when it is not a backup', async () => {
    await expect(readBackupFile('notes.json', bytes('{"a": 1,}'))).rejects.toThrow(
      '“notes.json” is not valid JSON: a property name in double quotes expected at line 1, column 9.',
    );
    // UTF-16, as PowerShell writes it: read, then named for what it holds.
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('{"displayName": "CA001", "conditions": {}}', 'utf16le'))]);
    await expect(readBackupFile('CA001.json', utf16)).rejects.toThrow('“CA001.json”: it holds policies, not a Gatehouse backup.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(readBackupFile('picture.json', png)).rejects.toThrow('“picture.json” looks like an image (PNG), not a JSON export.');
    await expect(readBackupFile('cut.json', bytes('{"manifest": {"format": '))).rejects.toThrow(
      /^“cut\.json” ends before its JSON does \(cut short\?\)/,
    );
    await expect(readBackupFile('empty.json', new Uint8Array())).rejects.toThrow('“empty.json” is empty.');
    await expect(readBackupFile('policy.json', bytes('{"displayName": "CA001", "conditions": {}}'))).rejects.toThrow(
      '“policy.json”: it holds policies, not a Gatehouse backup.',
    );
    await expect(readBackupFile('other.json', bytes('{"hello": "world"}'))).rejects.toThrow('“other.json”: it is not a Gatehouse backup');
    await expect(readBackupFile('broken.zip', bytes('PK not really'))).rejects.toThrow(/^“broken\.zip”: This is not a zip file/);
    const noManifest = writeZip([{ path: 'policies/a.json', bytes: bytes('{}') }]);
    await expect(readBackupFile('folder.zip', noManifest)).rejects.toThrow('“folder.zip”: This folder has no manifest.json');
    const badPolicy = writeZip([
      { path: 'b/manifest.json', bytes: bytes(JSON.stringify({ format: 'gatehouse.backup', version: 1 })) },
      { path: 'b/policies/x.json', bytes: bytes('{oops') },
    ]);
    await expect(readBackupFile('bad.zip', badPolicy)).rejects.toThrow(
      '“bad.zip”: policies/x.json ends before its JSON does (cut short?): it stops at line 1, column 6, an object still open.',
    );
  });
});
