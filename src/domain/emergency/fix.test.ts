import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { emergencyFix, emergencyRevert, fixRecord, mergeFixRecords, suggestCandidates } from './fix';

const emergency = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [{ id: 'g-bg', name: 'Emergency access' }] };
const policy = (id: string, users: JsonObject): JsonObject => ({
  id,
  displayName: `Policy ${id}`,
  state: 'enabled',
  modifiedDateTime: '2026-01-01T00:00:00Z',
  conditions: { applications: { includeApplications: ['All'] }, users },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const excludes = (p: JsonObject | undefined) => (p?.conditions as { users: JsonObject }).users;

describe('the emergency-access bulk fix', () => {
  it('leaves a policy that already excludes the accounts in capitals: nothing to add, no second copy of the id', () => {
    const shouting = policy('p1', { includeUsers: ['All'], excludeUsers: ['BG1'], excludeGroups: ['G-BG'] });
    expect(emergencyFix('t', [shouting], emergency).fixed).toEqual([]);
    const half = policy('p2', { includeUsers: ['All'], excludeUsers: ['BG1'] });
    const { fixed, source } = emergencyFix('t', [half], emergency);
    expect(fixed).toMatchObject([{ id: 'p2', addedUsers: [], addedGroups: ['g-bg'] }]);
    expect(excludes(source.sections.policies[0])).toMatchObject({ excludeUsers: ['BG1'], excludeGroups: ['g-bg'] });
  });

  it('made twice before a revert keeps both ways back: one revert takes out what each added', () => {
    const first = fixRecord(
      't',
      '2026-01-01T10:00:00Z',
      [{ id: 'p1', name: 'Policy p1', addedUsers: ['bg1'], addedGroups: [] }],
      [{ key: 'policy:p1', body: { conditions: { users: { excludeUsers: ['bg1'] } } } }],
    );
    // Settings gained the group between the fixes: the second adds it to p1 and fixes p2.
    const fixed = [
      { id: 'p1', name: 'Policy p1', addedUsers: [], addedGroups: ['g-bg'] },
      { id: 'p2', name: 'Policy p2', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
    ];
    const second = fixRecord('t', '2026-01-01T11:00:00Z', fixed, [
      { key: 'policy:p1', body: { conditions: { users: { excludeGroups: ['g-bg'] } } } },
      { key: 'policy:p2', body: { conditions: { users: { excludeUsers: ['bg1'], excludeGroups: ['g-bg'] } } } },
    ]);
    const both = mergeFixRecords(first, second);
    expect(both.at).toBe('2026-01-01T10:00:00Z');
    expect(both.fixes).toBe(2);
    const now = [
      policy('p1', { includeUsers: ['All'], excludeUsers: ['svc-1', 'bg1'], excludeGroups: ['g-bg'] }),
      policy('p2', { includeUsers: ['All'], excludeUsers: ['bg1'], excludeGroups: ['g-bg'] }),
    ];
    expect(emergencyRevert('t', now, both).sections.policies.map(excludes)).toEqual([
      { includeUsers: ['All'], excludeUsers: ['svc-1'], excludeGroups: [] },
      { includeUsers: ['All'], excludeUsers: [], excludeGroups: [] },
    ]);
    expect(mergeFixRecords(null, second)).toBe(second);
  });

  it('merges the emergency accounts into every exclusion list and drops nothing', () => {
    const policies = [
      policy('p1', { includeUsers: ['All'], excludeUsers: ['svc-1', 'GuestsOrExternalUsers'], excludeGroups: ['g-contractors'] }),
      policy('p2', { includeUsers: ['All'], excludeRoles: ['role-x'] }),
    ];
    const { source, fixed } = emergencyFix('tenant-1', policies, emergency);
    expect(source.origin.tenantId).toBe('tenant-1');
    expect(source.sections.policies.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(excludes(source.sections.policies[0])).toEqual({
      includeUsers: ['All'],
      excludeUsers: ['svc-1', 'GuestsOrExternalUsers', 'bg1'],
      excludeGroups: ['g-contractors', 'g-bg'],
    });
    expect(excludes(source.sections.policies[1])).toEqual({
      includeUsers: ['All'],
      excludeRoles: ['role-x'],
      excludeUsers: ['bg1'],
      excludeGroups: ['g-bg'],
    });
    expect(fixed).toEqual([
      { id: 'p1', name: 'Policy p1', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
      { id: 'p2', name: 'Policy p2', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
    ]);
    // The policies read are left as they were.
    expect(excludes(policies[0]).excludeUsers).toEqual(['svc-1', 'GuestsOrExternalUsers']);
  });

  it('records only what a policy did not have, and leaves out a policy that has it all', () => {
    const { source, fixed } = emergencyFix(
      't',
      [
        policy('p1', { includeUsers: ['All'], excludeGroups: ['g-bg'] }),
        policy('p2', { includeUsers: ['All'], excludeUsers: ['bg1'], excludeGroups: ['g-bg'] }),
      ],
      emergency,
    );
    expect(fixed).toEqual([{ id: 'p1', name: 'Policy p1', addedUsers: ['bg1'], addedGroups: [] }]);
    expect(source.sections.policies).toHaveLength(1);
  });

  it('reverts exactly: removes what the fix added, keeps what was there and what was added since', () => {
    const before = [
      policy('p1', { includeUsers: ['All'], excludeUsers: ['svc-1'], excludeGroups: ['g-bg'] }),
      policy('p2', { includeUsers: ['All'], excludeGroups: ['g-contractors'] }),
    ];
    const { source, fixed } = emergencyFix('t', before, emergency);
    // Someone adds an exclusion after the fix; p2 was also reverted by hand.
    const now = source.sections.policies.map((p) => structuredClone(p));
    excludes(now[0]).excludeUsers = [...(excludes(now[0]).excludeUsers as string[]), 'late-1'];
    excludes(now[1]).excludeUsers = [];
    excludes(now[1]).excludeGroups = ['g-contractors'];
    const revert = emergencyRevert('t', now, { tenantId: 't', at: 'x', policies: fixed });
    expect(revert.sections.policies.map((p) => p.id)).toEqual(['p1']);
    expect(excludes(revert.sections.policies[0])).toEqual({
      includeUsers: ['All'],
      excludeUsers: ['svc-1', 'late-1'],
      excludeGroups: ['g-bg'],
    });
  });

  it('a fix then its revert gives back the exclusions exactly', () => {
    const before = [policy('p1', { includeUsers: ['All'], excludeUsers: ['svc-1'], excludeGroups: ['g-contractors', 'g-2'] })];
    const { source, fixed } = emergencyFix('t', before, emergency);
    const revert = emergencyRevert('t', source.sections.policies, { tenantId: 't', at: 'x', policies: fixed });
    expect(JSON.stringify(excludes(revert.sections.policies[0]))).toBe(JSON.stringify(excludes(before[0])));
  });
});

describe('the record of a fix run', () => {
  it('keeps what the run writes: a policy left out, or a list its update does not touch, gains nothing', () => {
    const fixed = [
      { id: 'p1', name: 'P1', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
      { id: 'p2', name: 'P2', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
      { id: 'p3', name: 'P3', addedUsers: ['bg1'], addedGroups: [] },
    ];
    const writes: { key: string; body: JsonObject }[] = [
      { key: 'policy:p1', body: { conditions: { users: { excludeUsers: ['svc', 'bg1'], excludeGroups: ['g-bg'] } } } },
      // Someone excluded the group in between: the update only adds the account.
      { key: 'policy:p2', body: { conditions: { users: { excludeUsers: ['bg1'] } } } },
    ];
    expect(fixRecord('t', 'now', fixed, writes)).toEqual({
      tenantId: 't',
      at: 'now',
      policies: [
        { id: 'p1', name: 'P1', addedUsers: ['bg1'], addedGroups: ['g-bg'] },
        { id: 'p2', name: 'P2', addedUsers: ['bg1'], addedGroups: [] },
      ],
    });
  });
});

describe('emergency-account candidates', () => {
  it('suggests the accounts and groups excluded from most policies that target everyone, and says why', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const g = '22222222-2222-4222-8222-222222222222';
    const policies = [
      policy('p1', { includeUsers: ['All'], excludeGroups: [g], excludeUsers: [a, 'GuestsOrExternalUsers'] }),
      policy('p2', { includeUsers: ['All'], excludeGroups: [g] }),
      policy('p3', { includeUsers: ['All'], excludeGroups: [g] }),
      policy('p4', { includeGroups: ['x'], excludeUsers: [a] }),
    ];
    expect(suggestCandidates(policies)).toEqual([
      { kind: 'group', id: g, excludedFrom: 3, of: 3, why: 'Excluded from 3 of the 3 policies that target all users.' },
    ]);
  });
});
