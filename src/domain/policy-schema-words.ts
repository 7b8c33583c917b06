// The admin center's words for a policy's properties, so that a check says "Client apps" where the
// JSON says conditions.clientAppTypes. A property without words of its own is named after the
// nearest one that has them ("Sign-in frequency (value)"), else by its JSON name.

const words: Record<string, string> = {
  displayName: 'Name',
  description: 'Description',
  state: 'State',
  conditions: 'Conditions',
  applications: 'Target resources',
  includeApplications: 'Included resources',
  excludeApplications: 'Excluded resources',
  includeUserActions: 'User actions',
  includeAuthenticationContextClassReferences: 'Authentication contexts',
  applicationFilter: 'Filter for applications',
  users: 'Users',
  includeUsers: 'Included users',
  excludeUsers: 'Excluded users',
  includeGroups: 'Included groups',
  excludeGroups: 'Excluded groups',
  includeRoles: 'Included directory roles',
  excludeRoles: 'Excluded directory roles',
  includeGuestsOrExternalUsers: 'Included guests or external users',
  excludeGuestsOrExternalUsers: 'Excluded guests or external users',
  guestOrExternalUserTypes: 'Guest or external user types',
  externalTenants: 'External tenants',
  clientApplications: 'Workload identities',
  includeServicePrincipals: 'Included service principals',
  excludeServicePrincipals: 'Excluded service principals',
  servicePrincipalFilter: 'Filter for service principals',
  includeAgentIdServicePrincipals: 'Included agent identities',
  excludeAgentIdServicePrincipals: 'Excluded agent identities',
  agentIdServicePrincipalFilter: 'Filter for agent identities',
  agents: 'Agent users',
  includeAgentUsers: 'Included agent users',
  excludeAgentUsers: 'Excluded agent users',
  agentFilter: 'Filter for agent users',
  clientAppTypes: 'Client apps',
  platforms: 'Device platforms',
  includePlatforms: 'Included device platforms',
  excludePlatforms: 'Excluded device platforms',
  locations: 'Network',
  includeLocations: 'Included locations',
  excludeLocations: 'Excluded locations',
  devices: 'Devices',
  deviceFilter: 'Filter for devices',
  signInRiskLevels: 'Sign-in risk',
  userRiskLevels: 'User risk',
  servicePrincipalRiskLevels: 'Service principal risk',
  agentIdRiskLevels: 'Agent risk',
  insiderRiskLevels: 'Insider risk',
  authenticationFlows: 'Authentication flows',
  grantControls: 'Grant',
  operator: 'For multiple controls',
  builtInControls: 'Grant controls',
  customAuthenticationFactors: 'Custom controls',
  termsOfUse: 'Terms of use',
  authenticationStrength: 'Authentication strength',
  sessionControls: 'Session',
  applicationEnforcedRestrictions: 'App enforced restrictions',
  cloudAppSecurity: 'Conditional Access App Control',
  signInFrequency: 'Sign-in frequency',
  persistentBrowser: 'Persistent browser session',
  continuousAccessEvaluation: 'Continuous access evaluation',
  disableResilienceDefaults: 'Disable resilience defaults',
  secureSignInSession: 'Token protection for sign-in sessions',
  globalSecureAccessFilteringProfile: 'Global Secure Access security profile',
};

type Path = readonly (string | number)[];

/** The admin center's name of the property at a path (list positions are skipped). */
export function propertyLabel(path: Path): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (!keys.length) return 'The policy';
  const last = keys[keys.length - 1]!;
  if (words[last]) return words[last];
  // Name a property like "mode" or "value" after the nearest property with words of its own.
  for (let i = keys.length - 2; i >= 0; i--) {
    const owner = words[keys[i]!];
    if (owner) return `${owner} (${keys.slice(i + 1).join('.')})`;
  }
  return last;
}
