// A nightly `gatehouse backup --out ca` writes into a folder the team also keeps things in: the
// rollout plans, contingency plans and lint suppressions downloaded from the console (the tenant does
// not hold them, so the command line cannot read them back), and files of their own. A backup carries
// the first on and leaves the rest alone; when it cannot read what it would carry, it stops before
// writing rather than drop it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText, createBundle, type Bundle } from '../domain/bundle/bundle';
import type { ContingencyPlan } from '../domain/contingency/contingency-plan';
import type { JsonObject } from '../domain/json';
import { newRolloutPlan } from '../domain/rollout/rollout-plan';
import { CliError } from './cli-error';
import { readRolloutPlan } from './evaluation/rollout-source';
import { readBackup } from './files';
import { writeBackup } from './write-backup';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-backup-keeps-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const policy: JsonObject = {
  id: 'ca1',
  displayName: 'CA001: Require MFA',
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] } },
};
const rollout = {
  ...newRolloutPlan(
    { id: 'ca1', displayName: 'CA001: Require MFA', state: 'enabled' },
    [{ id: 'g1', name: 'Pilot', created: false }],
    new Date('2026-11-20T09:00:00Z'),
  ),
  status: 'running' as const,
};
const contingency: ContingencyPlan = {
  id: 'mfa-disruption',
  disruption: 'MFA Disruption',
  enable: [{ policyId: 'em1', name: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1]', position: 1, of: 1 }],
  suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: 'disabled' }],
  exclusions: [],
};
const suppression = { ruleId: 'naming-pattern', reason: 'Named before the convention', at: '2026-11-01T00:00:00.000Z' };

/** The tenant as `backup` reads it: policies only, none of what the console keeps on the device. */
const fromTenant = (policies: JsonObject[] = [policy]) =>
  createBundle({ policies, namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] }, [], {
    tenantId: 't-1',
    tenantName: 'Contoso',
    capturedAt: new Date('2026-11-30T12:00:00Z'),
  });

/** A backup downloaded from the console: the tenant and what the console keeps. */
const fromConsole = async (): Promise<Bundle> =>
  createBundle(
    { policies: [policy], namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-29T12:00:00Z') },
    [contingency],
    [rollout],
    [suppression],
  );

const filesOf = (folder: string) => ({
  rollout: join(folder, 'rollout-plans.json'),
  contingency: join(folder, 'contingency-plans.json'),
  suppressions: join(folder, 'lint-suppressions.json'),
});

describe('backup into a folder the console’s backup was saved to', () => {
  it('carries on the rollout and contingency plans and the suppressions, so rollout watch still finds its plan', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await fromConsole(), ca);
    const before = Object.fromEntries(Object.entries(filesOf(ca)).map(([k, p]) => [k, readFileSync(p, 'utf8')]));

    const result = await writeBackup(await fromTenant([{ ...policy, state: 'disabled' }]), ca);

    expect(result).toMatchObject({ changed: true, removed: 0 });
    for (const [key, path] of Object.entries(filesOf(ca))) expect(readFileSync(path, 'utf8'), key).toBe(before[key]);
    const read = await readBackup(ca);
    expect(read.problems).toEqual([]);
    expect(read.bundle.policies[0]?.state).toBe('disabled');
    expect(read.bundle.contingencyPlans.map((p) => p.id)).toEqual(['mfa-disruption']);
    expect((await readRolloutPlan(ca, undefined, () => {})).policyId).toBe('ca1');
  });

  it('carries them on in a single-file backup too', async () => {
    const out = join(dir, 'ca.json');
    writeFileSync(out, bundleText(await fromConsole()));
    await writeBackup(await fromTenant(), out);
    const read = await readBackup(out);
    expect(read.problems).toEqual([]);
    expect(read.bundle.rolloutPlans).toHaveLength(1);
    expect(read.bundle.contingencyPlans).toHaveLength(1);
    expect(read.bundle.lintSuppressions).toEqual([suppression]);
  });

  it('leaves alone a file of the team’s own, even one that is not text, and still carries the suppressions on', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await fromConsole(), ca);
    writeFileSync(join(ca, 'diagram.json'), PNG);
    await writeBackup(await fromTenant([{ ...policy, state: 'disabled' }]), ca);
    expect(readFileSync(join(ca, 'diagram.json'))).toEqual(PNG);
    expect(JSON.parse(readFileSync(filesOf(ca).suppressions, 'utf8'))).toEqual([suppression]);
    expect((await readBackup(ca)).bundle.policies).toHaveLength(1);
  });
});

describe('what it would carry on but cannot read', () => {
  it('suppressions left with a merge conflict: stops, names the line, and writes nothing', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await fromConsole(), ca);
    const conflicted = `[\n<<<<<<< HEAD\n  ${JSON.stringify(suppression)}\n=======\n]\n`;
    writeFileSync(filesOf(ca).suppressions, conflicted);
    const policyFile = readFileSync(join(ca, 'policies', 'CA001-Require-MFA.json'), 'utf8');

    const written = writeBackup(await fromTenant([{ ...policy, state: 'disabled' }]), ca);

    await expect(written).rejects.toBeInstanceOf(CliError);
    await expect(written).rejects.toThrow(/lint-suppressions\.json is not valid JSON: .* line 2, column 1\..*correct it or remove it/s);
    expect(readFileSync(filesOf(ca).suppressions, 'utf8')).toBe(conflicted);
    expect(readFileSync(join(ca, 'policies', 'CA001-Require-MFA.json'), 'utf8')).toBe(policyFile);
  });

  it('a rollout plan edited into something that is not one: stops rather than drop it', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await fromConsole(), ca);
    writeFileSync(filesOf(ca).rollout, JSON.stringify([rollout, { policyName: 'no id' }]));
    await expect(writeBackup(await fromTenant(), ca)).rejects.toThrow(/rollout-plans\.json: 1 of its 2 entries is not a rollout plan/);
    expect(JSON.parse(readFileSync(filesOf(ca).rollout, 'utf8'))).toHaveLength(2);
  });

  it('a single-file backup that is not one any more: stops rather than write over what it may hold', async () => {
    const out = join(dir, 'ca.json');
    writeFileSync(out, PNG);
    await expect(writeBackup(await fromTenant(), out)).rejects.toThrow(/ca\.json looks like an image \(PNG\).*move it aside/s);
    expect(readFileSync(out)).toEqual(PNG);
    expect(existsSync(join(dir, 'ca'))).toBe(false);
  });
});
