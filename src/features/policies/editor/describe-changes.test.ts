import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes';

describe('describeChanges', () => {
  it('says what changed in words, special values by their meaning', () => {
    const before = { state: 'enabled', conditions: { users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] } }, grantControls: { operator: 'OR', builtInControls: ['block'] } };
    const after = { state: 'enabledForReportingButNotEnforced', conditions: { users: { includeUsers: ['All'] } }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } };
    expect(describeChanges(before, after).map((c) => c.text)).toEqual([
      'State: On → Report-only',
      'conditions.users.excludeUsers: removed All guests and external users',
      'grantControls.builtInControls: added mfa; removed block',
    ]);
  });

  it('lists properties it does not know by path', () => {
    expect(describeChanges({ futureThing: 1 }, { futureThing: 2 }).map((c) => c.text)).toEqual(['futureThing: 1 → 2']);
  });
});
