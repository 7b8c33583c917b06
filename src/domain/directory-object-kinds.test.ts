import { describe, expect, it } from 'vitest';
import { directoryObjectKinds } from './directory-object-kinds';
import type { ConditionalAccessPolicy } from './types';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('directoryObjectKinds', () => {
  it('says each id is what its place holds: users, groups or workload identities, special values aside', () => {
    const policies: ConditionalAccessPolicy[] = [
      {
        displayName: 'A',
        conditions: {
          users: {
            includeUsers: ['All', id(1)],
            excludeUsers: ['GuestsOrExternalUsers', id(2)],
            includeGroups: [id(3)],
            excludeGroups: [id(4)],
          },
          clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: [id(5)] },
        },
      },
      { displayName: 'B', conditions: { users: { includeGroups: [id(6).toUpperCase()], includeRoles: [id(7)] } } },
    ];
    expect(Object.fromEntries(directoryObjectKinds(policies))).toEqual({
      [id(1)]: 'user',
      [id(2)]: 'user',
      [id(3)]: 'group',
      [id(4)]: 'group',
      [id(5)]: 'servicePrincipal',
      [id(6)]: 'group',
    });
  });

  it('an id in places of two kinds is a user before a group, a group before a workload identity, in whatever order the policies come', () => {
    const asGroup: ConditionalAccessPolicy = {
      conditions: { users: { excludeGroups: [id(1)] }, clientApplications: { includeServicePrincipals: [id(2)] } },
    };
    const asUser: ConditionalAccessPolicy = { conditions: { users: { includeUsers: [id(1)], includeGroups: [id(2)] } } };
    for (const policies of [
      [asGroup, asUser],
      [asUser, asGroup],
    ]) {
      const kinds = directoryObjectKinds(policies);
      expect(kinds.get(id(1))).toBe('user');
      expect(kinds.get(id(2))).toBe('group');
    }
  });
});
