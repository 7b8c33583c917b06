// One policy met in two files: the same version is kept once, as before; two versions of it are said to
// differ, with the file whose version is kept (the newer one when both say when they changed, else the first read).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { ImportFile } from './import-set';
import { readImport } from './read-import';

const policy = (over: JsonObject = {}): JsonObject => ({
  id: 'p1',
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: {},
  grantControls: null,
  ...over,
});
const file = (path: string, body: JsonObject): ImportFile => ({ path, bytes: new TextEncoder().encode(JSON.stringify(body)) });

describe('the same policy id in two files', () => {
  it('with different content: said to differ, and the first read is kept when the files do not say which is newer', async () => {
    const set = await readImport([file('a.json', policy()), file('b.json', policy({ state: 'disabled' }))]);
    expect(set.files[1]!.message).toBe(
      '1 policy. The policy “Require MFA” is in a.json and in b.json with the same id but different content: the version in a.json is kept (read first), not the one in b.json.',
    );
    expect(set.files[1]!.message).not.toContain('kept once');
    expect(set.sections.policies.map((p) => p.state)).toEqual(['enabled']);
  });

  it('with different content and both dated: the newer version is kept, whichever file was read first', async () => {
    const older = policy({ modifiedDateTime: '2025-01-01T00:00:00Z' });
    const newer = policy({ state: 'disabled', modifiedDateTime: '2025-03-01T00:00:00Z' });
    const set = await readImport([file('new.json', newer), file('old.json', older)]);
    expect(set.files[1]!.message).toContain('the version in new.json is kept (changed later), not the one in old.json.');
    const again = await readImport([file('old.json', older), file('new.json', newer)]);
    expect(again.files[1]!.message).toContain('the version in new.json is kept (changed later), not the one in old.json.');
    expect(again.sections.policies.map((p) => p.state)).toEqual(['disabled']);
  });

  it('a version never changed since its creation (modifiedDateTime null) is older than one changed after it', async () => {
    const created = policy({ state: 'disabled', createdDateTime: '2026-01-10T00:00:00Z', modifiedDateTime: null });
    const changed = policy({ createdDateTime: '2026-01-10T00:00:00Z', modifiedDateTime: '2026-06-01T00:00:00Z' });
    const set = await readImport([file('backup-jan.json', created), file('export-jun.json', changed)]);
    expect(set.files[1]!.message).toContain('the version in export-jun.json is kept (changed later), not the one in backup-jan.json.');
    expect(set.sections.policies.map((p) => p.state)).toEqual(['enabled']);
  });

  it('with the same content: kept once, as a duplicate', async () => {
    const set = await readImport([file('a.json', policy()), file('b.json', policy())]);
    expect(set.files[1]!.message).toBe('1 policy. The policy already read from a.json: kept once.');
  });
});
