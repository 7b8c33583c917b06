import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { parseContingencyName, readPlans, recognisePlans, restoreEdits, type ContingencyPlan } from './contingency-plan';
import { readiness } from './readiness';
import { activation, changedNow, drill, goneFrom, revert } from './switch';

const BREAK_GLASS_GROUP = 'aaaaaaaa-0000-0000-0000-00000000000b';
const SERVICE_ACCOUNTS = 'aaaaaaaa-0000-0000-0000-00000000000c';

const policy = (id: string, displayName: string, state: string, extra: JsonObject = {}): JsonObject => ({
  id,
  displayName,
  state,
  conditions: {
    users: { includeUsers: ['All'], excludeUsers: [], excludeGroups: [SERVICE_ACCOUNTS] },
    applications: { includeApplications: ['All'] },
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  ...extra,
});

const tenant = (): JsonObject[] => [
  policy('em2', 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - All apps: Block legacy authentication', REPORT_ONLY, {
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  }),
  policy('em1', 'EM01 - ENABLE IN EMERGENCY, MFA Disruption[1/2] - Exchange SharePoint: Require compliant device', REPORT_ONLY),
  policy('ca1', 'CA001: Require MFA for all users', 'enabled'),
  policy('ca2', 'CA002: Something else', 'enabled'),
];

const emergency = { users: [], groups: [{ id: BREAK_GLASS_GROUP, name: 'Break glass' }] };

const planFor = (policies: JsonObject[]): ContingencyPlan => {
  const [recognised] = recognisePlans(policies);
  return {
    ...recognised!,
    suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA for all users', to: 'disabled' }],
    exclusions: [{ policyId: 'em2', name: 'EM02', users: [], groups: [BREAK_GLASS_GROUP] }],
  };
};

/** Ready to switch: both its policies could lock the emergency accounts out (a block; MFA they may not do), both exclude them first. */
const readyPlanFor = (policies: JsonObject[]): ContingencyPlan => {
  const plan = planFor(policies);
  return { ...plan, exclusions: [...plan.exclusions, { policyId: 'em1', name: 'EM01', users: [], groups: [BREAK_GLASS_GROUP] }] };
};

describe('contingency plans', () => {
  it('are recognised from Microsoft’s naming, in sequence, whatever the punctuation', () => {
    expect(parseContingencyName('EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/4] - Exchange SharePoint')).toEqual({
      disruption: 'MFA Disruption',
      position: 1,
      of: 4,
    });
    expect(parseContingencyName('EM01 - ENABLE IN EMERGENCY, MFA Disruption[1/4] - VIP users')).toMatchObject({ position: 1, of: 4 });
    expect(parseContingencyName('CA01 - Dynamics CRP: Require MFA')).toBeNull();
    const [plan] = recognisePlans(tenant());
    expect(plan).toMatchObject({ id: 'mfa-disruption', disruption: 'MFA Disruption' });
    expect(plan!.enable.map((s) => s.policyId)).toEqual(['em1', 'em2']);
  });

  it('keeps plans of disruptions named in another script apart, and Latin plans on the ids they always had', () => {
    const plans = recognisePlans([
      policy('j1', 'EM01 - ENABLE IN EMERGENCY: 多要素認証の障害 [1/1] - All apps: Require compliant device', REPORT_ONLY),
      policy('j2', 'EM02 - ENABLE IN EMERGENCY: フェデレーション障害 [1/1] - All apps: Block legacy authentication', REPORT_ONLY),
      ...tenant(),
    ]);
    expect(Object.fromEntries(plans.map((p) => [p.disruption, p.enable.map((s) => s.policyId)]))).toEqual({
      'MFA Disruption': ['em1', 'em2'],
      フェデレーション障害: ['j2'],
      多要素認証の障害: ['j1'],
    });
    const ids = plans.map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id !== '')).toBe(true);
    // Saved choices and switch records on devices are keyed on these.
    const idOf = (...disruptions: string[]) =>
      recognisePlans(disruptions.map((d, i) => policy(`x${i}`, `EM0${i + 1} - ENABLE IN EMERGENCY: ${d} [1/1] - All`, REPORT_ONLY))).map(
        (p) => p.id,
      );
    expect(idOf('MFA Disruption')).toEqual(['mfa-disruption']);
    expect(idOf('  Federation / ADFS outage (on-prem) ')).toEqual(['federation-adfs-outage-on-prem']);
    expect(idOf('Café outage')).toEqual(['caf-outage']);
    // A name with letters of another script keeps its Latin id while no other plan has it…
    expect(idOf('MFA 障害')).toEqual(['mfa']);
    expect(idOf('Сбой MFA')).toEqual(['mfa']);
    // …and two plans it would merge each get the id of every script.
    expect(idOf('MFA 障害', 'Сбой MFA').sort()).toEqual(['mfa-障害', 'сбой-mfa']);
    expect(idOf('Ausfall ü', 'Ausfall ö').sort()).toEqual(['ausfall-ö', 'ausfall-ü']);
    // The same disruption, however its width or case is typed, is one plan.
    expect(idOf('ＭＦＡ 障害', 'mfa 障害')).toHaveLength(1);
  });

  it('is ready when complete and idle; says what is missing, on, or blocking the emergency accounts', () => {
    const policies = tenant();
    expect(readiness(readyPlanFor(policies), policies, emergency)).toEqual([]);
    const [recognised] = recognisePlans(policies.slice(1));
    const findings = readiness(recognised!, policies, emergency).map((f) => f.text);
    expect(findings).toContain(
      'The sequence lacks [2/2]: no policy is named for that step, so the switch turns on only the others, in their order.',
    );
    const unprepared = readiness({ ...planFor(policies), exclusions: [] }, policies, emergency);
    expect(unprepared[0]).toEqual({
      severity: 'blocker',
      text: `'${planFor(policies).enable[1]!.name}' blocks and excludes none of the emergency accounts (Break glass).`,
    });
  });

  it('warns of a policy that, switched on, could lock the emergency accounts out otherwise than by a block (as the switch’s guard will ask)', () => {
    const policies = tenant();
    const onlyTheBlock = planFor(policies);
    expect(readiness(onlyTheBlock, policies, emergency)).toEqual([
      {
        severity: 'warning',
        text: `'${planFor(policies).enable[0]!.name}', switched on, could lock out Members of Break glass (emergency access): It applies to all users and requires multifactor authentication. Tick 'First, exclude the emergency accounts' to exclude them first.`,
      },
    ]);
    // Each at risk with its own reason.
    const withAccount = { users: [{ id: 'u-bg1', name: 'BG Admin 1' }], groups: emergency.groups };
    const both = readiness(onlyTheBlock, policies, withAccount).map((f) => f.text);
    expect(both).toContain(
      `'${planFor(policies).enable[0]!.name}', switched on, could lock out BG Admin 1 (emergency access): It applies to all users and requires multifactor authentication; Members of Break glass (emergency access): It applies to all users and requires multifactor authentication. Tick 'First, exclude the emergency accounts' to exclude them first.`,
    );
    // An account named in Settings after the plan's exclusions were chosen: the guard takes it to be in the excluded
    // group; the ids say it is not excluded.
    const later = { users: [{ id: 'u-bg2', name: 'BG Admin 2' }], groups: emergency.groups };
    expect(readiness(readyPlanFor(policies), policies, later).map((f) => f.text)).toEqual([
      `'${planFor(policies).enable[0]!.name}' does not exclude 'BG Admin 2', named in Settings as emergency access: switched on, it could lock it out. Tick 'First, exclude the emergency accounts' to exclude it first.`,
      `'${planFor(policies).enable[1]!.name}' does not exclude 'BG Admin 2', named in Settings as emergency access: switched on, it could lock it out. Tick 'First, exclude the emergency accounts' to exclude it first.`,
    ]);
    // Excluded in the policy itself rather than by the plan: nothing to say.
    const excluding = policies.map((p) =>
      p.id === 'em1'
        ? { ...p, conditions: { ...(p.conditions as JsonObject), users: { includeUsers: ['All'], excludeGroups: [BREAK_GLASS_GROUP] } } }
        : p,
    );
    expect(readiness(onlyTheBlock, excluding, emergency)).toEqual([]);
  });

  it('a gap in the numbering ([1/3] and [3/3]) warns which step is missing and leaves the switch possible', () => {
    const excludesBreakGlass = { conditions: { users: { includeUsers: ['All'], excludeGroups: [BREAK_GLASS_GROUP] } } };
    const policies = [
      policy('s1', 'EM01 - ENABLE IN EMERGENCY: Federation outage [1/3] - All apps: Require MFA', REPORT_ONLY, excludesBreakGlass),
      policy(
        's3',
        'EM03 - ENABLE IN EMERGENCY: Federation outage [3/3] - All apps: Require compliant device',
        REPORT_ONLY,
        excludesBreakGlass,
      ),
      policy('ca1', 'CA001: Require MFA for all users', 'enabled'),
    ];
    const [recognised] = recognisePlans(policies);
    const plan = { ...recognised!, suspend: [{ policyId: 'ca1', name: 'CA001: Require MFA for all users', to: 'disabled' as const }] };
    const findings = readiness(plan, policies, emergency);
    expect(findings.filter((f) => f.severity === 'blocker')).toEqual([]);
    expect(findings).toEqual([
      {
        severity: 'warning',
        text: 'The sequence lacks [2/3]: no policy is named for that step, so the switch turns on only the others, in their order.',
      },
    ]);
    expect(activation(plan, policies, new Date()).steps.map((s) => `${s.kind} ${s.policyId}`)).toEqual([
      'enable s1',
      'enable s3',
      'suspend ca1',
    ]);
  });

  it('says a policy the recorded switch turned on is on for that reason, and still guesses for one it did not', () => {
    const policies = tenant().map((p) => (String(p.id).startsWith('em') ? { ...p, state: 'enabled' } : p));
    const plan = planFor(policies);
    const texts = readiness(plan, policies, emergency, {
      switched: { turnedOn: new Set(['em1']), whenAndWho: 'Dec 3, 2026 by Ada' },
    }).map((f) => f.text);
    expect(texts).toContain(`'${plan.enable[0]!.name}' is on: the plan was switched on Dec 3, 2026 by Ada.`);
    expect(texts).toContain(`'${plan.enable[1]!.name}' is already on: the plan is active, or it was left on.`);
  });

  it('warns when the plan turns off no normal policy, which would keep applying during the disruption', () => {
    const policies = tenant();
    const findings = readiness({ ...readyPlanFor(policies), suspend: [] }, policies, emergency);
    expect(findings).toEqual([
      {
        severity: 'warning',
        text: "It turns off no normal policy: those the disruption stops keep applying while it is on. Choose them under 'Turned off while it is on'.",
      },
    ]);
  });

  it('activates in Microsoft’s order, and a revert puts back exactly what it changed, keeping every other exclusion', () => {
    const policies = tenant();
    const { steps, record } = activation(planFor(policies), policies, new Date('2026-11-30T12:00:00Z'));
    expect(steps.map((s) => `${s.kind} ${s.policyId}`)).toEqual(['exclude em2', 'enable em1', 'enable em2', 'suspend ca1']);
    const em2 = steps.filter((s) => s.policyId === 'em2').at(-1)!.after;
    expect(em2).toMatchObject({ state: 'enabled', conditions: { users: { excludeGroups: [SERVICE_ACCOUNTS, BREAK_GLASS_GROUP] } } });

    // Meanwhile someone excluded another group from EM02: the revert leaves it.
    const afterSwitch = policies.map((p) => steps.filter((s) => s.policyId === p.id).at(-1)?.after ?? p);
    const touchedMeanwhile = afterSwitch.map((p) =>
      p.id === 'em2'
        ? {
            ...p,
            conditions: {
              ...(p.conditions as JsonObject),
              users: {
                ...((p.conditions as JsonObject).users as JsonObject),
                excludeGroups: [SERVICE_ACCOUNTS, BREAK_GLASS_GROUP, 'later'],
              },
            },
          }
        : p,
    );
    const back = revert(record, touchedMeanwhile);
    expect(back.map((s) => `${s.kind} ${s.policyId}`)).toEqual(['restore ca1', 'restore em1', 'restore em2']);
    const restored = new Map(back.map((s) => [s.policyId, s.after]));
    expect(restored.get('ca1')).toEqual(policies.find((p) => p.id === 'ca1'));
    expect(restored.get('em1')).toEqual(policies.find((p) => p.id === 'em1'));
    expect(restored.get('em2')).toMatchObject({
      state: REPORT_ONLY,
      conditions: { users: { excludeGroups: [SERVICE_ACCOUNTS, 'later'] } },
    });
  });

  it('a revert puts back the policies still there when one was deleted since the switch, and names it', () => {
    const policies = tenant();
    const { steps, record } = activation(planFor(policies), policies, new Date());
    const afterSwitch = policies.map((p) => steps.filter((s) => s.policyId === p.id).at(-1)?.after ?? p);
    const withoutEm1 = afterSwitch.filter((p) => p.id !== 'em1');
    expect(revert(record, withoutEm1).map((s) => `${s.kind} ${s.policyId}`)).toEqual(['restore ca1', 'restore em2']);
    expect(goneFrom(record, withoutEm1).map((t) => t.name)).toEqual([policies.find((p) => p.id === 'em1')!.displayName]);
    expect(goneFrom(record, afterSwitch)).toEqual([]);
  });

  it('an exclusion already in place is not added, so the revert does not take it away', () => {
    const policies = tenant().map((p) =>
      p.id === 'em2'
        ? {
            ...p,
            conditions: {
              users: { includeUsers: ['All'], excludeGroups: [BREAK_GLASS_GROUP] },
              applications: { includeApplications: ['All'] },
            },
          }
        : p,
    );
    const { record } = activation(planFor(policies), policies, new Date());
    expect(record.touched.find((t) => t.policyId === 'em2')!.addedGroups).toEqual([]);
  });

  it('a drill gives both sides without writing, and its revert undoes its activation exactly', () => {
    const policies = tenant();
    const { activate, revert: back } = drill(planFor(policies), policies, new Date());
    expect(activate).toHaveLength(4);
    const end = new Map(policies.map((p) => [String(p.id), p]));
    for (const step of [...activate, ...back]) end.set(step.policyId, step.after);
    expect([...end.values()]).toEqual(policies);
  });

  it('says how much of a switch is in place from the policies: all, part of it (put aside half way), none, or unknown', () => {
    const policies = tenant();
    const { steps, record } = activation(planFor(policies), policies, new Date());
    const after = (count: number) => {
      const end = new Map(policies.map((p) => [String(p.id), p]));
      for (const step of steps.slice(0, count)) end.set(step.policyId, step.after);
      return [...end.values()];
    };
    expect(record.touched).toHaveLength(3);
    expect(changedNow(record, after(steps.length))).toBe(3);
    // The first two steps written (em2's exclusion, em1 on): two of the three policies changed.
    expect(changedNow(record, after(2))).toBe(2);
    expect(changedNow(record, policies)).toBe(0);
    expect(
      changedNow(
        record,
        policies.filter((p) => p.id !== 'em1'),
      ),
    ).toBeNull();
  });

  it('stops when the plan names a policy the tenant no longer has', () => {
    const policies = tenant();
    const plan = planFor(policies);
    expect(() =>
      activation(
        plan,
        policies.filter((p) => p.id !== 'ca1'),
        new Date(),
      ),
    ).toThrow("'CA001: Require MFA for all users' is not in the tenant any more");
    const evil = { ...plan, suspend: [{ ...plan.suspend[0]!, policyId: 'gone', name: 'CA\u202E01' }] };
    expect(() => activation(evil, policies, new Date())).toThrow("'CA\\u202E01' is not in the tenant any more");
  });
});

describe('contingency plans restored from a backup', () => {
  const saved = (): ContingencyPlan => planFor(tenant());

  it('keep their edits on the same tenant, found by id', () => {
    const restored = restoreEdits([saved()], tenant());
    // Names are refreshed from the tenant: the plan speaks of the policies as they are called now.
    const em2 = String(tenant()[0]!.displayName);
    expect(restored.edits['mfa-disruption']).toEqual({
      suspend: saved().suspend,
      exclusions: saved().exclusions.map((e) => ({ ...e, name: em2 })),
    });
    expect(restored.unmatched).toEqual([]);
    expect(restored.absentPlans).toEqual([]);
  });

  it('find their policies by name after a restore made them anew, and say what is not there', () => {
    const renewed = tenant()
      .filter((p) => p.id !== 'ca1')
      .map((p) => ({ ...p, id: `new-${String(p.id)}` }));
    const restored = restoreEdits([saved()], renewed);
    expect(restored.edits['mfa-disruption']!.exclusions).toEqual([]);
    expect(restored.unmatched).toEqual([`'CA001: Require MFA for all users' (MFA Disruption)`, `'EM02' (MFA Disruption)`]);

    const named = restoreEdits(
      [{ ...saved(), exclusions: [{ ...saved().exclusions[0]!, name: String(tenant()[0]!.displayName) }] }],
      renewed,
    );
    expect(named.edits['mfa-disruption']!.exclusions.map((e) => e.policyId)).toEqual(['new-em2']);
  });

  it('isolate the names of the steps and plans they could not place', () => {
    const evil = { ...saved(), disruption: 'MFA \u202Eevil', suspend: [{ ...saved().suspend[0]!, policyId: 'gone', name: 'CA\u202E01' }] };
    expect(restoreEdits([evil], tenant()).unmatched).toContain(`'CA\\u202E01' (MFA \\u202Eevil)`);
  });

  it('a plan the tenant has no contingency policies for is said, not restored', () => {
    const restored = restoreEdits(
      [saved()],
      tenant().filter((p) => !String(p.displayName).startsWith('EM')),
    );
    expect(restored.edits).toEqual({});
    expect(restored.absentPlans).toEqual(['MFA Disruption']);
  });

  it('read back from a file keeps only what has the shape of a plan', () => {
    expect(readPlans([saved(), { id: 'x' }, 'nonsense', { ...saved(), id: 'other', suspend: [{ name: 'no id' }] }])).toEqual([
      saved(),
      { ...saved(), id: 'other', suspend: [] },
    ]);
  });
});
