// The service's validation of a conditional access policy, with its documented error numbers:
// 1007 schema, 1012 applications with user actions, 1032 password change / risk remediation,
// 1064 clientAppTypes [], 1118 read-only template id. Rules without a documented number get a plain BadRequest message.
// Only what Graph documents or is seen to refuse is refused here: the console's checks block
// exactly this, and warn about the rest (testing/integration/policy-rules-agreement.test.ts).
import { errors, isObject, type GraphError } from './http';
import { policyProperties } from './policy-shape';
import { hasGraphTypes } from './policy-types';
import type { Json, JsonObject } from './model';

const states = ['enabled', 'disabled', 'enabledForReportingButNotEnforced'];

const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const obj = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});

/** Validates a complete policy (after a PATCH has been merged). Returns the first violation. */
export function validatePolicy(policy: JsonObject, knownStrengthIds: ReadonlySet<string>): GraphError | null {
  for (const key of Object.keys(policy)) {
    if (!policyProperties.has(key) && !key.includes('@odata.')) return errors.schema();
  }
  if (typeof policy.displayName !== 'string' || !policy.displayName.trim()) return errors.schema();
  if (typeof policy.state !== 'string' || !states.includes(policy.state)) return errors.schema();
  if (!isObject(policy.conditions)) return errors.schema();
  if (!hasGraphTypes(policy)) return errors.schema();

  const conditions = policy.conditions;
  const applications = obj(conditions.applications);
  const users = obj(conditions.users);
  const clients = obj(conditions.clientApplications);

  const appTargets =
    list(applications.includeApplications).length +
    list(applications.includeUserActions).length +
    list(applications.includeAuthenticationContextClassReferences).length;
  if (!isObject(conditions.applications) || appTargets === 0) {
    return errors.badRequest(
      'The policy must target at least one application, user action or authentication context (for example includeApplications: ["None"]).',
    );
  }
  if (list(applications.includeApplications).length > 0 && list(applications.includeUserActions).length > 0) {
    return errors.invalidPolicy(
      "1012: 'applications' condition cannot include both 'includeApplications' and 'includeUserActions'/'includeProtectionLevels'. Please remove one of the conditions.",
    );
  }

  const userTargets =
    list(users.includeUsers).length +
    list(users.includeGroups).length +
    list(users.includeRoles).length +
    (isObject(users.includeGuestsOrExternalUsers) ? 1 : 0);
  const workloadTargets = list(clients.includeServicePrincipals).length + list(clients.includeAgentIdServicePrincipals).length;
  if (userTargets === 0 && workloadTargets === 0) {
    return errors.badRequest('The policy must include users (for example includeUsers: ["None"]) or workload identities.');
  }

  const grant = isObject(policy.grantControls) ? policy.grantControls : null;
  const session = isObject(policy.sessionControls) ? policy.sessionControls : null;
  const controls = grant ? list(grant.builtInControls) : [];
  if (grant) {
    const strength = grant.authenticationStrength;
    if (isObject(strength) && (typeof strength.id !== 'string' || !knownStrengthIds.has(strength.id))) {
      return errors.badRequest(`The authentication strength '${String(strength.id)}' does not exist in this tenant.`);
    }
  }
  const hasGrant =
    !!grant &&
    (controls.length > 0 ||
      isObject(grant.authenticationStrength) ||
      list(grant.termsOfUse).length > 0 ||
      list(grant.customAuthenticationFactors).length > 0);
  const hasSession =
    !!session &&
    Object.values(session).some(
      (value) => value === true || (isObject(value) && (value.isEnabled === true || typeof value.mode === 'string')),
    );
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
  // The grant controls page: "passwordChange and riskRemediation must each be used in a policy
  // containing userRiskLevels". (Block with other controls is not refused: no page says so.)
  if ((controls.includes('passwordChange') || controls.includes('riskRemediation')) && list(conditions.userRiskLevels).length === 0) {
    return errors.invalidPolicy(
      `1032: ConditionalActionPolicy validation failed due to ${controls.includes('passwordChange') ? 'InvalidPasswordResetControl' : 'InvalidRiskRemediationControl'}.`,
    );
  }
  return null;
}

/**
 * templateId is read-only: sending a value is rejected, as restore tools learned the hard way. Only
 * a value other than the stored one is refused (null on a create): whether Graph also refuses the
 * unchanged value a GET → PATCH round trip sends back is unconfirmed, and refusing what Graph may
 * accept is worse than accepting it.
 */
export function checkReadOnly(body: JsonObject, storedTemplateId: Json | undefined = null): GraphError | null {
  if (body.templateId !== undefined && body.templateId !== null && body.templateId !== (storedTemplateId ?? null)) {
    return errors.invalidPolicy('1118: TemplateId is a read-only field.');
  }
  return null;
}

const clientAppTypes = ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'];

/**
 * Graph reads client app types in any case: its own 1064 message suggests ['All']. They are stored
 * as the enum spells them ('All' becomes 'all'); a value that is no member is left for the schema (1007).
 */
export function normaliseClientAppTypes(body: JsonObject): void {
  const conditions = body.conditions;
  if (!isObject(conditions) || !Array.isArray(conditions.clientAppTypes)) return;
  conditions.clientAppTypes = conditions.clientAppTypes.map((value) =>
    typeof value === 'string' ? (clientAppTypes.find((member) => member.toLowerCase() === value.toLowerCase()) ?? value) : value,
  );
}

/**
 * clientAppTypes is required (v1.0/resources/conditionalaccessconditionset.md) and an explicit []
 * is refused, seen so from Graph (400, innerError "1064: 'clientAppTypes' condition does not support
 * []. If you want to target all client apps, use ['All']…"; the rest of the message is not known).
 */
export function checkClientAppTypes(body: JsonObject): GraphError | null {
  const conditions = body.conditions;
  if (isObject(conditions) && Array.isArray(conditions.clientAppTypes) && conditions.clientAppTypes.length === 0) {
    return errors.invalidPolicy(
      "1064: 'clientAppTypes' condition does not support []. If you want to target all client apps, use ['All'].",
    );
  }
  return null;
}
