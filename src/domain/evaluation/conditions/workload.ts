// The workload identities condition (conditions.clientApplications) for a service principal's sign-in.
// Documented limits (Entra docs, concept-conditional-access-users-groups): policies apply to single-
// tenant service principals registered in the tenant; managed identities are not covered.
// Agent identities (Graph beta) have lists of their own: includeAgentIdServicePrincipals ('All' or agent
// identity ids), excludeAgentIdServicePrincipals and agentIdServicePrincipalFilter (beta
// conditionalaccessclientapplications.md). An agent identity is met by those only, and a service principal
// that is no agent by the service principal lists only (ServicePrincipalsInMyTenant names the tenant's
// applications, not its agents), as the emulator decides.
import { objectIn as obj, stringsIn as list, type LooseObject } from '../../json';
import { attributeFilterMatch } from '../attribute-filter';
import { configured, distinct, match, noMatch, unknown, unreadKeys, type Outcome } from '../outcome';
import type { WorkloadIdentity } from '../sign-in';
import type { PreparedSignIn } from './prepared';
import { AGENT_IDENTITY_PROPERTIES, WORKLOAD_IDENTITY_PROPERTIES } from '../../policy-schema-properties';

const READ = [...WORKLOAD_IDENTITY_PROPERTIES, ...AGENT_IDENTITY_PROPERTIES];

/** One of the two kinds of lists: the service principals', or the agent identities'. */
interface Lists {
  include: readonly string[];
  exclude: readonly string[];
  filter: LooseObject;
  filterKey: 'servicePrincipalFilter' | 'agentIdServicePrincipalFilter';
  filterWords: string;
  /** What the include list names them all by, and whether the identity is among them (undefined: not known). */
  everyone: { named: boolean; all: string; includes: boolean | undefined; words: string; missing: string; unsure: string };
  plural: string;
}

/** Object ids are GUIDs, the same in any case. */
const names = (ids: readonly string[], id: string) => ids.some((x) => x.toLowerCase() === id.toLowerCase());

function servicePrincipalLists(c: LooseObject, identity: WorkloadIdentity, who: string): Lists {
  const include = list(c.includeServicePrincipals);
  return {
    include,
    exclude: list(c.excludeServicePrincipals),
    filter: obj(c.servicePrincipalFilter),
    filterKey: 'servicePrincipalFilter',
    filterWords: 'service principal filter',
    everyone: {
      named: include.includes('ServicePrincipalsInMyTenant'),
      all: 'all service principals',
      includes: identity.ownedByThisTenant,
      words: 'as a service principal of this tenant',
      missing: 'identity.ownedByThisTenant',
      unsure: `whether ${who} is owned by this tenant is not known`,
    },
    plural: 'workload identities',
  };
}

function agentIdentityLists(c: LooseObject): Lists {
  const include = list(c.includeAgentIdServicePrincipals);
  return {
    include,
    exclude: list(c.excludeAgentIdServicePrincipals),
    filter: obj(c.agentIdServicePrincipalFilter),
    filterKey: 'agentIdServicePrincipalFilter',
    filterWords: 'agent identity filter',
    everyone: {
      named: include.includes('All'),
      all: 'all agent identities',
      includes: true,
      words: 'as one of all agent identities',
      missing: '',
      unsure: '',
    },
    plural: 'agent identities',
  };
}

/** Whether the policy names any identity through these lists (an exclusion alone includes no one). */
const namesAny = (l: Lists) => l.include.length > 0 || configured(l.filter);

/** The identity against one kind of lists: excluded wins; included by name, by all, or by an include filter. */
function listsOutcome(l: Lists, identity: WorkloadIdentity, p: PreparedSignIn, unread: readonly string[]): Outcome {
  const id = identity.servicePrincipalId;
  if (names(l.exclude, id)) return noMatch(`${p.who} is excluded by name.`);
  const byName = names(l.include, id);
  const all = l.everyone.named;
  const filterPath = `conditions.clientApplications.${l.filterKey}`;
  const missing: string[] = [];
  const reasons: string[] = [];
  let included: boolean | undefined = byName ? true : all ? l.everyone.includes : false;
  if (included === undefined) {
    reasons.push(l.everyone.unsure);
    missing.push(l.everyone.missing);
  }
  if (configured(l.filter)) {
    const matched = attributeFilterMatch(l.filter.rule, identity.customSecurityAttributes, p.who, 'identity.customSecurityAttributes');
    if ('error' in matched) return unknown(`The ${l.filterWords} cannot be read: ${matched.error}`, [filterPath]);
    if (l.filter.mode === 'exclude') {
      if (matched.value === true) return noMatch(`${p.who} is excluded by the ${l.filterWords}.`);
      if (matched.value === undefined) {
        reasons.push(matched.why);
        missing.push(...matched.missing);
      }
    } else if (l.filter.mode === 'include') {
      if (all && !byName)
        // Whether an include filter narrows "all" or adds to a list is not documented.
        return unknown(`The policy combines ${l.everyone.all} with an include filter, whose meaning is not documented.`, [filterPath]);
      // Here the list names the identity or not at all: the filter adds those it matches.
      if (!byName) {
        included = matched.value;
        if (matched.value === undefined) {
          reasons.push(matched.why);
          missing.push(...matched.missing);
        }
      }
    } else return unknown(`The ${l.filterWords}'s mode is ${JSON.stringify(l.filter.mode)}.`, [filterPath]);
  }
  if (included === false) return noMatch(`${p.who} is not among the ${l.plural} the policy includes.`);
  if (unread.length > 0) return unknown(`The policy sets ${unread.join(', ')}, which this engine does not evaluate.`, unread);
  if (included === undefined || missing.length > 0) return unknown(`${distinct(reasons).join('; ')}.`, missing);
  return match(`${p.who} is included ${byName ? 'by name' : all ? l.everyone.words : 'by the filter'}.`);
}

export function workloadOutcome(clientApplications: unknown, identity: WorkloadIdentity, p: PreparedSignIn): Outcome {
  const c = obj(clientApplications);
  if (!configured(c)) return noMatch('The policy targets users, not workload identities.');
  if (identity.servicePrincipalType === 'managedIdentity')
    return noMatch(`${p.who} is a managed identity, which Conditional Access does not cover.`);
  const unread = unreadKeys(c, READ, 'conditions.clientApplications');
  const servicePrincipals = servicePrincipalLists(c, identity, p.who);
  const agents = agentIdentityLists(c);
  const asAgent = () =>
    namesAny(agents)
      ? listsOutcome(agents, identity, p, unread)
      : noMatch(`${p.who} is an agent identity: the policy names service principals, not agent identities.`);
  const asServicePrincipal = () =>
    namesAny(servicePrincipals) || !namesAny(agents)
      ? listsOutcome(servicePrincipals, identity, p, unread)
      : noMatch(`${p.who} is no agent identity: the policy names agent identities only.`);
  if (identity.agentIdentity === true) return asAgent();
  if (identity.agentIdentity === false) return asServicePrincipal();
  // Not known: read as a service principal while the policy names no agent identity (as before the agent
  // lists: the sign-in log does not say); else settled when both readings agree.
  const plain = asServicePrincipal();
  if (!namesAny(agents)) return plain;
  const agent = listsOutcome(agents, identity, p, unread);
  // Met by neither reading: said of the lists that name someone, not of what the identity is.
  if (plain.kind === 'noMatch' && agent.kind === 'noMatch')
    return namesAny(servicePrincipals) ? noMatch(`${plain.reason} ${agent.reason}`) : agent;
  // Met by both: included whichever it is.
  if (plain.kind === 'match' && agent.kind === 'match')
    return match(`Whether or not ${p.who} is an agent identity, the policy includes it. ${plain.reason} ${agent.reason}`);
  return unknown(`Whether ${p.who} is an agent identity is not known, and the policy names agent identities.`, [
    'identity.agentIdentity',
    ...(plain.kind === 'unknown' ? plain.missing : []),
    ...(agent.kind === 'unknown' ? agent.missing : []),
  ]);
}
