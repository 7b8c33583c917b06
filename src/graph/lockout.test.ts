import { describe, expect, it } from 'vitest';
import { assessLockout } from './lockout';

const admin = { id: 'admin-id', name: 'Ada' };
const emergency = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [{ id: 'g-bg', name: 'Emergency access' }] };
const policy = (over: Record<string, unknown> = {}, users: Record<string, unknown> = { includeUsers: ['All'] }) => ({
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  ...over,
});

describe('assessLockout', () => {
  it('names the admin and every emergency account a block on all users would lock out', () => {
    expect(assessLockout(policy(), admin, emergency).map((r) => r.who)).toEqual(['Ada (you)', 'Break Glass 01 (emergency access)', 'Members of Emergency access (emergency access)']);
  });

  it('is quiet when the emergency group and the admin are excluded', () => {
    expect(assessLockout(policy({}, { includeUsers: ['All'], excludeUsers: ['admin-id'], excludeGroups: ['g-bg'] }), admin, emergency)).toEqual([]);
  });

  it('is quiet for report-only and off policies, and for policies that target no resource', () => {
    expect(assessLockout(policy({ state: 'enabledForReportingButNotEnforced' }), admin, emergency)).toEqual([]);
    expect(assessLockout(policy({ conditions: { applications: { includeApplications: ['None'] }, users: { includeUsers: ['All'] } } }), admin, emergency)).toEqual([]);
  });

  it('treats MFA as something the admin has, but not the emergency accounts', () => {
    const risks = assessLockout(policy({ grantControls: { operator: 'OR', builtInControls: ['mfa'] } }), admin, emergency);
    expect(risks.map((r) => r.who)).toEqual(['Break Glass 01 (emergency access)', 'Members of Emergency access (emergency access)']);
    expect(risks[0]!.why).toBe('It applies to all users and requires mfa.');
  });

  it('warns the admin about device and strength requirements', () => {
    const risks = assessLockout(policy({ grantControls: { operator: 'AND', builtInControls: ['compliantDevice'], authenticationStrength: { id: 's' } } }), admin, { users: [], groups: [] });
    expect(risks).toEqual([{ who: 'Ada (you)', why: 'It applies to all users and requires compliantDevice and an authentication strength.' }]);
  });
});
