// `gatehouse rollout watch --plan` given by a name relative to the folder the command was told to work in
// (io.cwd: a pipeline step's working folder, in-process tests), not to wherever the process started: a plan
// file, a backup bundle or a backup folder is found there and named as given, as whatif's and impact's drafts are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../../domain/bundle/bundle';
import { readRolloutPlans } from '../../domain/rollout/rollout-plan';
import { runInProcess } from '../run-in-process';
import { writeBackup } from '../write-backup';

const plan = {
  policyId: 'ca1',
  policyName: 'CA001: Require MFA',
  copyId: 'ca1-copy',
  stateBefore: 'enabled',
  frozen: null,
  rings: [{ key: 'ring-1', group: { id: 'g1', name: 'Ring 1', created: false }, state: 'active', startedAt: '2026-11-30T12:00:00Z' }],
  thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
  status: 'running',
  pending: null,
  events: [],
  createdAt: '2026-11-30T12:00:00Z',
};

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-rollout-early-'));
  writeFileSync(join(dir, 'rollout.json'), JSON.stringify([plan]));
  writeFileSync(join(dir, 'broken.json'), '[{ "policyId": "ca1", ');
  const backup = await createBundle(
    { policies: [], namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
    [],
    readRolloutPlans([plan]),
  );
  // A backup as a folder and as one file, both holding the plan.
  await writeBackup(backup, join(dir, 'kept'));
  writeFileSync(join(dir, 'kept.json'), bundleText(backup));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TENANT = '11111111-1111-4111-8111-111111111111';
const run = (...args: string[]) => runInProcess(['rollout', 'watch', ...args, '--tenant', TENANT], dir);

describe('rollout watch --plan relative to the working folder', () => {
  it.each([['rollout.json'], ['kept'], ['kept.json']])('a good plan there is read: --plan %s … goes on to sign in', async (path) => {
    const result = await run('--plan', path);
    // No client id is given in-process: the first thing past the plan is the sign-in's question.
    expect(result.stderr).toContain('Which application? Give --client-id');
    expect(result.stderr).not.toContain('no such file');
  });

  it('a broken plan there is said for what is wrong with it, named as given (exit 2)', async () => {
    const result = await run('--plan', 'broken.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gatehouse rollout: broken\.json.*line 1/);
  });

  it('a plan that is not there is named as given', async () => {
    const result = await run('--plan', 'missing.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gatehouse rollout: missing.json: no such file or folder.\n');
  });
});

describe('rollout watch --out checked before signing in', () => {
  it('a folder given for --out is refused before the sign-in’s question, exit 2, as whatif and impact do', async () => {
    mkdirSync(join(dir, 'reports'));
    // The plan by its full path, so only --out is at stake.
    const result = await run('--plan', join(dir, 'rollout.json'), '--out', 'reports');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("gatehouse rollout: --out reports is a folder: give a file's name.\n");
  });

  it('a file in a folder not made yet is accepted (the folder is made at the write)', async () => {
    const result = await run('--plan', join(dir, 'rollout.json'), '--out', 'later/gate.md');
    expect(result.stderr).toContain('Which application? Give --client-id');
  });
});
