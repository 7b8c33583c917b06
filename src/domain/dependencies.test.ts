import { describe, expect, it } from 'vitest';
import { nameKey, type NameDirectory, type ResolvedName } from './references';
import type { ConditionalAccessPolicy, DeletedNamedLocation } from './types';
import { findMissingDependencies } from './dependencies';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const directory = (entries: ResolvedName[]): NameDirectory => ({
  names: new Map(entries.map((e) => [nameKey(e.kind, e.id), e])),
  failures: [],
});
const gone = (n: number, kind: ResolvedName['kind']): ResolvedName => ({ id: id(n), kind, displayName: 'Deleted', missing: true });

const policy = {
  displayName: 'P',
  conditions: {
    users: { includeUsers: ['All'], excludeGroups: [id(1), id(2)], includeGroups: [id(3)] },
    locations: { includeLocations: [id(4)], excludeLocations: [id(5), 'AllTrusted'] },
  },
  grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: id(6) } },
} as unknown as ConditionalAccessPolicy;

describe('findMissingDependencies', () => {
  it('names what is gone, says when an exclusion protects nobody, and offers deleted locations for restoring', () => {
    const names = directory([
      { id: id(1), kind: 'group', displayName: 'Break glass' },
      gone(2, 'group'),
      gone(3, 'group'),
      gone(4, 'namedLocation'),
      gone(5, 'namedLocation'),
      gone(6, 'authenticationStrength'),
    ]);
    const deletedLocations: DeletedNamedLocation[] = [{ id: id(4), displayName: 'Old VPN egress' }];
    const missing = findMissingDependencies(policy, names, deletedLocations);
    expect(missing.map((m) => [m.where, m.id, m.exclusion, m.restorable?.displayName ?? null])).toEqual([
      ['Included group', id(3), false, null],
      ['Excluded group', id(2), true, null],
      ['Included location', id(4), false, 'Old VPN egress'],
      ['Excluded location', id(5), true, null],
      ['Required authentication strength', id(6), false, null],
    ]);
    expect(missing[1]!.explanation).toMatch(/no longer excludes anybody/);
  });

  it('reports nothing before names are known, and nothing when everything exists', () => {
    expect(findMissingDependencies(policy, undefined)).toEqual([]);
    expect(findMissingDependencies(policy, directory([{ id: id(2), kind: 'group', displayName: 'Still here' }]))).toEqual([]);
  });
});

describe('findMissingDependencies: agents', () => {
  it('says a deleted agent identity or agent user is gone, and that an excluded one protects nobody any more', () => {
    const agents = {
      displayName: 'Agents',
      conditions: {
        users: { includeUsers: ['AllAgentIdUsers'] },
        clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [id(7)] },
        agents: { includeAgentUsers: [id(8)], excludeAgentUsers: [id(9)] },
      },
    } as unknown as ConditionalAccessPolicy;
    const missing = findMissingDependencies(agents, directory([gone(7, 'servicePrincipal'), gone(8, 'user'), gone(9, 'user')]));
    expect(missing.map((m) => [m.where, m.id, m.exclusion])).toEqual([
      ['Excluded agent identity', id(7), true],
      ['Included agent user', id(8), false],
      ['Excluded agent user', id(9), true],
    ]);
    expect(missing[0]!.explanation).toMatch(/^This exclusion no longer excludes anybody/);
  });
});

describe('findMissingDependencies: a user or group that is gone, in words', () => {
  const users = {
    displayName: 'Users',
    conditions: { users: { includeUsers: [id(10)], excludeUsers: [id(11)], excludeGroups: [id(12)] } },
  } as unknown as ConditionalAccessPolicy;
  const names = directory([gone(10, 'user'), gone(11, 'user'), gone(12, 'group')]);

  it('says what the gone user means now, that restoring keeps its id, and what the admin can do', () => {
    const [included, excluded, group] = findMissingDependencies(users, names);
    expect(included!.explanation).toBe(
      'The policy no longer applies to this user. Restoring keeps the id in the policy: Microsoft Entra neither removes it nor refuses the restore. ' +
        'What you can do: restore the user in Microsoft Entra (Deleted users, within 30 days of its deletion: it keeps its id, so the policy counts it again), ' +
        'or remove the id in the editor after restoring the policy.',
    );
    expect(excluded!.explanation).toMatch(/^This exclusion no longer excludes anybody\. Restoring keeps the id in the policy/);
    expect(excluded!.explanation).toContain('or exclude another user after restoring the policy.');
    expect(excluded!.explanation).toMatch(/If it kept emergency-access accounts out, restore the policy in report-only/);
    expect(group!.explanation).toMatch(
      /^This exclusion no longer excludes anybody: whoever was in the group is in the policy’s scope again\./,
    );
  });

  it('re-created through the editor, says to remove the id before creating, not what a restore does', () => {
    const [included] = findMissingDependencies(users, names, [], 'recreate');
    expect(included!.explanation).not.toContain('Restoring');
    expect(included!.explanation).toContain('or remove the id in the editor before creating the policy.');
  });
});
