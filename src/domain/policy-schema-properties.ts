// The properties of a policy the console reads, listed once: the policy summary (what it describes,
// the rest going to Other settings) and What if's evaluation (what it reads, the rest making its
// answer unsure) use these lists, and policy-schema-properties.test checks each name against the
// schema. The emulator keeps its own list of what Graph accepts: it stands apart from src/ by design.

/** The top-level properties of conditionalAccessPolicy (beta). */
export const POLICY_PROPERTIES: readonly string[] = [
  'id',
  'templateId',
  'displayName',
  'description',
  'createdDateTime',
  'modifiedDateTime',
  'deletedDateTime',
  'state',
  'partialEnablementStrategy',
  'conditions',
  'grantControls',
  'sessionControls',
];

/** conditions.users: users, groups, roles and guests. */
export const USERS_PROPERTIES: readonly string[] = [
  'includeUsers',
  'excludeUsers',
  'includeGroups',
  'excludeGroups',
  'includeRoles',
  'excludeRoles',
  'includeGuestsOrExternalUsers',
  'excludeGuestsOrExternalUsers',
];

/** conditions.applications, without the deprecated networkAccess and globalSecureAccess. */
export const APPLICATIONS_PROPERTIES: readonly string[] = [
  'includeApplications',
  'excludeApplications',
  'includeUserActions',
  'includeAuthenticationContextClassReferences',
  'applicationFilter',
];

/** conditions.clientApplications: workload identities (service principals). */
export const WORKLOAD_IDENTITY_PROPERTIES: readonly string[] = [
  'includeServicePrincipals',
  'excludeServicePrincipals',
  'servicePrincipalFilter',
];

/** conditions.clientApplications: agent identities (Graph beta). */
export const AGENT_IDENTITY_PROPERTIES: readonly string[] = [
  'includeAgentIdServicePrincipals',
  'excludeAgentIdServicePrincipals',
  'agentIdServicePrincipalFilter',
];
