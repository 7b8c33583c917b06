// The keys of an import's policy rows: the id, else the name, made unique by a number; an export of
// thousands of policies of one name (or of none) gets them at once, not after trying every taken one again.
import { describe, expect, it } from 'vitest';
import { emptyImportSet } from '../import/import-set';
import type { JsonObject } from '../json';
import { sourcePolicies } from './build-plan';

const importOf = (policies: JsonObject[]) => {
  const set = emptyImportSet();
  set.sections.policies = policies;
  return set;
};

describe('the row keys of an import’s policies', () => {
  it('numbers repeated names in order, past a name that already ends in a number, and keeps ids as they are', () => {
    const keys = sourcePolicies(
      importOf([
        { displayName: 'Same' },
        { displayName: 'Same#2' },
        { displayName: 'Same' },
        { displayName: 'Same' },
        { id: 'p-1', displayName: 'Same' },
        {},
        {},
      ]),
    ).map((p) => p.rowKey);
    expect(keys).toEqual([
      'policy:Same',
      'policy:Same#2',
      'policy:Same#3',
      'policy:Same#4',
      'policy:p-1',
      'policy:(no name)',
      'policy:(no name)#2',
    ]);
  });

  it('keys 20,000 policies of no name in a moment (trying every taken key again took most of a minute)', { timeout: 5000 }, () => {
    const keys = sourcePolicies(importOf(Array.from({ length: 20_000 }, () => ({ state: 'disabled' })))).map((p) => p.rowKey);
    expect(new Set(keys).size).toBe(20_000);
    expect(keys.at(-1)).toBe('policy:(no name)#20000');
  });
});
