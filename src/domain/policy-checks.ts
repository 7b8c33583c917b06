// Checks a policy draft before it is saved, the way the service would: the schema, then the
// service's rules beyond the schema, with the error numbers it uses (1012, 1032). Only what Graph
// refuses is an error and blocks saving; what Graph accepts but is probably a mistake is a warning
// that says why. Each finding points at a JSON path, so the editor can mark the lines it concerns.
import type { PolicyFinding } from './policy-finding';
import { READ_ONLY_PROPERTIES, unknownProperties } from './policy-schema';
import { schemaFindings } from './policy-schema-findings';

export type { JsonPath, PolicyFinding } from './policy-finding';

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function serviceRules(policy: Loose): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const conditions = obj(policy.conditions);
  const apps = obj(conditions.applications);
  const users = obj(conditions.users);
  const clients = obj(conditions.clientApplications);
  const grant = policy.grantControls === null ? null : obj(policy.grantControls);
  const session = policy.sessionControls === null ? null : obj(policy.sessionControls);
  const controls = list(grant?.builtInControls);
  const operator = grant?.operator ?? 'OR';
  const hasStrength = !!obj(grant?.authenticationStrength).id;

  if (typeof policy.displayName === 'string' && policy.displayName.length > 0 && !policy.displayName.trim()) {
    findings.push({ path: ['displayName'], severity: 'error', message: 'The name cannot be only spaces.' });
  }
  if (list(apps.includeApplications).length && list(apps.includeUserActions).length) {
    findings.push({ path: ['conditions', 'applications', 'includeUserActions'], severity: 'error', code: '1012', message: "A policy cannot target both applications and user actions: remove 'includeApplications' or 'includeUserActions'." });
  }
  if (!list(apps.includeApplications).length && !list(apps.includeUserActions).length && !list(apps.includeAuthenticationContextClassReferences).length) {
    findings.push({ path: ['conditions', 'applications'], severity: 'error', message: 'Target at least one resource, user action or authentication context (use ["None"] to target nothing).' });
  }
  const targetsUsers = list(users.includeUsers).length + list(users.includeGroups).length + list(users.includeRoles).length > 0 || !!users.includeGuestsOrExternalUsers;
  if (!targetsUsers && !list(clients.includeServicePrincipals).length && !list(clients.includeAgentIdServicePrincipals).length) {
    findings.push({ path: ['conditions', 'users'], severity: 'error', message: 'Include users (use ["None"] to include nobody) or workload identities.' });
  }
  const hasGrant = controls.length > 0 || hasStrength || list(grant?.termsOfUse).length > 0 || list(grant?.customAuthenticationFactors).length > 0;
  const hasSession = Object.values(session ?? {}).some((v) => v === true || (typeof v === 'object' && v !== null && ((v as Loose).isEnabled === true || typeof (v as Loose).mode === 'string')));
  if (!hasGrant && !hasSession) findings.push({ path: ['grantControls'], severity: 'error', message: 'Add a grant control or a session control: a policy without either does nothing.' });
  if (controls.includes('passwordChange') && (!controls.includes('mfa') || operator !== 'AND')) {
    findings.push({ path: ['grantControls', 'builtInControls'], severity: 'error', code: '1032', message: "'passwordChange' must be combined with 'mfa' under the operator AND." });
  }
  if (controls.includes('riskRemediation') && (!hasStrength || operator !== 'AND')) {
    findings.push({ path: ['grantControls', 'builtInControls'], severity: 'error', code: '1032', message: "'riskRemediation' must be combined with an authentication strength under the operator AND." });
  }
  if (controls.includes('riskRemediation') && controls.includes('passwordChange')) {
    findings.push({ path: ['grantControls', 'builtInControls'], severity: 'error', code: '1032', message: "'riskRemediation' and 'passwordChange' cannot be combined." });
  }
  if ((controls.includes('passwordChange') || controls.includes('riskRemediation')) && !list(conditions.userRiskLevels).length) {
    findings.push({ path: ['conditions', 'userRiskLevels'], severity: 'error', code: '1032', message: 'Password change and risk remediation need a user risk condition.' });
  }
  if ((controls.includes('passwordChange') || controls.includes('riskRemediation')) && (!list(apps.includeApplications).includes('All') || list(apps.excludeApplications).length)) {
    // The documentation says "should": Graph's answer is not known, so this does not block.
    findings.push({ path: ['conditions', 'applications'], severity: 'warning', message: 'Password change and risk remediation should apply to all resources, none excluded: elsewhere a risky user is not asked to remediate, which is probably not what you want.' });
  }
  // Rules of the console's own, which Graph does not enforce: warnings, never a blocked save.
  if (controls.includes('block') && (controls.length > 1 || hasStrength)) {
    findings.push({ path: ['grantControls', 'builtInControls'], severity: 'warning', message: "Block access wins over every other grant control, so the others never apply: probably a mistake. Keep 'block' alone, or remove it." });
  }
  for (const [section, pairs] of [
    ['users', [['includeUsers', 'excludeUsers'], ['includeGroups', 'excludeGroups'], ['includeRoles', 'excludeRoles']]],
    ['applications', [['includeApplications', 'excludeApplications']]],
    ['clientApplications', [['includeServicePrincipals', 'excludeServicePrincipals']]],
    ['locations', [['includeLocations', 'excludeLocations']]],
    ['platforms', [['includePlatforms', 'excludePlatforms']]],
  ] as const) {
    const group = obj(conditions[section]);
    for (const [include, exclude] of pairs) {
      const excluded = list(group[exclude]);
      list(group[include]).forEach((id, index) => {
        if (excluded.includes(id) && id !== 'all') {
          findings.push({ path: ['conditions', section, include, index], severity: 'warning', message: `'${id}' is both included and excluded. The exclusion wins, so including it does nothing: probably a mistake.` });
        }
      });
    }
  }
  return findings;
}

export function checkPolicy(policy: unknown): PolicyFinding[] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    return [{ path: [], severity: 'error', code: '1007', message: 'A policy is a JSON object.' }];
  }
  const findings = [...schemaFindings(policy), ...serviceRules(policy as Loose)];
  for (const key of READ_ONLY_PROPERTIES) {
    if (key in policy) findings.push({ path: [key], severity: 'info', message: `'${key}' is set by the service; it is left out when saving.` });
  }
  for (const path of unknownProperties(policy)) {
    findings.push({ path: path.split('.'), severity: 'warning', message: `'${path}' is not in this console's schema (a newer Graph feature?). It is kept and sent as it is.` });
  }
  return findings;
}

export const blocksSaving = (findings: PolicyFinding[]) => findings.some((f) => f.severity === 'error');
