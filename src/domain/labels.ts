// Words for Graph's enum values, as the Entra admin center says them.

export const stateLabels: Record<string, string> = {
  enabled: 'On',
  disabled: 'Off',
  enabledForReportingButNotEnforced: 'Report-only',
};

export const controlLabels: Record<string, string> = {
  block: 'Block access',
  mfa: 'Require multifactor authentication',
  compliantDevice: 'Require device to be marked as compliant',
  domainJoinedDevice: 'Require Microsoft Entra hybrid joined device',
  approvedApplication: 'Require approved client app',
  compliantApplication: 'Require app protection policy',
  passwordChange: 'Require password change',
  riskRemediation: 'Require risk remediation',
  // Outside Graph's documented enum, but in Microsoft's own account-recovery template, which Graph serves.
  verifiedID: 'Require Verified ID',
};

export const shortControlLabels: Record<string, string> = {
  block: 'Block',
  mfa: 'MFA',
  compliantDevice: 'Compliant device',
  domainJoinedDevice: 'Hybrid joined device',
  approvedApplication: 'Approved app',
  compliantApplication: 'App protection',
  passwordChange: 'Password change',
  riskRemediation: 'Risk remediation',
  verifiedID: 'Verified ID',
  authenticationStrength: 'Authentication strength',
  termsOfUse: 'Terms of use',
  customAuthenticationFactors: 'Custom control',
};

export const clientAppLabels: Record<string, string> = {
  all: 'All client apps',
  browser: 'Browser',
  mobileAppsAndDesktopClients: 'Mobile apps and desktop clients',
  exchangeActiveSync: 'Exchange ActiveSync clients',
  easSupported: 'Exchange ActiveSync clients',
  other: 'Other clients (legacy authentication)',
};

export const platformLabels: Record<string, string> = {
  all: 'Any device',
  android: 'Android',
  iOS: 'iOS',
  windows: 'Windows',
  windowsPhone: 'Windows Phone',
  macOS: 'macOS',
  linux: 'Linux',
};

export const guestTypeLabels: Record<string, string> = {
  internalGuest: 'Local guest users',
  b2bCollaborationGuest: 'B2B collaboration guests',
  b2bCollaborationMember: 'B2B collaboration members',
  b2bDirectConnectUser: 'B2B direct connect users',
  otherExternalUser: 'Other external users',
  serviceProvider: 'Service provider users',
};

export const transferMethodLabels: Record<string, string> = {
  deviceCodeFlow: 'Device code flow',
  authenticationTransfer: 'Authentication transfer',
};

/** Conditional Access App Control's choices (Graph's cloudAppSecurityType). */
export const cloudAppSecurityLabels: Record<string, string> = {
  mcasConfigured: 'Use custom policy…',
  monitorOnly: 'Monitor only',
  blockDownloads: 'Block downloads',
};

/** Continuous access evaluation's modes, as the admin center words them. */
export const caeModeLabels: Record<string, string> = {
  strictEnforcement: 'Strict enforcement',
  disabled: 'Disabled',
  strictLocation: 'Strictly enforce location policies',
};

export const riskLabel = (level: string) => level.charAt(0).toUpperCase() + level.slice(1);
