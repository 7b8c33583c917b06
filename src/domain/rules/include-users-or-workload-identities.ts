import { list, obj } from './loose-json';
import type { Rule } from './rule';

export const includeUsersOrWorkloadIdentities: Rule = {
  id: 'include-users-or-workload-identities',
  severity: 'error',
  source: 'service',
  description: 'The policy includes users, groups, roles or guests, or workload identities, or says ["None"].',
  looksAt: [
    ['conditions', 'users', 'includeUsers'],
    ['conditions', 'users', 'includeGroups'],
    ['conditions', 'users', 'includeRoles'],
    ['conditions', 'users', 'includeGuestsOrExternalUsers'],
    ['conditions', 'clientApplications', 'includeServicePrincipals'],
    ['conditions', 'clientApplications', 'includeAgentIdServicePrincipals'],
  ],
  check(policy) {
    const conditions = obj(policy.conditions);
    const users = obj(conditions.users);
    const clients = obj(conditions.clientApplications);
    const includesUsers =
      [users.includeUsers, users.includeGroups, users.includeRoles].some((value) => list(value).length > 0) ||
      !!users.includeGuestsOrExternalUsers;
    const includesWorkloads = [clients.includeServicePrincipals, clients.includeAgentIdServicePrincipals].some(
      (value) => list(value).length > 0,
    );
    return includesUsers || includesWorkloads
      ? []
      : [{ path: ['conditions', 'users'], message: 'Include users (use ["None"] to include nobody) or workload identities.' }];
  },
};
