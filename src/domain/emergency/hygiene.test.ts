import { describe, expect, it } from 'vitest';
import { checkHygiene, type HygieneFacts } from './hygiene';

const bg1 = { id: 'bg1', name: 'Break Glass 01' };
const bg2 = { id: 'bg2', name: 'Break Glass 02' };
const group = { id: 'g', name: 'Emergency access' };
const facts = (over: Partial<HygieneFacts> = {}): HygieneFacts => ({
  groups: {
    g: {
      ok: true,
      value: {
        id: 'g',
        displayName: 'Emergency access',
        groupTypes: [],
        membershipRule: null,
        onPremisesSyncEnabled: null,
        isAssignableToRole: true,
      },
    },
  },
  members: { g: { ok: true, value: [bg1, bg2] } },
  users: {
    bg1: { ok: true, value: { id: 'bg1', displayName: bg1.name, accountEnabled: true, onPremisesSyncEnabled: null } },
    bg2: { ok: true, value: { id: 'bg2', displayName: bg2.name, accountEnabled: true, onPremisesSyncEnabled: null } },
  },
  ...over,
});
const failed = (checks: ReturnType<typeof checkHygiene>) =>
  checks.filter((c) => c.status !== 'pass').map((c) => `${c.subject}: ${c.check}`);

describe('emergency-access hygiene', () => {
  it('passes a protected, assigned, cloud-only group of two enabled configured accounts', () => {
    expect(failed(checkHygiene({ users: [bg1, bg2], groups: [group] }, facts()))).toEqual([]);
  });

  it('fails a dynamic, synchronised, unprotected group with a stranger and a disabled account', () => {
    const f = facts({
      groups: {
        g: {
          ok: true,
          value: {
            id: 'g',
            displayName: 'Emergency access',
            groupTypes: ['DynamicMembership'],
            membershipRule: 'user.department -eq "IT"',
            onPremisesSyncEnabled: true,
            isAssignableToRole: null,
          },
        },
      },
      members: { g: { ok: true, value: [bg1, { id: 'x', name: 'Mallory' }] } },
    });
    f.users.bg1 = { ok: true, value: { id: 'bg1', displayName: bg1.name, accountEnabled: false, onPremisesSyncEnabled: null } };
    const checks = checkHygiene({ users: [bg1, bg2], groups: [group] }, f);
    expect(failed(checks)).toEqual([
      'Group Emergency access: Assigned membership',
      'Group Emergency access: Cloud-only',
      'Group Emergency access: Protected',
      'Group Emergency access: Members',
      'Account Break Glass 01: Enabled',
      'Account Mallory: Enabled',
      'Account Mallory: Cloud-only',
    ]);
    expect(checks.find((c) => c.check === 'Members')!.detail).toBe(
      'not configured as emergency accounts: Mallory; configured accounts not in it: Break Glass 02.',
    );
  });

  it('says what could not be read instead of passing it', () => {
    const checks = checkHygiene(
      { users: [], groups: [group] },
      {
        groups: { g: { ok: false, reason: 'no permission (403)' } },
        members: { g: { ok: false, reason: 'no permission (403)' } },
        users: {},
      },
    );
    expect(checks.map((c) => [c.check, c.status, c.detail])).toEqual([
      ['Assigned membership', 'unknown', 'Could not be read: no permission (403)'],
      ['Cloud-only', 'unknown', 'Could not be read: no permission (403)'],
      ['Protected', 'unknown', 'Could not be read: no permission (403)'],
      ['Members', 'unknown', 'Could not be read: no permission (403)'],
    ]);
  });

  it('asks for a second account when only one is configured and no group', () => {
    expect(failed(checkHygiene({ users: [bg1], groups: [] }, facts()))).toEqual(['Emergency accounts: At least two']);
  });
  it('counts a group in a restricted management administrative unit as protected, and says when units could not be read', () => {
    const unassignable = (units: HygieneFacts['units']) => {
      const f = facts({ units });
      const g = f.groups.g!;
      if (g.ok) g.value.isAssignableToRole = false;
      return checkHygiene({ users: [bg1, bg2], groups: [group] }, f).find((c) => c.check === 'Protected')!;
    };
    const restricted = unassignable({ g: { ok: true, value: [{ id: 'au', name: 'RMAU break glass', restricted: true }] } });
    expect(restricted).toMatchObject({ status: 'pass' });
    expect(restricted.detail).toContain('RMAU break glass');
    expect(unassignable({ g: { ok: true, value: [{ id: 'au', name: 'Helpdesk NL', restricted: false }] } })).toMatchObject({
      status: 'fail',
    });
    expect(unassignable({ g: { ok: false, reason: 'the permissions granted to Gatehouse do not allow it (403)' } })).toMatchObject({
      status: 'unknown',
    });
  });
});
