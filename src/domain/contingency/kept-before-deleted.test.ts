import { describe, expect, it } from 'vitest';
import { recognisePlans, type PlanEdits } from './contingency-plan';
import { edits, normal, policy } from './saved-choices.fixture';
import { findSavedChoices, giveHeld } from './saved-choices';

// Choices kept for a plan seen deleted, when a plan with its id is back: by an earlier version (which did not keep
// their plan's policies beside them), offered; with their plan's policies kept, given back once those are restored.
describe('choices kept for a plan seen deleted, when a plan with its id is back', () => {
  it('are offered to the plan with their id once it is back, and given only when the admin says', () => {
    const seenGone = findSavedChoices({ plans: { mfa: edits }, switches: {} }, []);
    const back = recognisePlans([policy('em1', 'MFA'), normal]);
    const found = findSavedChoices(seenGone, back);
    expect(found.plans.mfa).toBeUndefined();
    expect(found.held).toEqual([
      expect.objectContaining({
        kind: 'choices',
        key: 'gone: mfa',
        offer: {
          planId: 'mfa',
          disruption: 'MFA',
          question:
            'Use these choices for the plan for ‘MFA’? They turn off ‘CA001: Require MFA’ while it is on. This device did not record which policies they were saved with: use them if this plan’s policies were restored from Deleted items, not if the plan was made anew. They can be changed on the plan afterwards.',
        },
      }),
    ]);
    const { saved: given, given: done } = giveHeld(found, found.held[0]!, back);
    expect(done).toBe(true);
    expect(given).toEqual({ plans: { mfa: edits }, switches: {}, choicesFor: { mfa: ['em1'] } });
    expect(findSavedChoices(given, back)).toMatchObject({ moved: false, unclear: [], held: [], plans: { mfa: edits } });
  });

  it('are not offered when their exclusions are on policies that plan does not have, nor are a deleted plan’s', () => {
    const excluding: PlanEdits = {
      ...edits,
      exclusions: [{ policyId: 'em1', name: 'EM01 - ENABLE IN EMERGENCY: MFA [1/1] - All apps: Block', users: ['u1'], groups: [] }],
    };
    const seenGone = findSavedChoices({ plans: { mfa: excluding }, switches: {} }, []);
    const restored = findSavedChoices(seenGone, recognisePlans([policy('em1', 'MFA'), normal]));
    expect(restored.held[0]?.offer?.question).toMatch(
      /They turn off ‘CA001: Require MFA’ while it is on, and exclude the emergency accounts from ‘EM01 - ENABLE IN EMERGENCY: MFA \[1\/1\] - All apps: Block’ first\./,
    );
    // Made anew: its policy has another id than the one the choices exclude from.
    const made = recognisePlans([policy('em7', 'MFA'), normal]);
    const remade = findSavedChoices(seenGone, made);
    expect(remade.held).toHaveLength(1);
    expect(remade.held[0]!.offer).toBeUndefined();
    expect(giveHeld(remade, remade.held[0]!, made)).toMatchObject({ given: false, saved: { plans: { 'gone: mfa': excluding } } });
    // Kept with its plan's policies known, for a plan that had others: another plan's.
    const known = findSavedChoices({ plans: { mfa: edits }, switches: {}, choicesFor: { mfa: ['em1'] } }, made);
    expect(known.held).toHaveLength(1);
    expect(known.held[0]!.offer).toBeUndefined();
  });

  it('go back unasked to the plan whose recorded policies are restored, after a plan made meanwhile took its id', () => {
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, recognisePlans([policy('em1', 'MFA'), normal]));
    const aside = findSavedChoices(kept, recognisePlans([policy('em7', 'MFA'), normal]));
    expect(Object.keys(aside.plans)).toEqual(['gone: mfa']);
    // em1 restored from Deleted items, beside em7: the plan has its policy again, and its choices.
    const restored = recognisePlans([policy('em1', 'MFA'), policy('em7', 'MFA'), normal]);
    const found = findSavedChoices(aside, restored);
    expect(found).toMatchObject({ moved: true, unclear: [], plans: { mfa: edits }, choicesFor: { mfa: ['em1', 'em7'] } });
    expect(Object.keys(found.plans)).toEqual(['mfa']);
    expect(findSavedChoices(found, restored)).toMatchObject({ moved: false, unclear: [] });
  });
});
