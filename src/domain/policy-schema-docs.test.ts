// Keeps the schema up with Graph's documentation, which runs ahead of the typings package: every
// property (and documented value) that the beta resource pages of microsoft-graph-docs-contrib give a
// policy and its conditions, page by page, must be known to the schema (the real exports of
// ../shared/corpus are checked in testing/integration/policy-corpus-schema.test.ts). The pages were
// read in their latest stored versions (api-reference/beta/resources/, and learn.microsoft.com with
// ?view=graph-rest-beta where the stored repository copy was older).
import { describe, expect, it } from 'vitest';
import { conditionalAccessPolicySchema } from './policy-schema';

type Schema = {
  properties?: Record<string, Schema>;
  enum?: unknown[];
  items?: Schema;
  examples?: unknown[];
  anyOf?: Schema[];
  const?: unknown;
};

interface DocPage {
  /** The page, under api-reference/beta/resources/. */
  page: string;
  /** Where the type sits in a policy ('' for the policy itself). */
  at: string[];
  /** Each documented property, with the values the page names for it (enum members, special ids). */
  properties: Record<string, string[]>;
}

const riskLevels = ['low', 'medium', 'high', 'hidden', 'none'];
const platforms = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux', 'all'];
const filters = [
  'conditions.applications.applicationFilter',
  'conditions.clientApplications.servicePrincipalFilter',
  'conditions.clientApplications.agentIdServicePrincipalFilter',
  'conditions.devices.deviceFilter',
];
const guests = ['conditions.users.includeGuestsOrExternalUsers', 'conditions.users.excludeGuestsOrExternalUsers'];
const tenants = guests.map((g) => `${g}.externalTenants`);
const toggles = [
  'applicationEnforcedRestrictions',
  'cloudAppSecurity',
  'persistentBrowser',
  'signInFrequency',
  'secureSignInSession',
  'globalSecureAccessFilteringProfile',
].map((c) => `sessionControls.${c}`);

// unknownFutureValue is the enums' sentinel, never written in a policy: left out.
const pages: DocPage[] = [
  {
    page: 'conditionalaccesspolicy.md',
    at: [''],
    properties: {
      conditions: [],
      createdDateTime: [],
      description: [],
      displayName: [],
      grantControls: [],
      id: [],
      modifiedDateTime: [],
      sessionControls: [],
      state: ['enabled', 'disabled', 'enabledForReportingButNotEnforced'],
      templateId: [],
    },
  },
  { page: 'policydeletableitem.md', at: [''], properties: { deletedDateTime: [] } },
  {
    page: 'conditionalaccessconditionset.md',
    at: ['conditions'],
    properties: {
      agentIdRiskLevels: ['low', 'medium', 'high'],
      applications: [],
      authenticationFlows: [],
      clientApplications: [],
      clientAppTypes: ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'],
      deviceStates: [],
      devices: [],
      insiderRiskLevels: ['minor', 'moderate', 'elevated'],
      locations: [],
      platforms: [],
      servicePrincipalRiskLevels: ['low', 'medium', 'high', 'none'],
      signInRiskLevels: riskLevels,
      userRiskLevels: riskLevels,
      users: [],
    },
  },
  {
    page: 'conditionalaccessapplications.md',
    at: ['conditions.applications'],
    properties: {
      applicationFilter: [],
      excludeApplications: ['Office365', 'MicrosoftAdminPortals'],
      globalSecureAccess: [],
      includeApplications: ['All', 'None', 'Office365', 'MicrosoftAdminPortals', 'AllAgentIdResources'],
      includeAuthenticationContextClassReferences: [],
      includeUserActions: ['urn:user:registersecurityinfo', 'urn:user:registerdevice'],
      networkAccess: [],
    },
  },
  {
    page: 'conditionalaccessusers.md',
    at: ['conditions.users'],
    properties: {
      excludeGroups: [],
      excludeGuestsOrExternalUsers: [],
      excludeRoles: [],
      excludeUsers: ['GuestsOrExternalUsers'],
      includeGroups: ['All'],
      includeGuestsOrExternalUsers: [],
      includeRoles: ['All'],
      // AllAgentIdUsers: the beta list page's agent example (conditionalaccessroot-list-policies.md).
      includeUsers: ['All', 'None', 'GuestsOrExternalUsers', 'AllAgentIdUsers'],
    },
  },
  {
    page: 'conditionalaccessguestsorexternalusers.md',
    at: guests,
    properties: {
      externalTenants: [],
      guestOrExternalUserTypes: [
        'none',
        'internalGuest',
        'b2bCollaborationGuest',
        'b2bCollaborationMember',
        'b2bDirectConnectUser',
        'otherExternalUser',
        'serviceProvider',
      ],
    },
  },
  { page: 'conditionalaccessexternaltenants.md', at: tenants, properties: { membershipKind: ['all', 'enumerated'] } },
  { page: 'conditionalaccessallexternaltenants.md', at: tenants, properties: { membershipKind: ['all'] } },
  { page: 'conditionalaccessenumeratedexternaltenants.md', at: tenants, properties: { members: [], membershipKind: ['enumerated'] } },
  {
    page: 'conditionalaccessclientapplications.md',
    at: ['conditions.clientApplications'],
    properties: {
      agentIdServicePrincipalFilter: [],
      excludeAgentIdServicePrincipals: [],
      excludeServicePrincipals: [],
      // All: the beta create page's agent examples.
      includeAgentIdServicePrincipals: ['All'],
      includeServicePrincipals: ['ServicePrincipalsInMyTenant'],
      servicePrincipalFilter: [],
    },
  },
  {
    page: 'conditionalaccessdevices.md',
    at: ['conditions.devices'],
    properties: { deviceFilter: [], excludeDevices: [], excludeDeviceStates: [], includeDevices: [], includeDeviceStates: [] },
  },
  { page: 'conditionalaccessdevicestates.md', at: ['conditions.deviceStates'], properties: { excludeStates: [], includeStates: [] } },
  {
    page: 'conditionalaccesslocations.md',
    at: ['conditions.locations'],
    properties: { excludeLocations: ['AllTrusted'], includeLocations: ['All', 'AllTrusted'] },
  },
  {
    page: 'conditionalaccessplatforms.md',
    at: ['conditions.platforms'],
    properties: { excludePlatforms: platforms, includePlatforms: platforms },
  },
  {
    page: 'conditionalaccessauthenticationflows.md',
    at: ['conditions.authenticationFlows'],
    properties: { transferMethods: ['none', 'deviceCodeFlow', 'authenticationTransfer'] },
  },
  { page: 'conditionalaccessfilter.md', at: filters, properties: { mode: ['include', 'exclude'], rule: [] } },
  {
    page: 'conditionalaccessgrantcontrols.md',
    at: ['grantControls'],
    properties: {
      authenticationStrength: [],
      builtInControls: [
        'block',
        'mfa',
        'compliantDevice',
        'domainJoinedDevice',
        'approvedApplication',
        'compliantApplication',
        'passwordChange',
        'riskRemediation',
      ],
      customAuthenticationFactors: [],
      operator: ['AND', 'OR'],
      termsOfUse: [],
    },
  },
  {
    page: 'authenticationstrengthpolicy.md',
    at: ['grantControls.authenticationStrength'],
    properties: {
      allowedCombinations: [],
      combinationConfigurations: [],
      createdDateTime: [],
      description: [],
      displayName: [],
      id: [],
      modifiedDateTime: [],
      policyType: ['builtIn', 'custom'],
      requirementsSatisfied: [],
    },
  },
  {
    page: 'conditionalaccesssessioncontrols.md',
    at: ['sessionControls'],
    properties: {
      applicationEnforcedRestrictions: [],
      cloudAppSecurity: [],
      continuousAccessEvaluation: [],
      disableResilienceDefaults: [],
      globalSecureAccessFilteringProfile: [],
      persistentBrowser: [],
      secureSignInSession: [],
      signInFrequency: [],
    },
  },
  { page: 'conditionalaccesssessioncontrol.md', at: toggles, properties: { isEnabled: [] } },
  {
    page: 'applicationenforcedrestrictionssessioncontrol.md',
    at: ['sessionControls.applicationEnforcedRestrictions'],
    properties: { isEnabled: [] },
  },
  {
    page: 'cloudappsecuritysessioncontrol.md',
    at: ['sessionControls.cloudAppSecurity'],
    properties: { cloudAppSecurityType: ['mcasConfigured', 'monitorOnly', 'blockDownloads'], isEnabled: [] },
  },
  {
    page: 'continuousaccessevaluationsessioncontrol.md',
    at: ['sessionControls.continuousAccessEvaluation'],
    properties: { mode: ['strictEnforcement', 'disabled', 'strictLocation'] },
  },
  {
    page: 'persistentbrowsersessioncontrol.md',
    at: ['sessionControls.persistentBrowser'],
    properties: { isEnabled: [], mode: ['always', 'never'] },
  },
  {
    page: 'signinfrequencysessioncontrol.md',
    at: ['sessionControls.signInFrequency'],
    properties: {
      authenticationType: ['primaryAndSecondaryAuthentication', 'secondaryAuthentication'],
      frequencyInterval: ['timeBased', 'everyTime'],
      isEnabled: [],
      type: ['days', 'hours'],
      value: [],
    },
  },
  { page: 'securesigninsessioncontrol.md', at: ['sessionControls.secureSignInSession'], properties: { isEnabled: [] } },
  {
    page: 'globalsecureaccessfilteringprofilesessioncontrol.md',
    at: ['sessionControls.globalSecureAccessFilteringProfile'],
    properties: { isEnabled: [], profileId: [] },
  },
];

const root = conditionalAccessPolicySchema as Schema;
const schemaAt = (at: string): Schema | undefined =>
  (at ? at.split('.') : []).reduce<Schema | undefined>((node, key) => node?.properties?.[key], root);
const valuesIn = (schema: Schema): unknown[] => [
  ...(schema.enum ?? []),
  ...(schema.examples ?? []),
  ...('const' in schema ? [schema.const] : []),
  ...(schema.items ? valuesIn(schema.items) : []),
  ...(schema.anyOf ?? []).flatMap(valuesIn),
];

describe('the policy schema, against Graph’s beta resource pages', () => {
  it('knows every documented property, where the pages put it, and every value they name', () => {
    const missing: string[] = [];
    for (const { page, at, properties } of pages) {
      for (const place of at) {
        const type = schemaAt(place);
        if (!type?.properties) {
          missing.push(`${place} (${page}): not an object in the schema`);
          continue;
        }
        for (const [name, values] of Object.entries(properties)) {
          const property = type.properties[name];
          if (!property) missing.push(`${place ? `${place}.` : ''}${name} (${page})`);
          else
            for (const value of values)
              if (!valuesIn(property).includes(value)) missing.push(`${place ? `${place}.` : ''}${name} = "${value}" (${page})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the pages of every type a policy is made of (the list itself is whole)', () => {
    const listed = new Set(
      pages.flatMap((p) => p.at.flatMap((at) => Object.keys(p.properties).map((name) => (at ? `${at}.${name}` : name)))),
    );
    // Every object the schema describes inside a policy is covered by some page, except what the
    // pages do not describe: the deprecated network access objects and what Graph returns undocumented.
    const undocumented = new Set([
      'partialEnablementStrategy',
      'conditions.times',
      'conditions.signInRiskDetections',
      'conditions.clients',
      'conditions.agents',
      'conditions.agentContext',
      'sessionControls.networkAccessSecurity',
      'sessionControls.blockSensitiveActions',
    ]);
    const unlisted: string[] = [];
    const visit = (schema: Schema, path: string) => {
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        const childPath = path ? `${path}.${name}` : name;
        if (name === '@odata.type' || undocumented.has(childPath)) continue;
        if (!listed.has(childPath)) unlisted.push(childPath);
        visit(child, childPath);
      }
    };
    visit(root, '');
    expect(unlisted).toEqual([]);
  });
});
