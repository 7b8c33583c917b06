// --mapping and --domain as a user meets them, before any tenant is read: a mapping file that is not
// there is said in words (not Node's ENOENT), and --domain where it does nothing is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess as run } from '../run-in-process';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-mapping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--mapping and --domain', () => {
  it('a missing mapping file is named in words, for diff and plan', async () => {
    const diff = await run(['diff', 'desired', '--baseline', '--mapping', 'm.json'], dir);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toBe('gatehouse diff: Could not read the mapping file m.json: no such file.\n');
    const plan = await run(['plan', 'backup', '--out', 'plan.json', '--mapping', 'm.json'], dir);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toBe('gatehouse plan: Could not read the mapping file m.json: no such file.\n');
  });

  it('diff refuses --domain without --baseline, where it would be ignored', async () => {
    const result = await run(['diff', 'bk1', '--domain', 'contoso.com=fabrikam.com'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('gatehouse diff: --domain goes with --baseline');
  });

  it('a --domain not written from=to is refused', async () => {
    const result = await run(['plan', 'backup', '--out', 'plan.json', '--domain', 'contoso.com'], dir);
    expect(result.stderr).toBe('gatehouse plan: --domain contoso.com: write it as from=to, e.g. contoso.com=fabrikam.com.\n');
  });
});
