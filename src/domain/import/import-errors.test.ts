// What an admin sees for files that cannot be read: the file named and the place (line and column
// for JSON, line for PowerShell); files that are not Conditional Access set aside with why; the
// other files of the drop read all the same.
import { describe, expect, it } from 'vitest';
import type { ImportFile } from './import-set';
import { readImport } from './read-import';

const file = (path: string, text: string): ImportFile => ({ path, bytes: new TextEncoder().encode(text) });
const good = file('good.json', JSON.stringify({ id: 'p1', displayName: 'Good', state: 'enabled', conditions: {}, grantControls: null }));

describe('readImport with files it cannot read', () => {
  it('names the file and the line and column where JSON breaks, and reads the rest of the drop', async () => {
    const set = await readImport([file('exports/broken.json', '{\r\n  "displayName": "x",\r\n  "state": \r\n}'), good]);
    expect(set.files[0]).toEqual({
      path: 'exports/broken.json',
      status: 'error',
      format: null,
      message: 'exports/broken.json is not valid JSON: a value expected at line 4, column 1.',
    });
    expect(set.files[1]).toMatchObject({ status: 'read', message: '1 policy.' });
    expect(set.sections.policies.map((p) => p.displayName)).toEqual(['Good']);
  });

  it('names the line where a DSC configuration breaks', async () => {
    const ps1 = [
      'Configuration CA',
      '{',
      '    node localhost',
      '    {',
      "        AADConditionalAccessPolicy 'Broken'",
      '        {',
      '            DisplayName = "Require MFA',
      '            State       = "enabled"',
      '        }',
      '    }',
      '}',
    ].join('\n');
    const [result] = (await readImport([file('dsc/broken.ps1', ps1)])).files;
    // The unclosed string runs to the quote on line 8, after which `enabled` cannot follow.
    expect(result).toEqual({
      path: 'dsc/broken.ps1',
      status: 'error',
      format: 'm365dsc',
      message: 'dsc/broken.ps1 could not be read: Unexpected “e” after the value of DisplayName at line 8.',
    });
    const unclosed = ps1.replace('"Require MFA', '"Require MFA"').replace(/\n\s*}\n\s*}\n}$/, '');
    expect((await readImport([file('dsc/short.ps1', unclosed)])).files[0]!.message).toBe(
      'dsc/short.ps1 could not be read: This block is not closed (“}” missing) at line 6.',
    );
  });

  it('says an empty file is empty, and sets aside what is not Conditional Access, saying why', async () => {
    const set = await readImport([
      file('empty.json', ''),
      file('README.md', '# My export'),
      { path: 'diagram.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      file('settings.json', JSON.stringify({ theme: 'dark', version: 2 })),
      file('users.json', JSON.stringify({ value: [] })),
      file('script.ps1', 'Get-MgUser -All | Export-Csv users.csv'),
    ]);
    expect(set.files.map((f) => [f.status, f.message])).toEqual([
      ['error', 'empty.json is empty.'],
      ['ignored', 'Not a policy file (a .md file).'],
      ['ignored', 'Not a policy file (an image).'],
      ['ignored', 'Holds an object with the properties “theme”, “version”: nothing of Conditional Access.'],
      ['ignored', 'Holds an empty list: nothing of Conditional Access.'],
      ['ignored', 'A PowerShell file without an AADConditionalAccessPolicy block.'],
    ]);
  });

  it('says a file cut in the middle ends before its JSON does, and where, rather than what the parser expected next', async () => {
    const policy = JSON.stringify({ displayName: 'Require MFA', conditions: { users: { includeUsers: ['All'] } } }, null, 2);
    const cut = policy.slice(0, policy.indexOf('"includeUsers"') + '"includeUsers": [\n'.length);
    const set = await readImport([file('exports/cut.json', `${cut}  `), file('exports/cut-in-a-name.json', policy.slice(0, 24))]);
    expect(set.files.map((f) => [f.status, f.message])).toEqual([
      ['error', 'exports/cut.json ends before its JSON does (cut short?): it stops at line 5, column 24, 3 objects and a list still open.'],
      ['error', 'exports/cut-in-a-name.json ends before its JSON does (cut short?): it stops at line 2, column 23, an object still open.'],
    ]);
  });

  it('names an image or other binary file for what it is, not as JSON that breaks at line 1', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const binary = new Uint8Array([0x7b, 0x01, 0x02, 0x03, 0x00, 0x10, 0x7d]);
    const set = await readImport([
      { path: 'screenshot.json', bytes: png },
      { path: 'export', bytes: png },
      { path: 'data.json', bytes: binary },
    ]);
    expect(set.files.map((f) => [f.status, f.message])).toEqual([
      ['error', 'screenshot.json looks like an image (PNG), not a JSON export.'],
      ['ignored', 'export looks like an image (PNG), not a JSON export.'],
      ['error', 'data.json is not a text file (it holds binary data), so not a JSON export.'],
    ]);
  });

  it('refuses a backup of a format version it does not read, naming the file', async () => {
    const backup = { manifest: { format: 'gatehouse.backup', version: 2, tenant: { id: 't' }, items: [] }, policies: [] };
    const [result] = (await readImport([file('future-backup.json', JSON.stringify(backup))])).files;
    expect(result).toEqual({
      path: 'future-backup.json',
      status: 'error',
      format: 'gatehouse-bundle',
      message: 'future-backup.json: This backup is format version 2; this console reads version 1.',
    });
  });

  it('reads a backup folder whose item is cut short: that file is in error, the manifest says it is missing', async () => {
    const manifest = {
      format: 'gatehouse.backup',
      version: 1,
      tenant: { id: 't1', name: null },
      capturedAt: '2026-01-01T00:00:00.000Z',
      counts: {},
      items: [{ section: 'policies', id: 'p1', displayName: 'Cut', sha256: 'x' }],
    };
    const set = await readImport([
      file('b/manifest.json', JSON.stringify(manifest)),
      file('b/policies/Cut.json', '{"id": "p1", "displayName": '),
    ]);
    expect(set.files[1]).toMatchObject({
      status: 'error',
      message: 'b/policies/Cut.json ends before its JSON does (cut short?): it stops at line 1, column 28, an object still open.',
    });
    expect(set.files[0]!.message).toContain('“Cut” is listed in the manifest but missing.');
  });
  it('reads a policy saved under another name by what it holds, and keeps a note that starts with a bracket a note', async () => {
    const policy = JSON.stringify({ displayName: 'Require MFA', state: 'enabled', conditions: {}, grantControls: null }, null, 2);
    const set = await readImport([
      file('policy.txt', policy),
      file('Export-Policy.ps1', policy.replace('Require MFA', 'Block legacy')),
      file('notes.md', '[link](https://example.com) to the export'),
      file('empty.txt', ''),
    ]);
    expect(set.files.map((f) => [f.status, f.message])).toEqual([
      ['read', '1 policy. Named .txt, but holds JSON: read as JSON.'],
      ['read', '1 policy. Named .ps1, but holds JSON: read as JSON.'],
      ['ignored', 'Not a policy file (a .md file).'],
      ['ignored', 'Not a policy file (a .txt file).'],
    ]);
    expect(set.sections.policies.map((p) => p.displayName)).toEqual(['Require MFA', 'Block legacy']);
  });

  it('says a .zip that is not one is not a zip or was cut short, not that it is not a policy file', async () => {
    const [result] = (await readImport([file('fake.zip', 'PK not a zip')])).files;
    expect(result).toMatchObject({ status: 'error', message: 'fake.zip is not a zip file, or it was cut short.' });
  });
});
