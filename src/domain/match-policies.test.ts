import { describe, expect, it } from 'vitest';
import { matchPolicySets, type SidePolicy } from './match-policies';

const policy = (id: string | null, displayName: string, state = 'enabled', extra: object = {}): SidePolicy => ({
  id,
  policy: { ...(id ? { id } : {}), displayName, state, conditions: { users: { includeUsers: ['All'], excludeGroups: [] } }, ...extra },
});

describe('matchPolicySets', () => {
  it('pairs by id first, then by name, and sorts each pair by what differs', () => {
    const a = [policy('1', 'Block legacy'), policy('2', 'MFA for admins'), policy('3', 'Only here'), policy('4', 'Renamed in B')];
    const b = [policy('1', 'Block legacy'), policy('x', 'mfa for admins ', 'disabled'), policy('4', 'Renamed'), policy('y', 'Only there')];
    const { matches, counts } = matchPolicySets(a, b);
    expect(counts).toEqual({ onlyA: 1, onlyB: 1, changed: 2, identical: 1 });
    const status = Object.fromEntries(matches.map((m) => [m.name, `${m.status}${m.by ? ` by ${m.by}` : ''}`]));
    expect(status).toEqual({
      'Block legacy': 'identical by id',
      'MFA for admins': 'changed by name',
      'Only here': 'onlyA',
      'Only there': 'onlyB',
      'Renamed in B': 'changed by id',
    });
  });

  it('treats read-only fields, nulls, empty lists and id order as no difference', () => {
    const a = {
      id: '1',
      policy: {
        id: '1',
        displayName: 'P',
        state: 'enabled',
        modifiedDateTime: '2026-01-01',
        conditions: { users: { includeGroups: ['b', 'a'], excludeGroups: [] }, platforms: null },
      },
    };
    const b = { id: null, policy: { displayName: 'P', state: 'enabled', conditions: { users: { includeGroups: ['a', 'b'] } } } };
    expect(matchPolicySets([a], [b]).matches).toEqual([expect.objectContaining({ status: 'identical', by: 'name' })]);
  });

  it('pairs policies that share a name one to one, and gives every match its own key', () => {
    const { matches, counts } = matchPolicySets([policy(null, 'Twin'), policy(null, 'Twin', 'disabled')], [policy(null, 'Twin')]);
    expect(counts).toEqual({ onlyA: 1, onlyB: 0, changed: 0, identical: 1 });
    expect(new Set(matches.map((m) => m.key)).size).toBe(2);
  });

  it('handles empty sides', () => {
    expect(matchPolicySets([], []).counts).toEqual({ onlyA: 0, onlyB: 0, changed: 0, identical: 0 });
    expect(matchPolicySets([policy('1', 'A')], []).counts.onlyA).toBe(1);
  });
});
