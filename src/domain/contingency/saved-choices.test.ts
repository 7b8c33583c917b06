import { describe, expect, it } from 'vitest';
import { REPORT_ONLY } from '../types';
import { recognisePlans, withEdits, type PlanEdits } from './contingency-plan';
import { edits, normal, policy } from './saved-choices.fixture';
import { findSavedChoices, forgetHeld } from './saved-choices';
import { activation } from './switch';

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

describe('choices saved on a device under an id a newly arrived plan has now', () => {
  // Alone, 'MFA 障害' had the Latin id 'mfa'; once a plan 'MFA' arrives they share it, so 'MFA 障害' becomes
  // 'mfa-障害' and 'MFA' is given 'mfa': what was kept under 'mfa' is not the newcomer's.
  const earlier = recognisePlans([policy('em1', 'MFA 障害'), normal]);
  const policies = [policy('em1', 'MFA 障害'), policy('em2', 'MFA'), normal];
  const plans = recognisePlans(policies);
  const planFor = (disruption: string) => plans.find((p) => p.disruption === disruption)!;
  const { record } = activation(earlier[0]!, [policy('em1', 'MFA 障害'), normal], new Date('2026-12-01T10:00:00Z'));

  it('leave the switch with the plan it names, so that plan, not the newcomer, is the one switched on', () => {
    expect(earlier.map((p) => p.id)).toEqual(['mfa']);
    expect(planFor('MFA').id).toBe('mfa');
    const found = findSavedChoices({ plans: { mfa: edits }, switches: { mfa: record } }, plans);
    expect(found.switches[planFor('MFA 障害').id]?.disruption).toBe('MFA 障害');
    expect(found.switches.mfa).toBeUndefined();
    // Which plan the choices were for cannot be told: the newcomer is not given them, and the admin is told.
    expect(byDisruption(found, plans)).toEqual({ MFA: [], 'MFA 障害': [] });
    expect(found.unclear).toEqual([
      'Choices saved on this device by an earlier version belong to one of the plans for ‘MFA’ and ‘MFA 障害’, which it cannot tell apart: neither plan was given them. Check what each one suspends and which exclusions it adds.',
    ]);
  });

  it('keep saying so once moved, and the newcomer’s own choices saved after are its own', () => {
    const found = findSavedChoices({ plans: { mfa: edits }, switches: { mfa: record } }, plans);
    expect(found.moved).toBe(true);
    const again = findSavedChoices(found, plans);
    expect(again).toMatchObject({ moved: false, unclear: found.unclear });
    expect(again.switches[planFor('MFA 障害').id]?.disruption).toBe('MFA 障害');
    // The admin then chooses what 'MFA' suspends: saved under its id, and read back as its own.
    const own: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: REPORT_ONLY }], exclusions: [] };
    const saved = findSavedChoices({ ...again, plans: { ...again.plans, mfa: own } }, plans);
    expect(byDisruption(saved, plans)).toEqual({ MFA: ['CA001: Require MFA'], 'MFA 障害': [] });
    expect(saved.unclear).toEqual(found.unclear);
  });

  it('give a backup the same plans as the page: neither is given the choices', () => {
    // As export-tenant's plansAsEdited does.
    const asEdited = withEdits(plans, findSavedChoices({ plans: { mfa: edits }, switches: {} }, plans).plans);
    expect(Object.fromEntries(asEdited.map((p) => [p.disruption, p.suspend.length]))).toEqual({ MFA: 0, 'MFA 障害': 0 });
  });

  it('do not give a switch to its plan when that plan has a later switch of its own, and say so', () => {
    const own = activation(planFor('MFA 障害'), policies, new Date('2026-12-03T10:00:00Z')).record;
    const saved = { plans: {}, switches: { mfa: { ...record, by: 'Ada' }, [planFor('MFA 障害').id]: own } };
    const found = findSavedChoices(saved, plans);
    expect(found.switches.mfa).toBeUndefined();
    expect(found.switches[planFor('MFA 障害').id]?.at).toBe(own.at);
    const said = [
      'The switch of 2026-12-01 by Ada, recorded on this device by an earlier version for ‘MFA 障害’, was not given to that plan, which has another switch recorded: this one cannot be switched back from here. Check that plan’s policies in the policy list.',
    ];
    expect(found.unclear).toEqual(said);
    expect(findSavedChoices(found, plans)).toMatchObject({ moved: false, unclear: said });
  });

  it('leave with each plan what it saved under its own id', () => {
    const mfa = activation(planFor('MFA'), policies, new Date('2026-12-03T10:00:00Z')).record;
    const found = findSavedChoices({ plans: {}, switches: { mfa } }, plans);
    expect(found).toMatchObject({ moved: false, unclear: [] });
    expect(found.switches.mfa?.disruption).toBe('MFA');
    // Names that share no earlier id keep theirs, as before.
    const apart = recognisePlans([policy('em1', 'MFA'), policy('em2', 'MFA outage'), normal]);
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, apart);
    // Kept once with the policies of the plan they are for (moved), which tell it from a plan given its id later.
    expect(kept).toMatchObject({ moved: true, unclear: [], plans: { mfa: edits }, choicesFor: { mfa: ['em1'] } });
    expect(findSavedChoices(kept, apart)).toMatchObject({ moved: false, unclear: [], plans: { mfa: edits } });
  });

  it('work the same for ‘Outage №1’, which had ‘outage-1’ before ‘Outage 1’ arrived', () => {
    const alone = recognisePlans([policy('em1', 'Outage №1'), normal]);
    expect(alone.map((p) => p.id)).toEqual(['outage-1']);
    const both = recognisePlans([policy('em1', 'Outage №1'), policy('em2', 'Outage 1'), normal]);
    const numbered = both.find((p) => p.disruption === 'Outage №1')!;
    const switched = activation(alone[0]!, [policy('em1', 'Outage №1'), normal], new Date('2026-12-01T10:00:00Z')).record;
    const found = findSavedChoices({ plans: { 'outage-1': edits }, switches: { 'outage-1': switched } }, both);
    expect(Object.keys(found.switches)).toEqual([numbered.id]);
    expect(byDisruption(found, both)).toEqual({ 'Outage 1': [], 'Outage №1': [] });
    expect(found.unclear).toHaveLength(1);
  });
});

describe('what was kept for a plan the tenant no longer has', () => {
  const ownSaid =
    'Choices saved on this device for a plan this tenant no longer has were not given to the plan for ‘MFA’, which has choices of its own saved since: these are kept here, apart from them, until forgotten. They were to turn off ‘CA001: Require MFA’.';
  // 'MFA 障害' was the only plan and had 'mfa'; its policies were deleted, and a plan 'MFA' made since has 'mfa' now.
  const earlier = recognisePlans([policy('em1', 'MFA 障害'), normal]);
  const { record } = activation(earlier[0]!, [policy('em1', 'MFA 障害'), normal], new Date('2026-12-01T10:00:00Z'));
  const now = recognisePlans([policy('em2', 'MFA'), normal]);
  const saidOfSwitch =
    'The switch of 2026-12-01 by Ada, recorded on this device for a plan for ‘MFA 障害’ that this tenant no longer has, was not given to the plan for ‘MFA’: none of its policies is among those it changed. It cannot be switched back from here; check the policies it changed in the policy list.';

  it('do not give its switch to the plan that has its id now, and say so', () => {
    expect(now.map((p) => p.id)).toEqual(['mfa']);
    const found = findSavedChoices({ plans: {}, switches: { mfa: { ...record, by: 'Ada' } } }, now);
    expect(found.switches.mfa).toBeUndefined();
    expect(found.unclear).toEqual([saidOfSwitch]);
    expect(found.moved).toBe(true);
    // Kept aside, still said on every read, and never given to 'MFA'.
    const again = findSavedChoices(found, now);
    expect(again).toMatchObject({ moved: false, unclear: [saidOfSwitch] });
    expect(again.switches.mfa).toBeUndefined();
  });

  it('do not give its switch to a plan made since with the same name, whose policies are others', () => {
    const plan = recognisePlans([policy('em1', 'MFA'), normal])[0]!;
    const old = activation(plan, [policy('em1', 'MFA'), normal], new Date('2026-12-01T10:00:00Z')).record;
    const found = findSavedChoices({ plans: {}, switches: { mfa: { ...old, by: 'Ada' } } }, now);
    expect(found.switches.mfa).toBeUndefined();
    expect(found.unclear).toEqual([
      'The switch of 2026-12-01 by Ada, recorded on this device for a plan for ‘MFA’ that this tenant no longer has, was not given to the plan for ‘MFA’: none of its policies is among those it changed. It cannot be switched back from here; check the policies it changed in the policy list.',
    ]);
    // A switch of the plan as it is now is its own.
    const own = activation(now[0]!, [policy('em2', 'MFA'), normal], new Date('2026-12-03T10:00:00Z')).record;
    expect(findSavedChoices({ plans: {}, switches: { mfa: own } }, now)).toMatchObject({
      moved: false,
      unclear: [],
      switches: { mfa: own },
    });
  });

  it('do not give a switch kept under an earlier id to a plan it does not name', () => {
    // Kept under "" by 多要素認証の障害, deleted since; フェデレーション障害 could have had "" too.
    const japanese = recognisePlans([policy('em1', '多要素認証の障害'), normal])[0]!;
    const old = activation({ ...japanese, id: '' }, [policy('em1', '多要素認証の障害'), normal], new Date('2026-12-01T10:00:00Z')).record;
    const plans = recognisePlans([policy('em2', 'フェデレーション障害'), normal]);
    const found = findSavedChoices({ plans: {}, switches: { '': old } }, plans);
    expect(Object.keys(found.switches)).not.toContain(plans[0]!.id);
    expect(found.unclear).toHaveLength(1);
    expect(findSavedChoices(found, plans).switches[plans[0]!.id]).toBeUndefined();
  });

  it('do not give its choices to a plan made since with its id, whether or not the deletion was seen', () => {
    const mfa = recognisePlans([policy('em1', 'MFA'), normal]);
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, mfa);
    expect(kept.plans.mfa).toEqual(edits);
    const made = recognisePlans([policy('em7', 'MFA'), normal]);
    const said = [
      'Choices saved on this device for a plan this tenant no longer has were not given to the plan for ‘MFA’, which has none of that plan’s policies: it starts without them. They were to turn off ‘CA001: Require MFA’.',
    ];
    // Read while the plan was gone, then after another was made; or only after.
    const seenGone = findSavedChoices(kept, []);
    for (const before of [seenGone, kept]) {
      const found = findSavedChoices(before, made);
      expect(byDisruption(found, made)).toEqual({ MFA: [] });
      expect(found.unclear).toEqual(said);
      expect(findSavedChoices(found, made)).toMatchObject({ moved: false, unclear: said });
      // The new plan's own choices, saved after, are its own; the old ones stay apart from them, still said.
      const own: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: REPORT_ONLY }], exclusions: [] };
      const saved = findSavedChoices({ ...found, plans: { ...found.plans, mfa: own } }, made);
      expect(saved.plans).toEqual({ mfa: own, 'gone: mfa': edits });
      expect(findSavedChoices(saved, made)).toMatchObject({ moved: false, unclear: [ownSaid], plans: { mfa: own, 'gone: mfa': edits } });
    }
  });

  it('keep them apart, said and forgettable, once the plan with their id has choices of its own; told apart when it is gone too', () => {
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, recognisePlans([policy('em1', 'MFA'), normal]));
    const made = recognisePlans([policy('em7', 'MFA'), normal]);
    const found = findSavedChoices(kept, made);
    expect(Object.keys(found.plans)).toEqual(['gone: mfa']);
    const own: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: REPORT_ONLY }], exclusions: [] };
    const saved = findSavedChoices({ ...found, plans: { ...found.plans, mfa: own } }, made);
    expect(saved).toMatchObject({
      unclear: [ownSaid],
      plans: { mfa: own, 'gone: mfa': edits },
      choicesFor: { mfa: ['em7'], 'gone: mfa': ['em1'] },
    });
    expect(saved.held.map(({ kind, key }) => ({ kind, key }))).toEqual([{ kind: 'choices', key: 'gone: mfa' }]);
    // That plan deleted too, and another made: both kept, neither given, each saying what it was to do.
    const third = findSavedChoices(saved, recognisePlans([policy('em9', 'MFA'), normal]));
    expect(third.held.map((h) => h.key)).toEqual(['gone 2: mfa', 'gone: mfa']);
    expect(third.plans).toEqual({ 'gone: mfa': edits, 'gone 2: mfa': own });
    expect(third.held.map((h) => h.text.slice(h.text.lastIndexOf('They')))).toEqual([
      'They were to put ‘CA001: Require MFA’ in report-only.',
      'They were to turn off ‘CA001: Require MFA’.',
    ]);
  });

  it('keep a deleted plan’s choices when a plan made since with its name saved its own and the first is then restored', () => {
    // em1's plan has choices, is deleted; em7's plan, made with its name, saves its own; em1 is restored from Deleted items.
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, recognisePlans([policy('em1', 'MFA'), normal]));
    const made = recognisePlans([policy('em7', 'MFA'), normal]);
    const aside = findSavedChoices(kept, made);
    const own: PlanEdits = { suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA', to: REPORT_ONLY }], exclusions: [] };
    const saved = findSavedChoices({ ...aside, plans: { ...aside.plans, mfa: own } }, made);
    const restored = recognisePlans([policy('em1', 'MFA'), policy('em7', 'MFA'), normal]);
    const found = findSavedChoices(saved, restored);
    // Not mixed into the plan's own, not dropped: still listed apart, what they were to do said.
    expect(found.plans).toEqual({ mfa: own, 'gone: mfa': edits });
    expect(found.held).toEqual([expect.objectContaining({ kind: 'choices', key: 'gone: mfa', text: ownSaid })]);
  });

  it('do not give choices an earlier version kept to a plan made with their id after theirs was seen gone', () => {
    // Kept before plans' policies were kept beside their choices; read while the plan had no policies.
    const seenGone = findSavedChoices({ plans: { mfa: edits }, switches: {} }, []);
    expect(seenGone).toMatchObject({ moved: true, choicesFor: { mfa: [] }, plans: { mfa: edits } });
    const made = recognisePlans([policy('em7', 'MFA'), normal]);
    const found = findSavedChoices(seenGone, made);
    expect(byDisruption(found, made)).toEqual({ MFA: [] });
    expect(found.unclear).toHaveLength(1);
  });

  it('say of choices an earlier version kept, whose plan is not known, that it could not be confirmed, not that the plan is another', () => {
    const seenGone = findSavedChoices({ plans: { mfa: edits }, switches: {} }, []);
    const said = [
      'Choices saved on this device by an earlier version, for a plan this tenant did not have when they were last read, were not given to the plan for ‘MFA’: whose plan they were saved for could not be confirmed, so it starts without them. They were to turn off ‘CA001: Require MFA’.',
    ];
    // Its policies restored from Deleted items with the same ids, or a plan made since: nothing tells them apart.
    for (const back of [recognisePlans([policy('em1', 'MFA'), normal]), recognisePlans([policy('em7', 'MFA'), normal])]) {
      const found = findSavedChoices(seenGone, back);
      expect(found.unclear).toEqual(said);
      expect(findSavedChoices(found, back)).toMatchObject({ moved: false, unclear: said });
    }
  });

  it('leave a plan its choices when some of its policies change', () => {
    const first = recognisePlans([policy('em1', 'MFA'), normal]);
    const kept = findSavedChoices({ plans: { mfa: edits }, switches: {} }, first);
    const grown = recognisePlans([
      policy('em1', 'MFA'),
      { ...policy('em2', 'MFA'), displayName: 'EM02 - ENABLE IN EMERGENCY: MFA [2/2] - x' },
    ]);
    const found = findSavedChoices(kept, grown);
    expect(found).toMatchObject({ unclear: [], plans: { mfa: edits } });
    // em1 goes; em2, added while em1 was there, keeps the plan the same one.
    const moved = recognisePlans([{ ...policy('em2', 'MFA'), displayName: 'EM02 - ENABLE IN EMERGENCY: MFA [2/2] - x' }]);
    expect(findSavedChoices(found, moved)).toMatchObject({ unclear: [], plans: { mfa: edits } });
  });
});

describe('what no plan was given, forgotten by the admin', () => {
  const earlier = [policy('em1', 'MFA'), normal];
  const { record } = activation(recognisePlans(earlier)[0]!, earlier, new Date('2026-12-01T10:00:00Z'));
  const now = recognisePlans([policy('em7', 'MFA'), normal]);

  it('says where each is kept, and once forgotten it is gone from the device and no longer said', () => {
    const saved = { plans: { mfa: edits }, switches: { mfa: { ...record, by: 'Ada' } }, choicesFor: { mfa: ['em1'] } };
    const found = findSavedChoices(saved, now);
    expect(found.held.map(({ kind, key }) => ({ kind, key }))).toEqual([
      { kind: 'choices', key: 'gone: mfa' },
      { kind: 'switch', key: 'gone: mfa' },
    ]);
    expect(found.held.map((h) => h.text)).toEqual(found.unclear);
    const noSwitch = forgetHeld(found, found.held[1]!);
    expect(noSwitch.switches).toEqual({});
    expect(findSavedChoices(noSwitch, now).held.map((h) => h.kind)).toEqual(['choices']);
    const nothing = forgetHeld(noSwitch, found.held[0]!);
    expect(nothing).toMatchObject({ plans: {}, switches: {}, choicesFor: {} });
    expect(findSavedChoices(nothing, now)).toMatchObject({ unclear: [], held: [] });
  });

  it('forgets only the entry asked, not the plan’s own choices kept under its id', () => {
    const own: PlanEdits = { suspend: [], exclusions: [] };
    const found = findSavedChoices({ plans: { mfa: edits }, switches: {}, choicesFor: { mfa: ['em1'] } }, now);
    const kept = findSavedChoices({ ...found, plans: { ...found.plans, mfa: own } }, now);
    expect(forgetHeld(kept, { kind: 'choices', key: 'gone: mfa' }).plans).toEqual({ mfa: own });
  });
});
