// The words describe-changes says a policy's properties in: lists (who or what was added or removed),
// scalars ("Name: A → B") and groups said as one sentence whichever member changed ("Grant: require
// MFA → block"). The session controls and deprecated device lists agree with the plain-language view
// (describe-policy, describe-conditions) and with the admin center's names (policy-schema-words).
import { guestWords } from './describe-guests';
import { isolatedText } from './isolate';
import { lookupName, type NameDirectory, type NameKind } from './references';
import type { Json } from './policy-body';
import { caeModeLabels, clientAppLabels, cloudAppSecurityLabels, platformLabels, riskLabel, shortControlLabels } from './labels';
import { isJsonObject as isObject } from './json';

const strings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export interface ListWords {
  one: string;
  many: string;
  kinds?: NameKind[];
  labels?: Record<string, string>;
  value?: (v: string) => string;
  /** What "All", "None" and the like mean in this list. */
  specials?: Record<string, string>;
}

// The deprecated device lists (Graph still returns them from older policies), in the summary's words.
const DEPRECATED_DEVICES = {
  All: 'Any device',
  all: 'Any device',
  Compliant: 'Device marked as compliant',
  compliant: 'Device marked as compliant',
  DomainJoined: 'Microsoft Entra hybrid joined device',
  domainJoined: 'Microsoft Entra hybrid joined device',
};
const deprecated = (one: string, many: string): ListWords => ({
  one: `${one} (deprecated)`,
  many: `${many} (deprecated)`,
  specials: DEPRECATED_DEVICES,
});
const ids = (one: string, kinds: NameKind[], specials?: Record<string, string>): ListWords => ({ one, many: `${one}s`, kinds, specials });
// AllAgentIdUsers: the user accounts of agents, not the agent identities of clientApplications.
const ALL_USERS = { All: 'All users', None: 'No users', AllAgentIdUsers: 'All agent users' };
const ALL_RESOURCES = { All: 'All resources', None: 'No resources' };
const ANY_LOCATION = { All: 'Any network or location' };
export const LISTS: Record<string, ListWords> = {
  'conditions.users.includeUsers': ids('Included user', ['user'], ALL_USERS),
  'conditions.users.excludeUsers': ids('Excluded user', ['user'], ALL_USERS),
  'conditions.users.includeGroups': ids('Included group', ['group']),
  'conditions.users.excludeGroups': ids('Excluded group', ['group']),
  'conditions.users.includeRoles': ids('Included role', ['role'], { All: 'All directory roles' }),
  'conditions.users.excludeRoles': ids('Excluded role', ['role'], { All: 'All directory roles' }),
  'conditions.applications.includeApplications': ids('Included resource', ['application'], ALL_RESOURCES),
  'conditions.applications.excludeApplications': ids('Excluded resource', ['application'], ALL_RESOURCES),
  'conditions.applications.includeUserActions': { one: 'User action', many: 'User actions' },
  'conditions.applications.includeAuthenticationContextClassReferences': ids('Authentication context', ['authenticationContext']),
  'conditions.clientApplications.includeServicePrincipals': {
    one: 'Included workload identity',
    many: 'Included workload identities',
    kinds: ['servicePrincipal'],
  },
  'conditions.clientApplications.excludeServicePrincipals': {
    one: 'Excluded workload identity',
    many: 'Excluded workload identities',
    kinds: ['servicePrincipal'],
  },
  // Agent identities (Graph beta): the service principals of agents, and agent users (preview).
  'conditions.clientApplications.includeAgentIdServicePrincipals': {
    one: 'Included agent identity',
    many: 'Included agent identities',
    kinds: ['servicePrincipal'],
    specials: { All: 'All agent identities' },
  },
  'conditions.clientApplications.excludeAgentIdServicePrincipals': {
    one: 'Excluded agent identity',
    many: 'Excluded agent identities',
    kinds: ['servicePrincipal'],
  },
  'conditions.agents.includeAgentUsers': ids('Included agent user', ['user'], { All: 'All agent users' }),
  'conditions.agents.excludeAgentUsers': ids('Excluded agent user', ['user']),
  'conditions.agentContext.includeAgentContexts': { one: 'Included agent context', many: 'Included agent contexts' },
  'conditions.agentContext.excludeAgentContexts': { one: 'Excluded agent context', many: 'Excluded agent contexts' },
  'conditions.locations.includeLocations': ids('Included location', ['namedLocation'], ANY_LOCATION),
  'conditions.locations.excludeLocations': ids('Excluded location', ['namedLocation'], ANY_LOCATION),
  'conditions.platforms.includePlatforms': { one: 'Included platform', many: 'Included platforms', labels: platformLabels },
  'conditions.platforms.excludePlatforms': { one: 'Excluded platform', many: 'Excluded platforms', labels: platformLabels },
  'conditions.clientAppTypes': { one: 'Client app', many: 'Client apps', labels: clientAppLabels },
  'conditions.userRiskLevels': { one: 'User risk level', many: 'User risk levels', value: riskLabel },
  'conditions.signInRiskLevels': { one: 'Sign-in risk level', many: 'Sign-in risk levels', value: riskLabel },
  'conditions.servicePrincipalRiskLevels': { one: 'Service principal risk level', many: 'Service principal risk levels', value: riskLabel },
  'conditions.agentIdRiskLevels': { one: 'Agent risk level', many: 'Agent risk levels', value: riskLabel },
  'conditions.devices.includeDevices': deprecated('Included device', 'Included devices'),
  'conditions.devices.excludeDevices': deprecated('Excluded device', 'Excluded devices'),
  'conditions.devices.includeDeviceStates': deprecated('Included device state', 'Included device states'),
  'conditions.devices.excludeDeviceStates': deprecated('Excluded device state', 'Excluded device states'),
  'conditions.deviceStates.includeStates': deprecated('Included device state', 'Included device states'),
  'conditions.deviceStates.excludeStates': deprecated('Excluded device state', 'Excluded device states'),
  // A named location's own lists (its change history and revert show them in words too).
  ipRanges: { one: 'IP range', many: 'IP ranges' },
  countriesAndRegions: { one: 'Country or region', many: 'Countries and regions' },
};

export const SCALARS: Record<string, string> = {
  displayName: 'Name',
  description: 'Description',
  'conditions.insiderRiskLevels': 'Insider risk',
  'conditions.authenticationFlows.transferMethods': 'Authentication flows',
  'sessionControls.disableResilienceDefaults': 'Resilience defaults disabled',
  'sessionControls.signInFrequency.authenticationType': 'Sign-in frequency asks again for',
  // A named location's own settings.
  isTrusted: 'Trusted location',
  includeUnknownCountriesAndRegions: 'Unknown countries and regions included',
  countryLookupMethod: 'Country lookup',
};

/** Scalars whose values have words of their own. */
export const SCALAR_VALUES: Record<string, Record<string, string>> = {
  'sessionControls.signInFrequency.authenticationType': {
    primaryAndSecondaryAuthentication: 'primary and secondary authentication',
    secondaryAuthentication: 'secondary authentication',
  },
};

export function flagsText(value: Json | undefined, labels: Record<string, string>): string {
  return typeof value === 'string' && value
    ? value
        .split(',')
        .map((v) => labels[v.trim()] ?? v.trim())
        .join(', ')
    : 'not set';
}

function grantText(grant: Json | undefined, names: NameDirectory | undefined): string {
  if (!isObject(grant)) return 'no grant controls';
  const controls = strings(grant.builtInControls);
  if (controls.includes('block')) return 'block';
  const required = controls.map((c) => (c === 'mfa' ? 'MFA' : (shortControlLabels[c] ?? c).toLowerCase()));
  const strength = isObject(grant.authenticationStrength) ? grant.authenticationStrength : null;
  if (strength) {
    const id = typeof strength.id === 'string' ? strength.id : '';
    const name =
      typeof strength.displayName === 'string'
        ? strength.displayName
        : (lookupName(names, ['authenticationStrength'], id)?.displayName ?? id);
    required.push(`authentication strength '${isolatedText(name)}'`);
  }
  required.push(
    ...strings(grant.termsOfUse).map((id) => `terms of use '${isolatedText(lookupName(names, ['termsOfUse'], id)?.displayName ?? id)}'`),
  );
  required.push(...strings(grant.customAuthenticationFactors).map((id) => `custom control '${id}'`));
  if (required.length === 0) return 'no grant controls';
  if (required.length === 1) return `require ${required[0]}`;
  return `require ${grant.operator === 'AND' ? 'all' : 'one'} of ${required.join(', ')}`;
}

function frequencyText(value: Json | undefined): string {
  if (!isObject(value) || value.isEnabled !== true) return 'not set';
  if (value.frequencyInterval === 'everyTime') return 'every time';
  if (typeof value.value !== 'number') return 'on, without an interval';
  const unit = String(value.type ?? '');
  return `every ${String(value.value)} ${value.value === 1 ? unit.replace(/s$/, '') : unit}`.trim();
}

/** Graph's default, primaryAndSecondaryAuthentication, asks for the whole sign-in again; the other only for the second factor. */
const frequencyWithTypeText = (value: Json | undefined): string => {
  const interval = frequencyText(value);
  const secondOnly = isObject(value) && value.isEnabled === true && value.authenticationType === 'secondaryAuthentication';
  return secondOnly ? `${interval}, second factor only (secondary authentication)` : interval;
};

function filterText(value: Json | undefined): string {
  if (!isObject(value) || !value.rule) return 'not set';
  return `${value.mode === 'exclude' ? 'exclude' : 'include'} ${String(value.rule)}`;
}

const guestsText = (value: Json | undefined): string => guestWords(value) || 'not set';

const browserText = (v: Json | undefined) =>
  isObject(v) && v.isEnabled === true ? (v.mode === 'always' ? 'always persistent' : 'never persistent') : 'not set';

const appControlText = (v: Json | undefined) => {
  if (!isObject(v) || v.isEnabled !== true) return 'not set';
  const type = typeof v.cloudAppSecurityType === 'string' ? v.cloudAppSecurityType : null;
  return type ? (cloudAppSecurityLabels[type] ?? type) : 'on';
};

/** A session control that is on or not: what it does when on, in the policy summary's words. */
const toggleText = (on: string) => (v: Json | undefined) => (isObject(v) && v.isEnabled === true ? on : 'not set');

/** A mode without words of its own (a newer Graph's) is said as it is. */
const caeText = (v: Json | undefined) => {
  const mode = isObject(v) ? v.mode : undefined;
  if (mode === undefined || mode === null || mode === '') return 'not set';
  const words = typeof mode === 'string' ? caeModeLabels[mode] : undefined;
  return words ? words.toLowerCase() : typeof mode === 'string' ? isolatedText(mode) : JSON.stringify(mode);
};

const securityProfileText = (v: Json | undefined) => {
  if (!isObject(v) || v.isEnabled !== true) return 'not set';
  return typeof v.profileId === 'string' && v.profileId ? `profile '${isolatedText(v.profileId)}'` : 'on';
};

/** Groups described as one sentence, whichever of their members changed. */
export const GROUPS: { path: string; label: string; text: (value: Json | undefined, names?: NameDirectory) => string }[] = [
  { path: 'grantControls', label: 'Grant', text: grantText },
  { path: 'sessionControls.signInFrequency', label: 'Sign-in frequency', text: frequencyWithTypeText },
  { path: 'sessionControls.persistentBrowser', label: 'Persistent browser session', text: browserText },
  { path: 'sessionControls.cloudAppSecurity', label: 'Conditional Access App Control', text: appControlText },
  { path: 'sessionControls.applicationEnforcedRestrictions', label: 'App enforced restrictions', text: toggleText('on') },
  { path: 'sessionControls.continuousAccessEvaluation', label: 'Continuous access evaluation', text: caeText },
  {
    path: 'sessionControls.secureSignInSession',
    label: 'Token protection',
    text: toggleText('require token protection for sign-in sessions'),
  },
  { path: 'sessionControls.globalSecureAccessFilteringProfile', label: 'Global Secure Access security profile', text: securityProfileText },
  { path: 'conditions.devices.deviceFilter', label: 'Device filter', text: filterText },
  { path: 'conditions.applications.applicationFilter', label: 'Application filter', text: filterText },
  { path: 'conditions.clientApplications.servicePrincipalFilter', label: 'Workload identity filter', text: filterText },
  { path: 'conditions.clientApplications.agentIdServicePrincipalFilter', label: 'Agent identity filter', text: filterText },
  { path: 'conditions.agents.agentFilter', label: 'Agent user filter', text: filterText },
  { path: 'conditions.users.includeGuestsOrExternalUsers', label: 'Included guests or external users', text: guestsText },
  { path: 'conditions.users.excludeGuestsOrExternalUsers', label: 'Excluded guests or external users', text: guestsText },
];
