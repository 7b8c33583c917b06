// @vitest-environment jsdom
// Two policies of one import that share a name, from two files: the mapping's "Used in" column (and the
// warning for an exclusion left out) says which file each came from, or the admin cannot tell them apart.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readImport } from '../../domain/import/read-import';
import type { JsonObject } from '../../domain/json';
import { buildPlan } from '../../domain/plan/build-plan';
import { mfaPolicyFor, targetTenant } from '../../domain/plan/test-fixtures';
import { defaultChoices } from '../../domain/plan/types';
import { renderMappingTable } from './mapping-table-fixture';

// The directory search needs a signed-in tenant; it plays no part here.
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));

afterEach(cleanup);

const USER = 'aaaaaaaa-0000-0000-0000-000000000001';
const excluding = (id: string, name: string, app: string): JsonObject => ({
  ...mfaPolicyFor(`cccccccc-0000-0000-0000-00000000000${id}`, name, app),
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: [app] },
    users: { includeUsers: ['All'], excludeUsers: [USER] },
  },
});
const fileOf = (path: string, policies: JsonObject[]) => ({ path, bytes: new TextEncoder().encode(JSON.stringify(policies)) });

describe('MappingTable: policies of one name from two files', () => {
  it('names the file beside each in "Used in", and only where two share the name', async () => {
    const plan = buildPlan(
      await readImport([
        fileOf('demodata/policies.json', [excluding('1', 'baseline', 'All'), excluding('2', 'Finland', 'All')]),
        fileOf('demodata/extreme.json', [excluding('3', 'baseline', 'Office365')]),
      ]),
      targetTenant({ policies: [] }),
      defaultChoices(),
    );
    const row = plan.mapping.filter((r) => r.sourceValue === USER);
    renderMappingTable(row);
    const uses = screen.getAllByText(/: excluded users$/).map((use) => use.textContent);
    expect(uses).toEqual([
      'baseline (from demodata/policies.json): excluded users',
      'Finland: excluded users',
      'baseline (from demodata/extreme.json): excluded users',
    ]);
  });
});
