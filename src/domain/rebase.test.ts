import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { rebaseDraft } from './rebase';

const policy = (users: JsonObject, extra: JsonObject = {}): JsonObject => ({
  id: 'p1',
  displayName: 'CA001',
  state: 'enabled',
  modifiedDateTime: '2026-12-01T00:00:00Z',
  conditions: { users, applications: { includeApplications: ['All'] } },
  ...extra,
});

describe('rebaseDraft: my changes on top of theirs', () => {
  it('keeps an exclusion a colleague added to a list I edited too', () => {
    const base = policy({ includeUsers: ['All'], excludeUsers: ['u0'] });
    const theirs = policy({ includeUsers: ['All'], excludeUsers: ['u0', 'theirA'] }, { modifiedDateTime: '2026-12-02T00:00:00Z' });
    const mine = policy({ includeUsers: ['All'], excludeUsers: ['u0', 'mineB'] });
    const rebased = rebaseDraft(base, mine, theirs) as { conditions: { users: { excludeUsers: string[] } }; modifiedDateTime: string };
    expect(rebased.conditions.users.excludeUsers).toEqual(['u0', 'theirA', 'mineB']);
    // Read-only properties are theirs: the rebased draft is based on their version.
    expect(rebased.modifiedDateTime).toBe('2026-12-02T00:00:00Z');
  });

  it('removes what I removed, and keeps what they added, from the same list', () => {
    const base = policy({ includeUsers: ['All'], excludeUsers: ['u0', 'u1'] });
    const theirs = policy({ includeUsers: ['All'], excludeUsers: ['u0', 'u1', 'u2'] });
    const mine = policy({ includeUsers: ['All'], excludeUsers: ['u0'] });
    expect((rebaseDraft(base, mine, theirs).conditions as JsonObject).users).toEqual({ includeUsers: ['All'], excludeUsers: ['u0', 'u2'] });
  });

  it('takes my value where I changed one, and theirs where only they did', () => {
    const base = policy({ includeUsers: ['All'] });
    const theirs = policy({ includeUsers: ['All'], excludeGroups: ['g1'] }, { displayName: 'CA001 renamed' });
    const mine = policy({ includeUsers: ['All'] }, { state: 'enabledForReportingButNotEnforced' });
    const rebased = rebaseDraft(base, mine, theirs);
    expect(rebased.state).toBe('enabledForReportingButNotEnforced');
    expect(rebased.displayName).toBe('CA001 renamed');
    expect((rebased.conditions as JsonObject).users).toEqual({ includeUsers: ['All'], excludeGroups: ['g1'] });
  });

  it('takes my list whole where it is a choice, not a set of objects (client apps, platforms, controls)', () => {
    const base = policy({ includeUsers: ['All'] }, { grantControls: { operator: 'OR', builtInControls: ['block'] } });
    (base.conditions as JsonObject).clientAppTypes = ['all'];
    const theirs = structuredClone(base);
    (theirs.conditions as JsonObject).clientAppTypes = ['browser', 'mobileAppsAndDesktopClients'];
    const mine = structuredClone(base);
    (mine.conditions as JsonObject).clientAppTypes = ['exchangeActiveSync', 'other'];
    expect((rebaseDraft(base, mine, theirs).conditions as JsonObject).clientAppTypes).toEqual(['exchangeActiveSync', 'other']);
  });

  it('does not mix "All" with ids: my list stands then', () => {
    const base = policy({ includeUsers: ['u1'] });
    const theirs = policy({ includeUsers: ['u1', 'u2'] });
    const mine = policy({ includeUsers: ['All'] });
    expect(((rebaseDraft(base, mine, theirs).conditions as JsonObject).users as JsonObject).includeUsers).toEqual(['All']);
  });
});
