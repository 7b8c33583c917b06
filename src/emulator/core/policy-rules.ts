// The service's validation of a conditional access policy, with its documented error numbers:
// 1007 schema, 1012 applications with user actions, 1032 password change / risk remediation,
// 1118 read-only template id. Rules without a documented number get a plain BadRequest message.
import { errors, isObject, type GraphError } from './http';
import { policyProperties } from './policy-shape';
import type { Json, JsonObject } from './model';

const states = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];
const builtInControls = ['block', 'mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication', 'passwordChange', 'riskRemediation'];
const clientAppTypes = ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'];
const platforms = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux', 'all'];
const riskLevels = ['low', 'medium', 'high', 'hidden', 'none'];

const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const obj = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});

function checkEnumList(value: Json | undefined, allowed: string[]): boolean {
  if (value === undefined || value === null) return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && allowed.includes(item));
}

function checkStringList(value: Json | undefined): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

/** Validates a complete policy (after a PATCH has been merged). Returns the first violation. */
export function validatePolicy(policy: JsonObject, knownStrengthIds: ReadonlySet<string>): GraphError | null {
  for (const key of Object.keys(policy)) {
    if (!policyProperties.has(key) && !key.includes('@odata.')) return errors.schema();
  }
  if (typeof policy.displayName !== 'string' || !policy.displayName.trim()) return errors.schema();
  if (typeof policy.state !== 'string' || !states.includes(policy.state)) return errors.schema();
  if (!isObject(policy.conditions)) return errors.schema();

  const conditions = policy.conditions;
  const applications = obj(conditions.applications);
  const users = obj(conditions.users);
  const clients = obj(conditions.clientApplications);
  for (const collection of [applications, users, clients]) {
    for (const [key, value] of Object.entries(collection)) {
      if (key.startsWith('include') || key.startsWith('exclude')) {
        if (key.endsWith('GuestsOrExternalUsers')) continue;
        if (!checkStringList(value)) return errors.schema();
      }
    }
  }
  if (!checkEnumList(conditions.clientAppTypes, clientAppTypes)) return errors.schema();
  if (!checkEnumList(conditions.signInRiskLevels, riskLevels)) return errors.schema();
  if (!checkEnumList(conditions.userRiskLevels, riskLevels)) return errors.schema();
  if (!checkEnumList(conditions.servicePrincipalRiskLevels, riskLevels)) return errors.schema();
  const platformCondition = obj(conditions.platforms);
  if (!checkEnumList(platformCondition.includePlatforms, platforms) || !checkEnumList(platformCondition.excludePlatforms, platforms)) {
    return errors.schema();
  }

  const appTargets =
    list(applications.includeApplications).length +
    list(applications.includeUserActions).length +
    list(applications.includeAuthenticationContextClassReferences).length;
  if (!isObject(conditions.applications) || appTargets === 0) {
    return errors.badRequest('The policy must target at least one application, user action or authentication context (for example includeApplications: ["None"]).');
  }
  if (list(applications.includeApplications).length > 0 && list(applications.includeUserActions).length > 0) {
    return errors.invalidPolicy(
      "1012: 'applications' condition cannot include both 'includeApplications' and 'includeUserActions'/'includeProtectionLevels'. Please remove one of the conditions.",
    );
  }

  const userTargets =
    list(users.includeUsers).length + list(users.includeGroups).length + list(users.includeRoles).length + (isObject(users.includeGuestsOrExternalUsers) ? 1 : 0);
  const workloadTargets = list(clients.includeServicePrincipals).length + list(clients.includeAgentIdServicePrincipals).length;
  if (userTargets === 0 && workloadTargets === 0) {
    return errors.badRequest('The policy must include users (for example includeUsers: ["None"]) or workload identities.');
  }

  const grant = isObject(policy.grantControls) ? policy.grantControls : null;
  const session = isObject(policy.sessionControls) ? policy.sessionControls : null;
  const controls = grant ? list(grant.builtInControls) : [];
  if (grant) {
    if (!checkEnumList(grant.builtInControls, builtInControls)) return errors.schema();
    if (grant.operator !== undefined && grant.operator !== null && grant.operator !== 'AND' && grant.operator !== 'OR') return errors.schema();
    const strength = grant.authenticationStrength;
    if (isObject(strength) && (typeof strength.id !== 'string' || !knownStrengthIds.has(strength.id))) {
      return errors.badRequest(`The authentication strength '${String(strength.id)}' does not exist in this tenant.`);
    }
  }
  const hasGrant =
    !!grant &&
    (controls.length > 0 || isObject(grant.authenticationStrength) || list(grant.termsOfUse).length > 0 || list(grant.customAuthenticationFactors).length > 0);
  const hasSession =
    !!session &&
    Object.values(session).some((value) => value === true || (isObject(value) && (value.isEnabled === true || typeof value.mode === 'string')));
  if (!hasGrant && !hasSession) {
    return errors.badRequest('The policy must have at least one grant control or session control.');
  }

  const operator = grant?.operator ?? 'OR';
  if (controls.includes('passwordChange') && (!controls.includes('mfa') || operator !== 'AND')) {
    return errors.invalidPolicy('1032: ConditionalActionPolicy validation failed due to InvalidPasswordResetControl.');
  }
  if (controls.includes('riskRemediation')) {
    if (controls.includes('passwordChange') || !isObject(grant?.authenticationStrength) || operator !== 'AND') {
      return errors.invalidPolicy('1032: ConditionalActionPolicy validation failed due to InvalidRiskRemediationControl.');
    }
  }
  if (controls.includes('block') && controls.length > 1) {
    return errors.badRequest("The 'block' control cannot be combined with other grant controls.");
  }
  return null;
}

/** templateId is read-only: sending a value is rejected, as restore tools learned the hard way. */
export function checkReadOnly(body: JsonObject): GraphError | null {
  if (body.templateId !== undefined && body.templateId !== null) {
    return errors.invalidPolicy('1118: TemplateId is a read-only field.');
  }
  return null;
}
