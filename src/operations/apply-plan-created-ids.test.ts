// A refusal is taken for the service not yet seeing an object this run created only when it names that
// object's whole id: authentication context ids are short ('c1'), and 'c1' inside 'c10' or inside a GUID
// is another object, whose refusal is the plan's to fix, not a delay to wait out.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import { pendingId, type Plan, type PlanRow, type PlanRowKind } from '../domain/plan/types';
import { GraphRequestError } from '../graph/errors';
import { applyPlan, newApplyRun, type PlanWriters } from './apply-plan';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const row = (key: string, kind: PlanRowKind, body: JsonObject): PlanRow => ({
  key,
  kind,
  displayName: String(body.displayName),
  action: 'create',
  options: ['create'],
  why: '',
  sourceId: null,
  targetId: null,
  body,
  intended: body,
  before: null,
  problems: [],
});

const plan = (rows: PlanRow[]): Plan => ({
  sameTenant: false,
  rows,
  mapping: [],
  blockers: [],
  counts: { create: rows.length, update: 0, restore: 0, reuse: 0, skip: 0 },
});

/** Creates the context as 'c1'; every policy create is refused with `refusal`. */
function writers(refusal: string): PlanWriters {
  const objects = new Map<string, JsonObject>();
  return {
    async create(kind, body) {
      if (kind === 'policy') throw new GraphRequestError(400, 'BadRequest', refusal, { method: 'POST', path: '/policies' });
      objects.set('c1', { ...body, id: 'c1' });
      return objects.get('c1')!;
    },
    update: async () => undefined,
    restore: async () => ({}),
    read: async (_kind, id) => objects.get(id)!,
    findCreated: async () => null,
    compare: () => [],
  };
}

const rows = () => [
  row('authenticationContext:c1', 'authenticationContext', { id: 'c1', displayName: 'Sensitive apps' }),
  row('policy:step-up', 'policy', {
    displayName: 'Step-up for sensitive apps',
    conditions: { applications: { includeAuthenticationContextClassReferences: [pendingId('authenticationContext:c1')] } },
  }),
];

async function apply(refusal: string) {
  const waits: number[] = [];
  const run = await applyPlan(newApplyRun(plan(rows()), 't', clock), writers(refusal), { clock, settle: async (n) => void waits.push(n) });
  return { policy: run.items[1]!, waits };
}

describe('a refusal naming an id that only contains the id this run created', () => {
  it.each([
    ['another context', "1040: Authentication context with id 'c10' does not exist in the directory."],
    ['a GUID', 'NamedLocation with id 0c1d2e3f-0000-4000-8000-000000000000 does not exist in the directory.'],
  ])('(%s) is said as refused at once, with no waiting and no "try again in a few minutes"', async (_what, refusal) => {
    const { policy, waits } = await apply(refusal);
    expect(policy.status).toBe('failed');
    expect(policy.message).toBe(refusal);
    expect(policy.notYetSeen).toBeUndefined();
    expect(waits).toEqual([]);
  });

  it('naming the created id itself is waited for, then said as not yet seen', async () => {
    const { policy, waits } = await apply("1040: Authentication context with id 'c1' does not exist in the directory.");
    expect(policy.status).toBe('failed');
    expect(policy.notYetSeen).toBe(true);
    expect(policy.message).toContain('Try again in a few minutes');
    expect(waits).toEqual([0, 1, 2]);
  });
});
