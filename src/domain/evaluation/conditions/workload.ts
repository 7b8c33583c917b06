// The workload identities condition (conditions.clientApplications) for a service principal's sign-in.
// Documented limits (Entra docs, concept-conditional-access-users-groups): policies apply to single-
// tenant service principals registered in the tenant; managed identities are not covered.
import { objectIn as obj, stringsIn as list } from '../../json';
import { attributeFilterMatch } from '../attribute-filter';
import { configured, distinct, match, noMatch, unknown, unreadKeys, type Outcome } from '../outcome';
import type { WorkloadIdentity } from '../sign-in';
import type { PreparedSignIn } from './prepared';
// Agent identities beside them are not evaluated: a policy that sets them gets an unsure answer, naming them.
import { WORKLOAD_IDENTITY_PROPERTIES as READ } from '../../policy-schema-properties';

export function workloadOutcome(clientApplications: unknown, identity: WorkloadIdentity, p: PreparedSignIn): Outcome {
  const c = obj(clientApplications);
  if (!configured(c)) return noMatch('The policy targets users, not workload identities.');
  if (identity.servicePrincipalType === 'managedIdentity')
    return noMatch(`${p.who} is a managed identity, which Conditional Access does not cover.`);
  const id = identity.servicePrincipalId;
  if (list(c.excludeServicePrincipals).includes(id)) return noMatch(`${p.who} is excluded by name.`);
  const include = list(c.includeServicePrincipals);
  const byName = include.includes(id);
  const inTenant = include.includes('ServicePrincipalsInMyTenant');
  const filter = obj(c.servicePrincipalFilter);
  const unread = unreadKeys(c, READ, 'conditions.clientApplications');
  const missing: string[] = [];
  const reasons: string[] = [];
  let included: boolean | undefined = byName ? true : inTenant ? identity.ownedByThisTenant : false;
  if (included === undefined) {
    reasons.push(`whether ${p.who} is owned by this tenant is not known`);
    missing.push('identity.ownedByThisTenant');
  }
  if (configured(filter)) {
    const matched = attributeFilterMatch(filter.rule, identity.customSecurityAttributes, p.who, 'identity.customSecurityAttributes');
    if ('error' in matched)
      return unknown(`The service principal filter cannot be read: ${matched.error}`, [
        'conditions.clientApplications.servicePrincipalFilter',
      ]);
    if (filter.mode === 'exclude') {
      if (matched.value === true) return noMatch(`${p.who} is excluded by the service principal filter.`);
      if (matched.value === undefined) {
        reasons.push(matched.why);
        missing.push(...matched.missing);
      }
    } else if (filter.mode === 'include') {
      if (inTenant && !byName)
        // Whether an include filter narrows "all service principals" or adds to a list is not documented.
        return unknown('The policy combines all service principals with an include filter, whose meaning is not documented.', [
          'conditions.clientApplications.servicePrincipalFilter',
        ]);
      // Here the list names the identity or not at all: the filter adds those it matches.
      if (!byName) {
        included = matched.value;
        if (matched.value === undefined) {
          reasons.push(matched.why);
          missing.push(...matched.missing);
        }
      }
    } else
      return unknown(`The service principal filter's mode is ${JSON.stringify(filter.mode)}.`, [
        'conditions.clientApplications.servicePrincipalFilter',
      ]);
  }
  if (included === false) return noMatch(`${p.who} is not among the workload identities the policy includes.`);
  if (unread.length > 0) return unknown(`The policy sets ${unread.join(', ')}, which this engine does not evaluate.`, unread);
  if (included === undefined || missing.length > 0) return unknown(`${distinct(reasons).join('; ')}.`, missing);
  return match(`${p.who} is included ${byName ? 'by name' : inTenant ? 'as a service principal of this tenant' : 'by the filter'}.`);
}
