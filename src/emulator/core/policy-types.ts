// What Graph's deserializer refuses in a policy with 1007, before any rule of Conditional Access: a
// value of the wrong type (text where a list belongs, null in a collection), a value outside an
// enum, a flags member it does not know, a filter without its mode or rule. Properties it does not
// describe below the top level pass untouched, as Graph passes newer ones; ids are not checked here
// (Graph stores an id that names nothing).
import { isObject } from './http';
import type { Json } from './model';

type Spec =
  | { kind: 'string' | 'boolean' | 'integer'; nullable?: boolean }
  | { kind: 'list'; of?: readonly string[] }
  | { kind: 'choice'; of: readonly (string | null)[] }
  | { kind: 'flags'; of: readonly string[] }
  | { kind: 'object'; props: Record<string, Spec>; required?: readonly string[] }
  | { kind: 'any' };

const text: Spec = { kind: 'string' };
const nullableText: Spec = { kind: 'string', nullable: true };
const list = (of?: readonly string[]): Spec => ({ kind: 'list', ...(of ? { of } : {}) });
const choice = (...of: (string | null)[]): Spec => ({ kind: 'choice', of });
const flags = (...of: string[]): Spec => ({ kind: 'flags', of });
const object = (props: Record<string, Spec>, required?: readonly string[]): Spec => ({
  kind: 'object',
  props,
  ...(required ? { required } : {}),
});
const any: Spec = { kind: 'any' };

const riskLevels = ['low', 'medium', 'high', 'hidden', 'none'];
const platforms = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux', 'all'];
const filter = object({ mode: choice('include', 'exclude'), rule: text }, ['mode', 'rule']);
const guests = object({
  guestOrExternalUserTypes: flags(
    'none',
    'internalGuest',
    'b2bCollaborationGuest',
    'b2bCollaborationMember',
    'b2bDirectConnectUser',
    'otherExternalUser',
    'serviceProvider',
  ),
  externalTenants: object({ membershipKind: choice('all', 'enumerated'), members: list() }),
});
const toggle = (extra: Record<string, Spec> = {}) => object({ isEnabled: { kind: 'boolean' }, ...extra });

/** The policy's properties below the top level, as Graph types them. */
const policy: Record<string, Spec> = {
  description: nullableText,
  conditions: object({
    applications: object({
      includeApplications: list(),
      excludeApplications: list(),
      // accountrecovery: outside the documented enum, but Microsoft's own template sends it.
      includeUserActions: list(['urn:user:registersecurityinfo', 'urn:user:registerdevice', 'urn:user:accountrecovery']),
      includeAuthenticationContextClassReferences: list(),
      applicationFilter: filter,
      networkAccess: any,
      globalSecureAccess: any,
    }),
    users: object({
      includeUsers: list(),
      excludeUsers: list(),
      includeGroups: list(),
      excludeGroups: list(),
      includeRoles: list(),
      excludeRoles: list(),
      includeGuestsOrExternalUsers: guests,
      excludeGuestsOrExternalUsers: guests,
    }),
    clientApplications: object({
      includeServicePrincipals: list(),
      excludeServicePrincipals: list(),
      servicePrincipalFilter: filter,
      includeAgentIdServicePrincipals: list(),
      excludeAgentIdServicePrincipals: list(),
      agentIdServicePrincipalFilter: filter,
    }),
    clientAppTypes: list(['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other']),
    platforms: object({ includePlatforms: list(platforms), excludePlatforms: list(platforms) }),
    locations: object({ includeLocations: list(), excludeLocations: list() }),
    devices: object({
      deviceFilter: filter,
      includeDevices: list(),
      excludeDevices: list(),
      includeDeviceStates: list(),
      excludeDeviceStates: list(),
    }),
    deviceStates: object({ includeStates: list(), excludeStates: list() }),
    signInRiskLevels: list(riskLevels),
    userRiskLevels: list(riskLevels),
    servicePrincipalRiskLevels: list(riskLevels),
    agentIdRiskLevels: flags('low', 'medium', 'high'),
    insiderRiskLevels: flags('minor', 'moderate', 'elevated'),
    authenticationFlows: object({ transferMethods: flags('none', 'deviceCodeFlow', 'authenticationTransfer') }),
    agents: object({ includeAgentUsers: list(), excludeAgentUsers: list(), agentFilter: filter }),
    agentContext: object({ includeAgentContexts: list(), excludeAgentContexts: list() }),
  }),
  grantControls: object({
    operator: choice('AND', 'OR'),
    builtInControls: list([
      'block',
      'mfa',
      'compliantDevice',
      'domainJoinedDevice',
      'approvedApplication',
      'compliantApplication',
      'passwordChange',
      'riskRemediation',
      // Outside the documented enum, but Microsoft's account recovery template sends it.
      'verifiedID',
    ]),
    customAuthenticationFactors: list(),
    termsOfUse: list(),
    authenticationStrength: object({ id: text }),
  }),
  sessionControls: object({
    applicationEnforcedRestrictions: toggle(),
    cloudAppSecurity: toggle({ cloudAppSecurityType: choice('mcasConfigured', 'monitorOnly', 'blockDownloads') }),
    signInFrequency: toggle({
      type: choice('days', 'hours', null),
      value: { kind: 'integer', nullable: true },
      authenticationType: choice('primaryAndSecondaryAuthentication', 'secondaryAuthentication'),
      frequencyInterval: choice('timeBased', 'everyTime'),
    }),
    persistentBrowser: toggle({ mode: choice('always', 'never') }),
    disableResilienceDefaults: { kind: 'boolean', nullable: true },
    continuousAccessEvaluation: object({ mode: choice('strictEnforcement', 'disabled', 'strictLocation') }),
    secureSignInSession: toggle(),
    globalSecureAccessFilteringProfile: toggle({ profileId: text }),
  }),
};

function fits(value: Json | undefined, spec: Spec): boolean {
  if (value === undefined) return true;
  switch (spec.kind) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string' || (value === null && !!spec.nullable);
    case 'boolean':
      return typeof value === 'boolean' || (value === null && !!spec.nullable);
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (value === null && !!spec.nullable);
    case 'choice':
      return spec.of.includes(value as string | null);
    case 'list':
      // A collection is never null in Graph's model: null is refused, an empty list is not.
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && (!spec.of || spec.of.includes(item)));
    case 'flags':
      return value === null || (typeof value === 'string' && value.split(',').every((member) => spec.of.includes(member.trim())));
    case 'object':
      if (value === null) return true;
      if (!isObject(value)) return false;
      if (spec.required?.some((key) => value[key] === undefined || value[key] === null)) return false;
      return Object.entries(spec.props).every(([key, child]) => fits(value[key], child));
  }
}

/** Whether every property Graph types in this policy has a value of its type. */
export function hasGraphTypes(body: Record<string, Json>): boolean {
  return Object.entries(policy).every(([key, spec]) => fits(body[key], spec));
}
