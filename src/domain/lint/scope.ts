// Whether a policy applies unconditionally: On, and nothing narrowing whom or when it applies
// beyond the emergency-access exclusions (and the Directory Synchronization Accounts role, which
// Microsoft's own templates exclude). A coverage rule counts only such a policy, and names what
// narrows the ones that come close. Each rule may allow the condition that is its very point
// (a legacy-authentication block narrows client apps; a risk policy narrows risk).
import { clientAppLabels, stateLabels } from '../labels';
import { objectIn as obj, stringsIn as list } from '../json';
import { idsIn, type PolicyView, type Tenant } from './tenant';

/** The Directory Synchronization Accounts role (the same template id in every tenant). */
export const DIRECTORY_SYNC_ROLE = 'd29b2b05-8046-44ba-8758-1e26182fcf32';

export interface Allowance {
  clientAppTypes?: boolean;
  userRisk?: boolean;
  signInRisk?: boolean;
  authenticationFlows?: boolean;
  locations?: boolean;
  /** Excluding guests and external users (Microsoft's security-info template does). */
  guests?: boolean;
}

const some = (words: string[]) => (words.length > 2 ? `${words.slice(0, 2).join(', ')} and ${words.length - 2} more` : words.join(' and '));

/** What narrows the policy, in words ("it excludes the group 'Sales'"); none when it applies unconditionally. */
export function narrowing(p: PolicyView, tenant: Tenant, allow: Allowance = {}): string[] {
  const reasons: string[] = [];
  if (p.state !== 'enabled') reasons.push(`it is ${stateLabels[p.state] ?? p.state}`);
  const notEmergency = (id: string) => !tenant.emergencyIds.has(id.toLowerCase());
  const users = idsIn(p.users.excludeUsers).filter(notEmergency);
  if (users.length) reasons.push(`it excludes the user${users.length > 1 ? 's' : ''} ${some(users.map(tenant.nameOf))}`);
  if (list(p.users.excludeUsers).includes('GuestsOrExternalUsers') && !allow.guests) reasons.push('it excludes guests and external users');
  if (Object.keys(obj(p.users.excludeGuestsOrExternalUsers)).length > 0 && !allow.guests)
    reasons.push('it excludes some guests or external users');
  const groups = idsIn(p.users.excludeGroups).filter(notEmergency);
  if (groups.length) reasons.push(`it excludes the group${groups.length > 1 ? 's' : ''} ${some(groups.map(tenant.nameOf))}`);
  const roles = idsIn(p.users.excludeRoles).filter((r) => r.toLowerCase() !== DIRECTORY_SYNC_ROLE);
  if (roles.length) reasons.push(`it excludes the role${roles.length > 1 ? 's' : ''} ${some(roles.map(tenant.nameOf))}`);
  if (list(p.apps.excludeApplications).length) reasons.push('it excludes some resources');
  const clients = list(p.conditions.clientAppTypes);
  if (clients.length && !clients.includes('all') && !allow.clientAppTypes)
    reasons.push(`it applies only to ${some(clients.map((c) => clientAppLabels[c] ?? c))}`);
  const platforms = obj(p.conditions.platforms);
  const included = list(platforms.includePlatforms);
  if ((included.length && !included.includes('all')) || list(platforms.excludePlatforms).length)
    reasons.push('it applies only to some device platforms');
  const locations = obj(p.conditions.locations);
  const where = list(locations.includeLocations);
  if (((where.length && !where.includes('All')) || list(locations.excludeLocations).length) && !allow.locations)
    reasons.push('it applies only at some locations');
  if (list(p.conditions.userRiskLevels).length && !allow.userRisk) reasons.push('it applies only at some user risk levels');
  if (list(p.conditions.signInRiskLevels).length && !allow.signInRisk) reasons.push('it applies only at some sign-in risk levels');
  const insider = p.conditions.insiderRiskLevels;
  if (typeof insider === 'string' && insider.trim()) reasons.push('it applies only at some insider risk levels');
  // Agent risk is only an agent's: a policy that sets it never reaches a person.
  const agentRisk = p.conditions.agentIdRiskLevels;
  if (typeof agentRisk === 'string' && agentRisk.trim()) reasons.push('it applies only to agents at some agent risk levels');
  const flows = obj(p.conditions.authenticationFlows).transferMethods;
  if (typeof flows === 'string' && flows.trim() && flows !== 'none' && !allow.authenticationFlows)
    reasons.push('it applies only to some authentication flows');
  if (Object.keys(obj(obj(p.conditions.devices).deviceFilter)).length) reasons.push('it applies only to the devices its filter selects');
  return reasons;
}
