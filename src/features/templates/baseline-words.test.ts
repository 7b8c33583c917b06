import { describe, expect, it } from 'vitest';
import { readImport } from '../../domain/import/read-import';
import { baselineWords } from './baseline-words';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const nothingAdded = { count: 0, kept: false };

describe('what adding a baseline says', () => {
  it('names a file that could not be read once', async () => {
    const zero = await readImport([file('zero.json', '')]);
    expect(baselineWords('zero.json', zero, nothingAdded)).toBe('zero.json is empty. No template added.');
    const cut = await readImport([file('trunc.json', '{"displayName":"x","state":"enabled","conditions":{"users":\n')]);
    expect(baselineWords('trunc.json', cut, nothingAdded)).toBe(
      'trunc.json ends before its JSON does (cut short?): it stops at line 1, column 60, 2 objects still open. No template added.',
    );
  });

  it('says what a file without a policy holds instead', async () => {
    const group = await readImport([
      file('Exclude.json', JSON.stringify({ id: 'g1', displayName: 'CA005 - Exclude', securityEnabled: true, mailEnabled: false })),
    ]);
    expect(baselineWords('Exclude.json', group, nothingAdded)).toBe(
      'No template added from Exclude.json: it holds the group “CA005 - Exclude”.',
    );
    const picture = await readImport([{ path: 'pic.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }]);
    expect(baselineWords('pic.png', picture, nothingAdded)).toBe('No template added from pic.png: not a policy file (an image).');
  });

  it('counts the templates of a folder and names each file not read once', async () => {
    const policy = JSON.stringify({ displayName: 'Require MFA', conditions: {}, grantControls: null });
    const set = await readImport([file('base/mfa.json', policy), file('base/zero.json', '')]);
    expect(baselineWords('base', set, { count: 1, kept: true })).toBe('1 template added from base. Not read: base/zero.json is empty.');
    expect(baselineWords('base', await readImport([file('base/zero.json', '')]), nothingAdded)).toBe(
      'No template added from base: it holds no policy. Not read: base/zero.json is empty.',
    );
  });
});
