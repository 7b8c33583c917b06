// Several objects of one name in the tenant written to: the plan takes the one with the import's content,
// and otherwise never guesses which one a name stands for: it says so, naming each, and waits for the admin.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { buildPlan } from './build-plan';
import { mappingKey } from './mapping';
import { importOf, ipLocation, mfaPolicyFor, targetTenant as target } from './test-fixtures';
import { defaultChoices, type PlanChoices } from './types';

const OFFICE = 'bbbbbbbb-0000-0000-0000-000000000001';
const THEIRS_1 = 'eeeeeeee-0000-0000-0000-000000000001';
const THEIRS_2 = 'eeeeeeee-0000-0000-0000-000000000002';

const location = (id: string, cidr: string, isTrusted: boolean, name = 'Office'): JsonObject => ipLocation(id, name, cidr, isTrusted);

const policy = (id: string, name: string, app: string, excluded = OFFICE): JsonObject =>
  mfaPolicyFor(id, name, app, { locations: { includeLocations: ['All'], excludeLocations: [excluded] } });

const IMPORTED = policy('cccccccc-0000-0000-0000-000000000001', 'Require MFA', 'All');

const source = (locations: JsonObject[] = [location(OFFICE, '10.0.0.0/8', true)]) => importOf([IMPORTED], locations);

const choices = (over: Partial<PlanChoices> = {}): PlanChoices => ({ ...defaultChoices(), ...over });

describe('two named locations of one name in the tenant', () => {
  it('the one with the import’s content is reused, and the policies name it, not the first of the name', () => {
    const office = [location(THEIRS_1, '1.2.3.4/32', false), location(THEIRS_2, '10.0.0.0/8', true)];
    const plan = buildPlan(source(), target({ namedLocations: office }), choices());
    const row = plan.rows.find((r) => r.kind === 'namedLocation')!;
    expect(row).toMatchObject({
      action: 'reuse',
      targetId: THEIRS_2,
      why: 'The tenant has one of the same name and content.',
      problems: [],
    });
    const written = plan.rows.find((r) => r.kind === 'policy')!.body as { conditions: { locations: { excludeLocations: string[] } } };
    expect(written.conditions.locations.excludeLocations).toEqual([THEIRS_2]);
  });

  it('none the same: nothing is taken for it; a blocker names each with its id until the admin chooses one in the mapping', () => {
    const office = [location(THEIRS_1, '1.2.3.4/32', false), location(THEIRS_2, '172.16.0.0/12', true)];
    const plan = buildPlan(source(), target({ namedLocations: office }), choices());
    const row = plan.rows.find((r) => r.kind === 'namedLocation')!;
    expect(row.targetId).toBeNull();
    expect(row.problems).toEqual([
      expect.objectContaining({
        severity: 'blocker',
        text: expect.stringContaining(`‘Office’ (id ${THEIRS_1}), ‘Office’ (id ${THEIRS_2})`),
      }),
    ]);
    const mapped = plan.mapping.find((m) => m.key === mappingKey('namedLocation', OFFICE))!;
    expect(mapped).toMatchObject({ status: 'ambiguous', sourceName: 'Office', choice: null });
    expect(mapped.candidates.map((c) => c.id)).toEqual([THEIRS_1, THEIRS_2]);
    expect(plan.blockers.length).toBeGreaterThan(0);

    const chosen = buildPlan(
      source(),
      target({ namedLocations: office }),
      choices({ mapping: { [mappingKey('namedLocation', OFFICE)]: { action: 'use', targetId: THEIRS_2, targetName: 'Office' } } }),
    );
    expect(chosen.rows.find((r) => r.kind === 'namedLocation')).toMatchObject({ action: 'reuse', targetId: THEIRS_2 });
    expect(chosen.rows.find((r) => r.kind === 'namedLocation')!.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(chosen.blockers).toEqual([]);
  });
});

describe('two tenant policies of the import’s name', () => {
  const theirs = [
    policy('dddddddd-0000-0000-0000-000000000001', 'Require MFA', 'Office365', THEIRS_2),
    policy('dddddddd-0000-0000-0000-000000000002', 'Require MFA', 'MicrosoftAdminPortals', THEIRS_2),
  ];
  const office = [location(THEIRS_2, '10.0.0.0/8', true)];

  it('neither is updated in its place: a blocker names both, lifted by leaving it out or confirming a new one', () => {
    const plan = buildPlan(source(), target({ policies: theirs, namedLocations: office }), choices());
    const row = plan.rows.find((r) => r.kind === 'policy')!;
    expect(row.targetId).toBeNull();
    expect(row.action).not.toBe('update');
    const problem = row.problems.find((p) => p.severity === 'blocker')!;
    expect(problem.text).toContain(
      "'Require MFA' (id dddddddd-0000-0000-0000-000000000001), 'Require MFA' (id dddddddd-0000-0000-0000-000000000002)",
    );
    expect(plan.blockers.map((b) => b.text)).toContain(`Require MFA: ${problem.text}`);
    const skipped = buildPlan(
      source(),
      target({ policies: theirs, namedLocations: office }),
      choices({ rows: { [row.key]: { action: 'skip' } } }),
    );
    expect(skipped.blockers).toEqual([]);
    const confirmed = buildPlan(
      source(),
      target({ policies: theirs, namedLocations: office }),
      choices({ confirmed: [problem.confirmKey!] }),
    );
    expect(confirmed.blockers).toEqual([]);
  });

  it('the one with the import’s content is the one found', () => {
    const same = policy('dddddddd-0000-0000-0000-000000000003', 'Require MFA', 'All', THEIRS_2);
    const plan = buildPlan(source(), target({ policies: [theirs[0]!, same], namedLocations: office }), choices({ states: 'source' }));
    expect(plan.rows.find((r) => r.kind === 'policy')).toMatchObject({
      action: 'skip',
      targetId: 'dddddddd-0000-0000-0000-000000000003',
      match: 'name',
    });
  });
});
