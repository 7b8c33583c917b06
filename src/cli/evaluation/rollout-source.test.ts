// Which rollout `gatehouse rollout watch` takes from a file of plans when no --policy is given: the one
// under way; a cancelled rollout, like a finished one, is over and not counted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { readRolloutPlan } from './rollout-source';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-rollout-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = (id: string, status: RolloutPlan['status']): RolloutPlan => ({
  ...newRolloutPlan({ id, displayName: id.toUpperCase(), state: 'enabled' }, [{ id: 'g', name: 'Pilot', created: false }], new Date()),
  status,
});

describe('readRolloutPlan without --policy', () => {
  it('takes the rollout under way, leaving out a cancelled one as it does a finished one', async () => {
    writeFileSync(join(dir, 'rollouts.json'), JSON.stringify([plan('ca1', 'cancelled'), plan('ca2', 'running'), plan('ca3', 'finished')]));
    expect((await readRolloutPlan('rollouts.json', undefined, () => {}, dir)).policyId).toBe('ca2');
  });

  it('says when every rollout is over', async () => {
    writeFileSync(join(dir, 'rollouts.json'), JSON.stringify([plan('ca1', 'cancelled'), plan('ca3', 'finished')]));
    await expect(readRolloutPlan('rollouts.json', undefined, () => {}, dir)).rejects.toThrow(
      'rollouts.json holds only finished or cancelled rollouts: say which with --policy <id>.',
    );
  });
});
