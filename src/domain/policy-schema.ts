// A JSON Schema of conditionalAccessPolicy (beta), written for this project: every property and
// nested type, enum values, the special values of id lists, a description on each property for hover
// help, the admin center's words for enum values (enumLabels, for the checks' sentences), and
// read-only properties marked. The same schema drives Monaco (completion, hover) and the checks
// before saving. Unknown properties are allowed: a newer Graph may add them, and they are passed
// through untouched (see unknownProperties). Unit tests compare this schema with
// @microsoft/microsoft-graph-types-beta and with Graph's beta resource pages, so that a new Graph
// property shows up as a failing test.
import { controlLabels } from './labels';

type Schema = Record<string, unknown>;

const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const guid = (what: string): Schema => ({ type: 'string', pattern: GUID, description: `The object id (a GUID) of a ${what}.` });

/** A single choice, with the admin center's word for each value (the checks' sentences use them). */
function choice(description: string, values: Record<string, string>): Schema {
  return { enum: Object.keys(values), enumLabels: Object.values(values), description };
}

/** An id list that also accepts special values (offered as completions). */
function idList(description: string, what: string, specials: Record<string, string> = {}): Schema {
  const entries = Object.entries(specials);
  return {
    type: 'array',
    description,
    uniqueItems: true,
    items: entries.length
      ? { anyOf: [...entries.map(([value, meaning]) => ({ const: value, description: meaning })), guid(what)] }
      : guid(what),
  };
}

function enumList(description: string, values: Record<string, string>): Schema {
  return {
    type: 'array',
    description,
    uniqueItems: true,
    items: { enum: Object.keys(values), enumLabels: Object.values(values), markdownEnumDescriptions: Object.values(values) },
  };
}

/** Graph's flags enums travel as one comma-separated string, e.g. "internalGuest,serviceProvider". */
function flags(description: string, values: string[]): Schema {
  const one = `(${values.join('|')})`;
  return {
    type: ['string', 'null'],
    description: `${description} Comma-separated: ${values.join(', ')}.`,
    pattern: `^${one}(,\\s*${one})*$`,
    examples: values,
  };
}

const nullableObject = (description: string, properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: ['object', 'null'],
  description,
  properties,
  ...(required.length ? { required } : {}),
});

const riskLevels = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  hidden: 'Hidden (risk details not shown)',
  none: 'No risk',
};
const platforms = {
  android: 'Android',
  iOS: 'iOS',
  windows: 'Windows',
  windowsPhone: 'Windows Phone',
  macOS: 'macOS',
  linux: 'Linux',
  all: 'Any device platform',
};

const filter = (what: string): Schema =>
  nullableObject(
    `A filter on ${what}, in the dynamic rule syntax.`,
    {
      mode: choice('include: the policy applies to matches only; exclude: matches are excluded.', {
        include: 'Include filtered',
        exclude: 'Exclude filtered',
      }),
      rule: { type: 'string', description: `The rule, e.g. device.isCompliant -eq True.` },
    },
    ['mode', 'rule'],
  );

const guestsOrExternalUsers = (which: string): Schema =>
  nullableObject(`Guests or external users to ${which}, by type and home tenant.`, {
    guestOrExternalUserTypes: flags('Kinds of guest or external user.', [
      'none',
      'internalGuest',
      'b2bCollaborationGuest',
      'b2bCollaborationMember',
      'b2bDirectConnectUser',
      'otherExternalUser',
      'serviceProvider',
    ]),
    externalTenants: nullableObject('Which home tenants: all, or an enumerated list.', {
      '@odata.type': choice('All external tenants, or the tenants listed in members.', {
        '#microsoft.graph.conditionalAccessAllExternalTenants': 'All external tenants',
        '#microsoft.graph.conditionalAccessEnumeratedExternalTenants': 'Selected external tenants',
      }),
      membershipKind: choice('all: any external tenant; enumerated: the tenants in members.', { all: 'All', enumerated: 'Selected' }),
      members: { type: 'array', items: guid('tenant'), description: 'Tenant ids, when membershipKind is enumerated.' },
    }),
  });

const sessionToggle = (description: string, extra: Record<string, Schema> = {}): Schema =>
  nullableObject(description, { isEnabled: { type: 'boolean', description: 'Whether this session control is on.' }, ...extra });

export const POLICY_SCHEMA_URI = 'https://gatehouse.local/schemas/conditional-access-policy.json';

export const conditionalAccessPolicySchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: POLICY_SCHEMA_URI,
  title: 'conditionalAccessPolicy',
  description: 'A Microsoft Entra Conditional Access policy (Microsoft Graph beta).',
  type: 'object',
  required: ['displayName', 'state', 'conditions'],
  properties: {
    id: { type: 'string', readOnly: true, description: 'The policy id. Read-only: set by the service.' },
    displayName: { type: 'string', minLength: 1, description: 'The policy name shown to admins.' },
    description: { type: ['string', 'null'], description: 'Not used by the service (beta).' },
    state: {
      enum: ['enabled', 'disabled', 'enabledForReportingButNotEnforced'],
      enumLabels: ['On', 'Off', 'Report-only'],
      markdownEnumDescriptions: ['On: enforced.', 'Off: not evaluated.', 'Report-only: evaluated and logged, not enforced.'],
      description: 'Whether the policy is on, off, or report-only.',
    },
    createdDateTime: { type: ['string', 'null'], readOnly: true, description: 'When the policy was created. Read-only.' },
    modifiedDateTime: { type: ['string', 'null'], readOnly: true, description: 'When the policy last changed. Read-only.' },
    deletedDateTime: {
      type: ['string', 'null'],
      readOnly: true,
      description: 'When the policy was deleted (deleted items only). Read-only.',
    },
    templateId: {
      type: ['string', 'null'],
      readOnly: true,
      description: 'The template the policy was created from. Read-only: sending it fails with 1118.',
    },
    partialEnablementStrategy: { readOnly: true, description: 'Returned by the service, undocumented. Read-only.' },
    conditions: {
      type: 'object',
      description: 'The rules that must be met for the policy to apply.',
      required: ['applications'],
      properties: {
        applications: nullableObject('Target resources: cloud apps, user actions or authentication contexts.', {
          includeApplications: idList('Apps (by appId) the policy applies to.', 'application (appId)', {
            All: 'All resources',
            None: 'No resources',
            Office365: 'Office 365 apps',
            MicrosoftAdminPortals: 'Microsoft Admin Portals',
            AllAgentIdResources: 'All agent resources (beta)',
          }),
          excludeApplications: idList('Apps (by appId) excluded from the policy.', 'application (appId)', {
            Office365: 'Office 365 apps',
            MicrosoftAdminPortals: 'Microsoft Admin Portals',
          }),
          includeUserActions: enumList('User actions the policy applies to. Cannot be combined with includeApplications (error 1012).', {
            'urn:user:registersecurityinfo': 'Register security information',
            'urn:user:registerdevice': 'Register or join devices',
            // Outside Graph's documented enum, but in Microsoft's own account-recovery template.
            'urn:user:accountrecovery': 'Account recovery',
          }),
          includeAuthenticationContextClassReferences: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', pattern: '^c([1-9]|[1-9][0-9])$', description: 'An authentication context id, c1 to c99.' },
            description: 'Authentication contexts (c1…c99) the policy applies to.',
          },
          applicationFilter: filter('applications (custom security attributes)'),
          networkAccess: { description: 'Deprecated: stopped returning data on June 1, 2025.' },
          globalSecureAccess: { description: 'Deprecated: stopped returning data on June 1, 2025.' },
        }),
        users: nullableObject('Users, groups, roles and guests the policy applies to.', {
          includeUsers: idList('Users the policy applies to.', 'user', {
            All: 'All users',
            None: 'No users',
            GuestsOrExternalUsers: 'All guests and external users (legacy)',
            // The user accounts of agents ("All agents acting as users"); agent identities are in clientApplications.
            AllAgentIdUsers: 'All agent users: agents acting as users (beta)',
          }),
          excludeUsers: idList('Users excluded from the policy.', 'user', {
            GuestsOrExternalUsers: 'All guests and external users (legacy)',
          }),
          includeGroups: idList('Groups whose members the policy applies to.', 'group', { All: 'All groups' }),
          excludeGroups: idList('Groups whose members are excluded.', 'group'),
          includeRoles: idList('Directory roles (by role template id) the policy applies to.', 'directory role template', {
            All: 'All directory roles',
          }),
          excludeRoles: idList('Directory roles (by role template id) excluded.', 'directory role template'),
          includeGuestsOrExternalUsers: guestsOrExternalUsers('include'),
          excludeGuestsOrExternalUsers: guestsOrExternalUsers('exclude'),
        }),
        clientApplications: nullableObject('Workload identities (service principals) and agent identities the policy applies to.', {
          includeServicePrincipals: idList('Service principals the policy applies to.', 'service principal', {
            ServicePrincipalsInMyTenant: 'All service principals owned by this tenant',
          }),
          excludeServicePrincipals: idList('Service principals excluded.', 'service principal'),
          servicePrincipalFilter: filter('service principals (custom security attributes)'),
          includeAgentIdServicePrincipals: idList('Agent identities the policy applies to (beta).', 'agent identity', {
            All: 'All agent identities',
          }),
          excludeAgentIdServicePrincipals: idList('Agent identities excluded (beta).', 'agent identity'),
          agentIdServicePrincipalFilter: filter('agent identities (beta)'),
        }),
        clientAppTypes: enumList('Client apps the policy applies to.', {
          all: 'All client apps',
          browser: 'Browser',
          mobileAppsAndDesktopClients: 'Mobile apps and desktop clients',
          exchangeActiveSync: 'Exchange ActiveSync clients',
          easSupported: 'Exchange ActiveSync clients (supported platforms)',
          other: 'Other clients (legacy authentication)',
        }),
        platforms: nullableObject('Device platforms.', {
          includePlatforms: enumList('Platforms the policy applies to.', platforms),
          excludePlatforms: enumList('Platforms excluded.', platforms),
        }),
        locations: nullableObject('Network locations.', {
          includeLocations: idList('Named locations the policy applies to.', 'named location', {
            All: 'Any network or location',
            AllTrusted: 'All trusted locations',
            '00000000-0000-0000-0000-000000000000': 'MFA trusted IPs (legacy)',
          }),
          excludeLocations: idList('Named locations excluded.', 'named location', {
            AllTrusted: 'All trusted locations',
            '00000000-0000-0000-0000-000000000000': 'MFA trusted IPs (legacy)',
          }),
        }),
        devices: nullableObject('Devices, by filter.', {
          deviceFilter: filter('devices'),
          includeDevices: { type: 'array', items: { type: 'string' }, description: 'Deprecated (beta): use deviceFilter.' },
          excludeDevices: { type: 'array', items: { type: 'string' }, description: 'Deprecated (beta): use deviceFilter.' },
          includeDeviceStates: { type: 'array', items: { type: 'string' }, description: 'Deprecated: use deviceFilter.' },
          excludeDeviceStates: { type: 'array', items: { type: 'string' }, description: 'Deprecated: use deviceFilter.' },
        }),
        deviceStates: nullableObject('Deprecated (beta): use devices.', {
          includeStates: { type: 'array', items: { type: 'string' }, description: 'Deprecated device states to include.' },
          excludeStates: { type: 'array', items: { type: 'string' }, description: 'Deprecated device states to exclude.' },
        }),
        signInRiskLevels: enumList('Sign-in risk levels (Entra ID Protection).', riskLevels),
        userRiskLevels: enumList('User risk levels (Entra ID Protection).', riskLevels),
        servicePrincipalRiskLevels: enumList('Service principal risk levels (workload identities).', riskLevels),
        agentIdRiskLevels: flags('Agent identity risk levels (beta).', ['low', 'medium', 'high']),
        insiderRiskLevels: flags('Insider risk levels (Purview adaptive protection).', ['minor', 'moderate', 'elevated']),
        authenticationFlows: nullableObject('Authentication flows.', {
          transferMethods: flags('Flows the policy applies to.', ['none', 'deviceCodeFlow', 'authenticationTransfer']),
        }),
        times: { description: 'Undocumented; returned as null.' },
        // Returned in templates' details (and by older tools' exports), on no resource page: opaque.
        signInRiskDetections: { description: 'Sign-in risk detections. Undocumented; templates return it as null.' },
        clients: { description: 'Undocumented; templates return it as null.' },
        // Graph beta returns these for agent policies (real exports carry them), but no resource page
        // describes them yet: known, so they are not reported as unknown, and described from exports.
        agents: nullableObject('Agent users (preview: returned by Graph beta, not yet on its resource pages).', {
          includeAgentUsers: idList('Agent users the policy applies to (preview).', 'agent user', { All: 'All agent users' }),
          excludeAgentUsers: idList('Agent users excluded (preview).', 'agent user'),
          agentFilter: filter('agent users (preview)'),
        }),
        agentContext: nullableObject('Where agent sessions start (preview: returned by Graph beta, not yet on its resource pages).', {
          includeAgentContexts: {
            type: 'array',
            items: { type: 'string' },
            description: 'Agent contexts the policy applies to, e.g. agentUserSessionsInitiatedFromEndpoints (preview).',
          },
          excludeAgentContexts: { type: 'array', items: { type: 'string' }, description: 'Agent contexts excluded (preview).' },
        }),
      },
    },
    grantControls: nullableObject('What users must do to get access, or block.', {
      operator: choice('AND: every control is required; OR: any one of them.', {
        AND: 'Require all the selected controls',
        OR: 'Require one of the selected controls',
      }),
      // The admin center's words (labels.ts), with the service's conditions where it has some.
      builtInControls: enumList('Built-in controls.', {
        ...controlLabels,
        passwordChange: `${controlLabels.passwordChange} (with mfa, under AND)`,
        riskRemediation: `${controlLabels.riskRemediation} (with an authentication strength, under AND)`,
      }),
      customAuthenticationFactors: { type: 'array', items: { type: 'string' }, description: 'Custom controls by id.' },
      termsOfUse: idList('Terms of use agreements users must accept.', 'terms of use agreement'),
      authenticationStrength: {
        type: ['object', 'null'],
        description: 'An authentication strength; on write only its id is needed.',
        properties: {
          id: {
            anyOf: [
              { const: '00000000-0000-0000-0000-000000000002', description: 'Multifactor authentication (built-in)' },
              { const: '00000000-0000-0000-0000-000000000003', description: 'Passwordless MFA (built-in)' },
              { const: '00000000-0000-0000-0000-000000000004', description: 'Phishing-resistant MFA (built-in)' },
              { type: 'string', pattern: GUID, description: 'A custom authentication strength.' },
            ],
            description: 'The authentication strength policy id.',
          },
          // Graph returns the strength expanded; only its id is written.
          displayName: { type: 'string', readOnly: true, description: 'The strength’s name (returned by the service; not written).' },
          description: {
            type: ['string', 'null'],
            readOnly: true,
            description: 'The strength’s description (returned by the service; not written).',
          },
          policyType: {
            ...choice('Built-in or custom (returned by the service; not written).', { builtIn: 'Built-in', custom: 'Custom' }),
            readOnly: true,
          },
          requirementsSatisfied: {
            type: 'string',
            readOnly: true,
            description: 'What the strength satisfies, e.g. mfa (returned by the service; not written).',
          },
          allowedCombinations: {
            type: 'array',
            items: { type: 'string' },
            readOnly: true,
            description: 'The method combinations it allows (returned by the service; not written).',
          },
          createdDateTime: {
            type: ['string', 'null'],
            readOnly: true,
            description: 'When the strength was created (returned by the service; not written).',
          },
          modifiedDateTime: {
            type: ['string', 'null'],
            readOnly: true,
            description: 'When the strength changed (returned by the service; not written).',
          },
          combinationConfigurations: { readOnly: true, description: 'Per-method settings (returned by the service; not written).' },
        },
      },
    }),
    sessionControls: nullableObject('Session controls, applied after sign-in.', {
      applicationEnforcedRestrictions: sessionToggle('App enforced restrictions (Exchange Online and SharePoint Online only).'),
      cloudAppSecurity: sessionToggle('Conditional Access App Control (Defender for Cloud Apps).', {
        cloudAppSecurityType: choice('Which Defender for Cloud Apps policy applies.', {
          mcasConfigured: 'Use custom policy',
          monitorOnly: 'Monitor only',
          blockDownloads: 'Block downloads',
        }),
      }),
      signInFrequency: sessionToggle('How often users must sign in again.', {
        type: {
          enum: ['days', 'hours', null],
          enumLabels: ['Days', 'Hours', 'none (with every time)'],
          description: 'Unit of value; null with everyTime.',
        },
        value: { type: ['integer', 'null'], minimum: 1, description: 'Number of hours or days; null with everyTime.' },
        authenticationType: choice('Which authentication must be repeated.', {
          primaryAndSecondaryAuthentication: 'Primary and secondary authentication',
          secondaryAuthentication: 'Secondary authentication',
        }),
        frequencyInterval: choice('timeBased: after value and type; everyTime: at every sign-in.', {
          timeBased: 'Periodic reauthentication',
          everyTime: 'Every time',
        }),
      }),
      persistentBrowser: sessionToggle('Whether browser sessions persist after the browser is closed.', {
        mode: choice('always or never persistent.', { always: 'Always persistent', never: 'Never persistent' }),
      }),
      disableResilienceDefaults: {
        type: ['boolean', 'null'],
        description: 'When true, sessions are not extended during an Entra ID outage.',
      },
      continuousAccessEvaluation: nullableObject('Continuous access evaluation.', {
        mode: choice('How continuous access evaluation applies.', {
          strictEnforcement: 'Strict enforcement',
          disabled: 'Disable',
          strictLocation: 'Strictly enforce location policies',
        }),
      }),
      secureSignInSession: sessionToggle('Token protection: require sign-in sessions bound to the device.'),
      globalSecureAccessFilteringProfile: sessionToggle('A Global Secure Access security profile.', {
        profileId: { type: 'string', description: 'The security profile id.' },
      }),
      networkAccessSecurity: { description: 'Returned by the service, undocumented.' },
      blockSensitiveActions: {
        description: 'Block sensitive actions in agent sessions (preview: returned by Graph beta, not yet on its resource pages).',
      },
    }),
  },
};

/** Top-level properties the service owns: never sent on create or update. */
export const READ_ONLY_PROPERTIES = [
  'id',
  'createdDateTime',
  'modifiedDateTime',
  'deletedDateTime',
  'templateId',
  'partialEnablementStrategy',
];

/** Property paths in a policy that the schema does not describe (passed through, with a warning). */
export function unknownProperties(policy: unknown, schema: Schema = conditionalAccessPolicySchema, path = ''): string[] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) return [];
  const known = (schema.properties ?? {}) as Record<string, Schema>;
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(policy)) {
    if (key.includes('@odata.')) continue;
    const child = known[key];
    if (!child) unknown.push(`${path}${key}`);
    else if (child.properties) unknown.push(...unknownProperties(value, child, `${path}${key}.`));
  }
  return unknown;
}
