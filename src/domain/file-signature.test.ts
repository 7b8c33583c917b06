// Files read for Compare, a new policy and a backup: a file cut short says so with where it stops,
// and an image or other binary file is named for what it is, not as JSON that breaks at line 1.
import { describe, expect, it } from 'vitest';
import { parseJson, readJsonFile } from './policy-file';

const bytes = (text: string) => new TextEncoder().encode(text);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10]);
const errorOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'read without error';
};

describe('reading a JSON file that is cut short', () => {
  const backup = JSON.stringify({ manifest: { format: 'gatehouse.backup' }, policies: [{ displayName: 'CA001' }] }, null, 2);

  it('says the file ends before its JSON does, where, and what is still open', () => {
    const cut = backup.slice(0, backup.indexOf('CA001') + 3);
    expect(errorOf(() => readJsonFile(bytes(cut), 'backup.json'))).toBe(
      'backup.json ends before its JSON does (cut short?): it stops at line 7, column 26, 2 objects and a list still open.',
    );
  });

  it('says the same when the cut falls after a comma, where the parser would ask for a property name', () => {
    const cut = backup.slice(0, backup.indexOf('"policies"'));
    expect(errorOf(() => parseJson(cut, '“backup.json”'))).toBe(
      '“backup.json” ends before its JSON does (cut short?): it stops at line 4, column 5, an object still open.',
    );
  });

  it('still names the mistake of a file that is whole but wrong', () => {
    expect(errorOf(() => parseJson('{\n  "state": \n}', 'policy.json'))).toBe(
      'policy.json is not valid JSON: a value expected at line 3, column 1.',
    );
  });
});

describe('reading a file that is not text', () => {
  it('names a PNG as an image', () => {
    expect(errorOf(() => readJsonFile(png, 'screenshot.json'))).toBe('screenshot.json looks like an image (PNG), not a JSON export.');
  });

  it('names a PDF, and says binary data it does not know is not text', () => {
    expect(errorOf(() => readJsonFile(bytes('%PDF-1.7\n%\u00e2\u00e3'), 'policy.json'))).toBe(
      'policy.json looks like a PDF document, not a JSON export.',
    );
    expect(errorOf(() => readJsonFile(new Uint8Array([0x7b, 1, 2, 3, 0, 0x7d]), 'policy.json'))).toBe(
      'policy.json is not a text file (it holds binary data), so not a JSON export.',
    );
  });

  it('reads UTF-16 text, whose zero bytes are not binary', () => {
    const utf16 = new Uint8Array(Array.from('{"a": 1}').flatMap((c) => [c.charCodeAt(0), 0]));
    expect(readJsonFile(utf16, 'policy.json')).toEqual({ a: 1 });
  });
});
