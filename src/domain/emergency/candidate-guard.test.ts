import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { candidatesLeftOut, turnedOn } from './candidate-guard';

const GROUP = '11111111-1111-1111-1111-111111111111';
const ADMIN = '22222222-2222-2222-2222-222222222222';
const policy = (id: string, users: JsonObject, state = 'enabled'): JsonObject => ({
  id,
  state,
  conditions: { applications: { includeApplications: ['All'] }, users },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
const tenant = [
  policy('p1', { includeUsers: ['All'], excludeGroups: [GROUP] }),
  policy('p2', { includeUsers: ['All'], excludeGroups: [GROUP] }),
  policy('p3', { includeUsers: ['All'] }),
];

describe('candidatesLeftOut', () => {
  it('finds the group most policies for all users exclude, when the draft stops excluding it', () => {
    const after = policy('p1', { includeUsers: ['All'], excludeGroups: [] });
    expect(candidatesLeftOut(tenant, tenant[0]!, after)).toMatchObject([
      { kind: 'group', id: GROUP, excludedFrom: 2, of: 3, stopped: true },
    ]);
  });

  it('finds it for a new policy for all users that does not exclude it, said as not excluded rather than stopped', () => {
    const after = policy('', { includeUsers: ['All'], excludeUsers: [ADMIN] });
    expect(candidatesLeftOut(tenant, null, after)).toMatchObject([{ id: GROUP, stopped: false }]);
  });

  it('says nothing when the draft keeps it excluded, is not on, or the policy already did not exclude it', () => {
    expect(candidatesLeftOut(tenant, tenant[0]!, tenant[0]!)).toEqual([]);
    expect(candidatesLeftOut(tenant, tenant[0]!, policy('p1', { includeUsers: ['All'] }, 'enabledForReportingButNotEnforced'))).toEqual([]);
    expect(candidatesLeftOut(tenant, tenant[2]!, policy('p3', { includeUsers: ['All'], excludeUsers: [ADMIN] }))).toEqual([]);
  });

  it('judges a policy not On as it would be once turned on (the contingency switch turns such policies on unchecked)', () => {
    const dormant = policy('p4', { includeUsers: ['All'] }, 'enabledForReportingButNotEnforced');
    expect(candidatesLeftOut(tenant, null, dormant)).toEqual([]);
    expect(candidatesLeftOut(tenant, null, turnedOn(dormant))).toMatchObject([{ id: GROUP, stopped: false }]);
    expect(turnedOn(tenant[0]!)).toBe(tenant[0]);
  });
});
