// A user found by its own id is the same user, however many others share its name: not one to choose among.
import { describe, expect, it } from 'vitest';
import { emptyImportSet } from '../import/import-set';
import { countUsersFound } from './users-found';

describe('the users Find users again counts', () => {
  it('takes a user found by its own id as found once, even with others of its name', () => {
    const source = emptyImportSet();
    const [u1, u2] = ['bbbbbbbb-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002'];
    source.sections.policies = [{ id: 'p', displayName: 'p', conditions: { users: { includeUsers: [u1, u2] } } }];
    const directory = new Map([
      [u1, [{ by: 'id' as const }, { by: 'displayName' as const }]],
      [u2, [{ by: 'displayName' as const }, { by: 'displayName' as const }]],
    ]);
    expect(countUsersFound(source, {}, directory)).toEqual({ users: 2, found: 2, ambiguous: 1 });
  });
});
