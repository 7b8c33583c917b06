// The plan's lock-out guard asks for the tick only for a risk the plan adds: an update is judged against
// the live policy it replaces (a risk that policy already carries is said, not asked about), while a
// create or a restore adds whatever risk it carries (a deleted policy enforces nothing today).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { planPolicies } from './policy-rows';
import { targetTenant } from './test-fixtures';
import { defaultChoices, type PlanChoices, type PlanTarget } from './types';

const ID = 'cccccccc-0000-0000-0000-000000000900';
const guard = { admin: { id: 'admin-1', name: 'Ada' }, emergency: { users: [], groups: [] } };

/** An On policy blocking every user from every app, the admin excluded when `adminExcluded`. */
const blockAll = (name: string, adminExcluded = false): JsonObject => ({
  id: ID,
  displayName: name,
  state: 'enabled',
  conditions: {
    clientAppTypes: ['all'],
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'], ...(adminExcluded ? { excludeUsers: ['admin-1'] } : {}) },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});

const rowFor = (imported: JsonObject, target: PlanTarget, choices: PlanChoices = defaultChoices()) =>
  planPolicies([{ rowKey: `policy:${ID}`, name: String(imported.displayName), policy: imported }], target, choices, new Map())[0]!;

describe('the lock-out guard of a plan’s policy rows', () => {
  it('says a risk the live policy already carries as a warning, without a tick to ask for, when an update only renames it', () => {
    const row = rowFor(blockAll('CA900 Block everyone'), targetTenant({ policies: [blockAll('CA900 Block all')], guard }));
    expect(row.action).toBe('update');
    expect(row.problems).toEqual([
      {
        severity: 'warning',
        text: 'Already so today: it could lock out Ada (you). It applies to all users and blocks access. This change does not add to it.',
      },
    ]);
  });

  it('still blocks, with its key to confirm, when the update adds the risk (the live policy excludes the admin)', () => {
    const row = rowFor(blockAll('CA900 Block all'), targetTenant({ policies: [blockAll('CA900 Block all', true)], guard }));
    expect(row.action).toBe('update');
    expect(row.problems).toEqual([
      {
        severity: 'blocker',
        kind: 'lockout',
        text: 'Could lock out Ada (you): It applies to all users and blocks access.',
        confirmKey: `lockout:policy:${ID}:Ada (you)`,
        confirmed: false,
      },
    ]);
  });

  it('still blocks a restore brought back On: the deleted policy enforces nothing today, however it was when deleted', () => {
    const deleted = { ...blockAll('CA900 Block all'), deletedDateTime: '2026-11-20T10:00:00Z' };
    const row = rowFor(blockAll('CA900 Block all'), targetTenant({ deletedPolicies: [deleted], guard }), {
      ...defaultChoices(),
      states: 'source',
    });
    expect(row.action).toBe('restore');
    expect(row.problems.filter((p) => p.severity === 'blocker').map((p) => p.text)).toEqual([
      'Could lock out Ada (you): It applies to all users and blocks access.',
    ]);
  });
});
