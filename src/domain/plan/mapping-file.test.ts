import { describe, expect, it } from 'vitest';
import { applyMappingFile, mappingFile, MappingFileError } from './mapping-file';
import { defaultChoices, type MappingRow } from './types';

const row = (key: string, sourceName: string, chosen: boolean, choice: MappingRow['choice']): MappingRow => ({
  key,
  kind: 'group',
  sourceValue: key.split(':')[1]!,
  sourceName,
  sourceDetail: null,
  status: 'none',
  why: '',
  candidates: [],
  choice,
  chosen,
  uses: [],
  canCreate: true,
  problems: [],
});

const ends = { source: { tenantId: 'src', tenantName: 'Contoso' }, target: { tenantId: 'dst', tenantName: 'Fabrikam' } };

describe('a saved mapping', () => {
  it('keeps the admin’s choices, not the proposals, and applies them to the next plan', () => {
    const rows = [
      row('group:a', 'Contractors', true, { action: 'create' }),
      row('group:b', 'Finance', true, { action: 'use', targetId: 'x', targetName: 'Finance (EU)' }),
      row('group:c', 'HR', false, { action: 'use', targetId: 'y', targetName: 'HR' }),
    ];
    const file = mappingFile(
      rows,
      { ...defaultChoices(), domains: [{ from: 'contoso.com', to: 'fabrikam.com' }] },
      ends,
      new Date('2026-11-30T12:00:00Z'),
    );
    expect(file.choices.map((c) => c.sourceName)).toEqual(['Contractors', 'Finance']);

    const next = [row('group:b', 'Finance', false, null), row('group:d', 'Sales', false, null)];
    const applied = applyMappingFile(JSON.parse(JSON.stringify(file)), next, 'dst');
    expect(applied.mapping).toEqual({ 'group:b': { action: 'use', targetId: 'x', targetName: 'Finance (EU)' } });
    expect(applied.domains).toEqual([{ from: 'contoso.com', to: 'fabrikam.com' }]);
    expect(applied.notes).toEqual(['1 saved choice applied.', 'Not in this import, so not used: Contractors.']);
  });

  it('is refused for another target tenant, whose ids would mean nothing', () => {
    const file = mappingFile([], defaultChoices(), ends, new Date());
    expect(() => applyMappingFile(file, [], 'elsewhere')).toThrow(MappingFileError);
    expect(() => applyMappingFile({ value: [] }, [], 'dst')).toThrow('This is not a Gatehouse mapping file.');
  });
});
