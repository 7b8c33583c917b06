import { describe, expect, it } from 'vitest';
import { droppingAll, unresolvedReferences, withoutUnresolved } from './unresolved';
import type { MappingRow } from './types';

const reference = (key: string, choice: MappingRow['choice'], policies: string[]) =>
  ({ key, choice, uses: policies.map((rowKey) => ({ rowKey })) }) as unknown as MappingRow;

const mapping = [
  reference('group:a', null, ['p1', 'p2']),
  reference('user:b', { action: 'use', targetId: 't', targetName: 'Bea' }, ['p3']),
  reference('group:c', null, ['p2', 'p4']),
  reference('group:d', { action: 'drop' }, ['p5']),
];

describe('the references nothing is decided for, and their policies', () => {
  it('finds the undecided references and each policy that needs one, once', () => {
    expect(unresolvedReferences(mapping)).toEqual({ references: ['group:a', 'group:c'], policies: ['p1', 'p2', 'p4'] });
  });

  it('leaves every one of them out of its policies', () => {
    expect(droppingAll(unresolvedReferences(mapping))).toEqual({ 'group:a': { action: 'drop' }, 'group:c': { action: 'drop' } });
  });

  it('takes the policies that need one out of the choice, from every policy or from the choice made', () => {
    const all = ['p1', 'p2', 'p3', 'p4', 'p5'];
    expect(withoutUnresolved(all, undefined, unresolvedReferences(mapping))).toEqual(['p3', 'p5']);
    expect(withoutUnresolved(all, ['p1', 'p5'], unresolvedReferences(mapping))).toEqual(['p5']);
  });
});
