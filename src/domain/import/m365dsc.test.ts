import { describe, expect, it } from 'vitest';
import { readDscConfiguration } from './m365dsc';
import { readImport } from './read-import';

const configuration = (body: string) => `Configuration CA
{
    Import-DscResource -ModuleName Microsoft365DSC
    node localhost
    {
        AADGroup 'Breakglass'
        {
            DisplayName = 'Break glass'
        }
        AADConditionalAccessPolicy 'Policy'
        {
${body}
        }
    }
}`;

describe('readDscConfiguration', () => {
  it("maps DSC's flat properties to Graph's policy, enum values in Graph's casing", () => {
    const { policies, otherResources } = readDscConfiguration(
      configuration(`
            DisplayName                          = 'Guests: MFA and terms'
            State                                = 'enabledForReportingButNotEnforced'
            IncludeUsers                         = @('GuestsOrExternalUsers')
            IncludeGuestOrExternalUserTypes      = @('b2bCollaborationGuest', 'otherExternalUser')
            IncludeExternalTenantsMembershipKind = 'all'
            ExcludeGroups                        = @('Break glass')
            ExcludeLocations                     = @('Head office', 'Multifactor authentication trusted IPs')
            IncludeLocations                     = @('All')
            IncludePlatforms                     = @('Ios', 'Android')
            BuiltInControls                      = @('Mfa')
            GrantControlOperator                 = 'AND'
            TermsOfUse                           = 'Guest terms'
            AuthenticationStrength               = 'Multifactor authentication'
            PersistentBrowserIsEnabled           = $true
            PersistentBrowserMode                = 'Never'
            ApplicationEnforcedRestrictionsIsEnabled = $false
            CloudAppSecurityIsEnabled            = $false
            FutureProperty                       = 'kept'
            Ensure                               = 'Present'
            Credential                           = $Credscredential`),
    );
    expect(otherResources).toBe(1);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ absent: false, unknown: ['FutureProperty'], variables: [], line: 10 });
    expect(policies[0]!.policy).toEqual({
      displayName: 'Guests: MFA and terms',
      state: 'enabledForReportingButNotEnforced',
      futureProperty: 'kept',
      conditions: {
        users: {
          includeUsers: ['GuestsOrExternalUsers'],
          excludeGroups: ['Break glass'],
          includeGuestsOrExternalUsers: {
            guestOrExternalUserTypes: 'b2bCollaborationGuest,otherExternalUser',
            externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
          },
        },
        locations: { excludeLocations: ['Head office', 'Multifactor authentication trusted IPs'], includeLocations: ['All'] },
        platforms: { includePlatforms: ['iOS', 'android'] },
      },
      grantControls: {
        builtInControls: ['mfa'],
        operator: 'AND',
        termsOfUse: ['Guest terms'],
        authenticationStrength: { id: 'Multifactor authentication' },
      },
      sessionControls: { persistentBrowser: { isEnabled: true, mode: 'never' } },
    });
  });

  it('turns names into ids where they are built in, and declares the rest for the plan', async () => {
    const text = configuration(`
            DisplayName            = 'Admins'
            IncludeRoles           = @('Global Administrator', 'Company Administrator', 'Tenant Helpdesk (custom)')
            ExcludeLocations       = @('Head office', 'Multifactor authentication trusted IPs')
            TermsOfUse             = 'Admin terms'
            AuthenticationStrength = 'Phishing-resistant MFA'
            AuthenticationContexts = @('Sensitive actions')
            IncludeApplications    = @('Office 365')`);
    const set = await readImport([{ path: 'admins.ps1', bytes: new TextEncoder().encode(text) }]);
    const [policy] = set.sections.policies;
    expect(policy).toMatchObject({
      conditions: {
        users: {
          includeRoles: ['62e90394-69f5-4237-9190-012177145e10', '62e90394-69f5-4237-9190-012177145e10', 'Tenant Helpdesk (custom)'],
        },
        locations: { excludeLocations: ['Head office', '00000000-0000-0000-0000-000000000000'] },
        applications: { includeApplications: ['Office365'], includeAuthenticationContextClassReferences: ['Sensitive actions'] },
      },
      grantControls: { termsOfUse: ['Admin terms'], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } },
    });
    expect(set.references).toEqual([
      {
        kind: 'role',
        id: '62e90394-69f5-4237-9190-012177145e10',
        displayName: 'Global Administrator',
        roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
        exists: true,
      },
      { kind: 'role', id: 'Tenant Helpdesk (custom)', displayName: 'Tenant Helpdesk (custom)', exists: true },
    ]);
    expect(set.sectionReferences).toEqual([
      { kind: 'namedLocation', id: 'Head office', displayName: 'Head office' },
      { kind: 'authenticationContext', id: 'Sensitive actions', displayName: 'Sensitive actions' },
      { kind: 'termsOfUse', id: 'Admin terms', displayName: 'Admin terms' },
    ]);
    expect(set.files[0]!.message).toBe(
      '1 policy. Built-in roles or strengths named by display name, taken by id: “Global Administrator” and “Phishing-resistant MFA”. 4 names where ids belong, to match in the target: “Tenant Helpdesk (custom)”, “Head office”, “Sensitive actions” and 1 more. 1 other DSC resource set aside.',
    );
  });
});
