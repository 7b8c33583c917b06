import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { recognisePlans, type PlanEdits } from './contingency-plan';
import { findSavedChoices } from './saved-choices';
import { activation } from './switch';

const policy = (id: string, disruption: string, state = REPORT_ONLY): JsonObject => ({
  id,
  displayName: `EM0${id.slice(-1)} - ENABLE IN EMERGENCY: ${disruption} [1/1] - All apps: Block`,
  state,
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
const normal: JsonObject = { ...policy('ca1', 'x'), displayName: 'CA001: Require MFA', state: 'enabled' };
const edits: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: 'disabled' }], exclusions: [] };
const byDisruption = (found: { plans: Record<string, PlanEdits> }, plans: ReturnType<typeof recognisePlans>) =>
  Object.fromEntries(plans.map((p) => [p.disruption, found.plans[p.id]?.suspend.map((s) => s.name) ?? []]));

describe('choices saved on a device under a plan’s earlier id', () => {
  it('are found by the one plan named only in another script that had the empty id, and moved once', () => {
    const plans = recognisePlans([policy('em1', '多要素認証の障害'), policy('em2', 'MFA Disruption'), normal]);
    const found = findSavedChoices({ plans: { '': edits }, switches: {} }, plans);
    expect(byDisruption(found, plans)).toEqual({ 'MFA Disruption': [], 多要素認証の障害: ['CA001: Require MFA'] });
    expect(found.moved).toBe(true);
    expect(found.unclear).toEqual([]);
    // Moved: read again, nothing is left to move.
    expect(findSavedChoices(found, plans)).toMatchObject({ moved: false, unclear: [] });
  });

  it('go to neither plan when two had that id, and say so', () => {
    const plans = recognisePlans([policy('em1', '多要素認証の障害'), policy('em2', 'フェデレーション障害'), normal]);
    const found = findSavedChoices({ plans: { '': edits }, switches: {} }, plans);
    expect(byDisruption(found, plans)).toEqual({ 多要素認証の障害: [], フェデレーション障害: [] });
    expect(found.unclear).toEqual([
      'Choices saved on this device by an earlier version belong to one of the plans for ‘フェデレーション障害’ and ‘多要素認証の障害’, which it cannot tell apart: neither plan was given them. Check what each one suspends and which exclusions it adds.',
    ]);
    expect(found.moved).toBe(false);
  });

  it('give a switch recorded under the empty id to the plan it names, so it can still be switched back', () => {
    const policies = [policy('em1', '多要素認証の障害'), policy('em2', 'フェデレーション障害'), normal];
    const plans = recognisePlans(policies);
    const federation = plans.find((p) => p.disruption === 'フェデレーション障害')!;
    const { record } = activation({ ...federation, id: '' }, policies, new Date('2026-12-01T10:00:00Z'));
    const found = findSavedChoices({ plans: {}, switches: { '': record } }, plans);
    expect(found.switches[federation.id]?.touched.map((t) => t.policyId)).toEqual(['em2']);
    expect(Object.keys(found.switches)).toEqual([federation.id]);
    expect(found.unclear).toEqual([]);
  });

  it('are found again by a plan whose id changed when another plan came to share its Latin one', () => {
    // Alone, 'Café block' had 'caf-block'; with 'Cafè block' beside it, both are told apart by their accents.
    const alone = recognisePlans([policy('em1', 'Café block')]);
    expect(alone.map((p) => p.id)).toEqual(['caf-block']);
    const plans = recognisePlans([policy('em1', 'Café block'), policy('em2', 'Cafè block'), normal]);
    const found = findSavedChoices({ plans: { 'caf-block': edits }, switches: {} }, plans);
    // Which of the two it was cannot be told from the choices: neither is given them, and the admin is told.
    expect(byDisruption(found, plans)).toEqual({ 'Café block': [], 'Cafè block': [] });
    expect(found.unclear).toHaveLength(1);
    // A switch names its plan: that one keeps it.
    const { record } = activation(alone[0]!, [policy('em1', 'Café block')], new Date('2026-12-01T10:00:00Z'));
    const switched = findSavedChoices({ plans: {}, switches: { 'caf-block': record } }, plans);
    expect(Object.keys(switched.switches)).toEqual([plans.find((p) => p.disruption === 'Café block')!.id]);
  });
});
