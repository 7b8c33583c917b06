import { describe, expect, it } from 'vitest';
import { setList } from './assignment-pickers';

describe('setList', () => {
  it('replaces a list in place, keeping the rest of the text as it was', () => {
    const text = '{\n  "displayName": "x",\n  "conditions": {\n    "users": { "includeUsers": ["All"], "excludeGroups": ["g1"] }\n  }\n}';
    const next = setList(text, JSON.parse(text), ['conditions', 'users'], 'excludeGroups', ['g1', 'g2']);
    expect(JSON.parse(next)).toEqual({ displayName: 'x', conditions: { users: { includeUsers: ['All'], excludeGroups: ['g1', 'g2'] } } });
    expect(next.startsWith('{\n  "displayName": "x",')).toBe(true);
  });

  it('creates the parent object when the condition is null', () => {
    const text = JSON.stringify({ conditions: { locations: null } }, null, 2);
    const next = setList(text, JSON.parse(text), ['conditions', 'locations'], 'excludeLocations', ['AllTrusted']);
    expect(JSON.parse(next)).toEqual({ conditions: { locations: { excludeLocations: ['AllTrusted'] } } });
  });
});
