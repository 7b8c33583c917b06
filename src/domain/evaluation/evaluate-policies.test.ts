import { describe, expect, it } from 'vitest';
import { evaluatePolicies, grantInWords } from './evaluate-policies';
import type { SignInFacts } from './sign-in';
import { ada, adaToExchange, context, ids, policy } from './test-fixtures';

const REPORT_ONLY = 'enabledForReportingButNotEnforced';
const allUsersExceptEmergency = { includeUsers: ['All'], excludeGroups: [ids.emergency] };

// Shapes of the demo tenant's policies (src/emulator/seed/contoso.ts), written out.
const contoso = [
  policy({
    name: 'CA001: Require MFA for all users',
    users: { ...allUsersExceptEmergency, excludeUsers: [ids.sync], excludeRoles: [ids.syncRole] },
    grant: { builtInControls: ['mfa'] },
  }),
  policy({
    name: 'CA002: Block legacy authentication',
    users: allUsersExceptEmergency,
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'CA006: Block access from outside allowed countries',
    users: { ...allUsersExceptEmergency, excludeUsers: ['GuestsOrExternalUsers'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [ids.allowedCountries, ids.corporate] } },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'CA007: Require compliant or hybrid joined device on desktops',
    state: REPORT_ONLY,
    users: { includeUsers: ['All'], excludeGroups: [ids.emergency, ids.contractors], excludeUsers: ['GuestsOrExternalUsers'] },
    conditions: { platforms: { includePlatforms: ['windows', 'macOS'], excludePlatforms: [] } },
    grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
  }),
  policy({
    name: 'CA009: Require app protection on phones for Office 365',
    users: { includeGroups: [ids.mobile], excludeGroups: [ids.emergency] },
    applications: { includeApplications: ['Office365'] },
    conditions: { platforms: { includePlatforms: ['android', 'iOS'] }, clientAppTypes: ['mobileAppsAndDesktopClients', 'browser'] },
    grant: { builtInControls: ['approvedApplication', 'compliantApplication'] },
  }),
  policy({
    name: 'CA010: Sign-in every 12 hours on unmanaged devices',
    users: allUsersExceptEmergency,
    conditions: {
      devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"' } },
    },
    grant: null,
    session: { signInFrequency: { isEnabled: true, type: 'hours', value: 12, frequencyInterval: 'timeBased' } },
  }),
  policy({
    name: 'CA013: Block users with elevated insider risk',
    state: REPORT_ONLY,
    users: allUsersExceptEmergency,
    conditions: { insiderRiskLevels: 'elevated' },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'CA025: Require compliant device for Contoso Expenses',
    state: 'disabled',
    grant: { builtInControls: ['compliantDevice'] },
  }),
];

const byName = (results: { displayName: string; result: string }[]) =>
  Object.fromEntries(results.map((r) => [r.displayName.slice(0, 5), r.result]));

describe('all policies for one sign-in', () => {
  it('evaluates the demo-shaped policies for an ordinary sign-in', () => {
    const { results, enforced, reportOnly } = evaluatePolicies(contoso, adaToExchange, context);
    expect(byName(results)).toEqual({
      CA001: 'applies',
      CA002: 'notApplied',
      CA006: 'notApplied',
      CA007: 'applies',
      CA009: 'notApplied',
      CA010: 'notApplied',
      CA013: 'notApplied',
      CA025: 'notApplied',
    });
    expect(enforced).toMatchObject({
      decision: 'controls',
      certain: true,
      summary: 'Requires multifactor authentication (CA001: Require MFA for all users).',
    });
    expect(reportOnly.grants.map((g) => g.displayName)).toEqual(['CA007: Require compliant or hybrid joined device on desktops']);
    expect(reportOnly.summary).toContain('device to be marked as compliant or Microsoft Entra hybrid joined device');
  });

  it('lets a block win over the controls of other policies', () => {
    const abroad: SignInFacts = { ...adaToExchange, ipAddress: '8.8.8.8', country: 'BR', device: { registered: false } };
    const { enforced } = evaluatePolicies(contoso, abroad, context);
    expect(enforced.decision).toBe('block');
    expect(enforced.blockedBy.map((b) => b.displayName)).toEqual(['CA006: Block access from outside allowed countries']);
    expect(enforced.summary).toBe('Blocked by CA006: Block access from outside allowed countries.');
    // The session controls of applying policies are listed all the same.
    expect(enforced.session.map((s) => s.control.control)).toEqual(['signInFrequency']);
  });

  it('keeps report-only blocks out of the enforced decision', () => {
    const insider: SignInFacts = { ...adaToExchange, insiderRiskLevel: 'elevated' };
    const { enforced, reportOnly } = evaluatePolicies(contoso, insider, context);
    expect(enforced.decision).toBe('controls');
    expect(reportOnly.decision).toBe('block');
  });

  it('says the decision is uncertain when a policy that may apply could change it', () => {
    const vague: SignInFacts = { identity: { ...ada, groupIds: undefined }, target: adaToExchange.target, clientAppType: 'browser' };
    const { enforced } = evaluatePolicies(contoso, vague, context);
    expect(enforced.certain).toBe(false);
    expect(enforced.indeterminate.find((i) => i.displayName.startsWith('CA006'))).toMatchObject({
      wouldBlock: true,
      missing: ['identity.groupIds', 'country', 'ipAddress'],
    });
    expect(enforced.summary).toContain('may apply but cannot be evaluated');
  });

  it('excludes the emergency accounts from every demo-shaped policy', () => {
    const breakGlass: SignInFacts = {
      ...adaToExchange,
      identity: { kind: 'user', userId: ids.breakGlass, groupIds: [ids.emergency], roleTemplateIds: [ids.globalAdmin], guest: null },
      clientAppType: 'other',
      insiderRiskLevel: 'elevated',
    };
    const { results, enforced } = evaluatePolicies(contoso, breakGlass, context);
    expect(results.filter((r) => r.result !== 'notApplied')).toEqual([]);
    expect(enforced).toMatchObject({ decision: 'allow', certain: true, summary: 'No policy applies.' });
  });
});

describe('grants and policies in words', () => {
  it('isolates the tenant’s names in them: a strength, a terms of use, a custom control and the policies', () => {
    const evil = 'Phish \u202Eresistant';
    expect(
      grantInWords({
        operator: 'AND',
        block: false,
        builtInControls: [],
        authenticationStrength: { id: 's1', displayName: evil },
        termsOfUse: ['\u202Eterms'],
        customAuthenticationFactors: ['Duo\u202E'],
      }),
    ).toBe('the authentication strength Phish \\u202Eresistant and terms of use \\u202Eterms and custom control Duo\\u202E');
    const named = policy({ name: 'CA\u202E01 block', users: { includeUsers: ['All'] }, grant: { builtInControls: ['block'] } });
    expect(evaluatePolicies([named], adaToExchange, context).enforced.summary).toBe('Blocked by CA\\u202E01 block.');
  });
});
