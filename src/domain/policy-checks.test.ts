import { describe, expect, it } from 'vitest';
import { blocksSaving, checkPolicy } from './policy-checks';

const valid = {
  displayName: 'Require MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: {
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['All'], excludeGroups: ['8d9c5a1e-1111-4222-8333-444455556666'] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  sessionControls: null,
};
const withChange = (change: (p: typeof valid & Record<string, unknown>) => void) => {
  const copy = structuredClone(valid) as typeof valid & Record<string, unknown>;
  change(copy);
  return checkPolicy(copy);
};

describe('checkPolicy', () => {
  it('finds nothing wrong with a valid policy', () => {
    expect(checkPolicy(valid)).toEqual([]);
  });

  it('reports schema errors where they are, with 1007', () => {
    const findings = withChange((p) => {
      p.state = 'on';
      p.conditions.clientAppTypes = ['legacy'];
    });
    expect(findings.filter((f) => f.code === '1007').map((f) => f.path.join('.'))).toEqual(
      expect.arrayContaining(['state', 'conditions.clientAppTypes.0']),
    );
    expect(blocksSaving(findings)).toBe(true);
  });

  it('knows applications and user actions cannot be combined (1012)', () => {
    const findings = withChange(
      (p) => ((p.conditions.applications as Record<string, unknown>).includeUserActions = ['urn:user:registersecurityinfo']),
    );
    expect(findings).toContainEqual(expect.objectContaining({ code: '1012', path: ['conditions', 'applications', 'includeUserActions'] }));
  });

  it('knows password change needs MFA under AND (1032)', () => {
    const findings = withChange((p) => {
      p.grantControls = { operator: 'OR', builtInControls: ['passwordChange', 'mfa'] };
      (p.conditions as Record<string, unknown>).userRiskLevels = ['high'];
    });
    expect(findings).toContainEqual(expect.objectContaining({ code: '1032', path: ['grantControls', 'builtInControls'] }));
  });

  it('knows risk remediation needs an authentication strength under AND', () => {
    const findings = withChange((p) => {
      p.grantControls = { operator: 'AND', builtInControls: ['riskRemediation'] };
      (p.conditions as Record<string, unknown>).userRiskLevels = ['high'];
    });
    expect(findings.map((f) => f.message)).toContainEqual(expect.stringContaining('authentication strength'));
  });

  it('refuses a policy with neither grant nor session control', () => {
    expect(withChange((p) => ((p as Record<string, unknown>).grantControls = null)).map((f) => f.path.join('.'))).toContain(
      'grantControls',
    );
  });

  it('warns about an object both included and excluded, without blocking: Graph accepts it', () => {
    const id = '8d9c5a1e-1111-4222-8333-444455556666';
    const findings = withChange((p) => ((p.conditions.users as Record<string, unknown>).includeGroups = [id]));
    expect(findings).toEqual([expect.objectContaining({ path: ['conditions', 'users', 'includeGroups', 0], severity: 'warning' })]);
    expect(blocksSaving(findings)).toBe(false);
  });

  it('lets a real policy with AllTrusted both included and excluded be saved, saying why it is odd', () => {
    const findings = withChange(
      (p) => ((p.conditions as Record<string, unknown>).locations = { includeLocations: ['AllTrusted'], excludeLocations: ['AllTrusted'] }),
    );
    expect(findings).toEqual([
      {
        path: ['conditions', 'locations', 'includeLocations', 0],
        severity: 'warning',
        message: "'AllTrusted' is both included and excluded. The exclusion wins, so including it does nothing: probably a mistake.",
        rule: 'included-and-excluded',
      },
    ]);
    expect(blocksSaving(findings)).toBe(false);
  });

  it('warns, without blocking, about block combined with other grant controls', () => {
    const findings = withChange((p) => (p.grantControls = { operator: 'OR', builtInControls: ['block', 'mfa'] }));
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: ['grantControls', 'builtInControls'],
        message: expect.stringContaining('Block access wins'),
      }),
    ]);
    expect(blocksSaving(findings)).toBe(false);
  });

  it('still blocks what Graph refuses: password change without a user risk condition (1032)', () => {
    const findings = withChange((p) => (p.grantControls = { operator: 'AND', builtInControls: ['passwordChange', 'mfa'] }));
    expect(findings).toContainEqual(expect.objectContaining({ code: '1032', path: ['conditions', 'userRiskLevels'], severity: 'error' }));
    expect(blocksSaving(findings)).toBe(true);
  });

  it('notes read-only fields and unknown properties without blocking the save', () => {
    const findings = withChange((p) => {
      p.id = 'x';
      p.templateId = null;
      (p.conditions as Record<string, unknown>).quantumRiskLevels = ['high'];
    });
    expect(findings.map((f) => `${f.severity} ${f.path.join('.')}`)).toEqual([
      'info id',
      'info templateId',
      'warning conditions.quantumRiskLevels',
    ]);
    expect(blocksSaving(findings)).toBe(false);
  });

  it("warns of an empty list of client apps (Graph refuses it, 1064): it is written as 'all', so saving is not blocked", () => {
    const findings = withChange((p) => (p.conditions.clientAppTypes = []));
    const finding = findings.find((f) => f.path.join('.') === 'conditions.clientAppTypes');
    expect(finding).toMatchObject({ severity: 'warning', code: '1064' });
    expect(finding?.message).toMatch(/written as 'all'/);
    expect(blocksSaving(findings)).toBe(false);
  });

  it("blocks 'All' as a client app, as written: the console's checks and evaluation read 'all' only", () => {
    const findings = withChange((p) => (p.conditions.clientAppTypes = ['All']));
    expect(findings.map((f) => `${f.severity} ${f.path.join('.')}`)).toContain('error conditions.clientAppTypes.0');
    expect(blocksSaving(findings)).toBe(true);
  });
});
