// The users condition for a user's sign-in: included by All, by name, through a group (transitive),
// a directory role, as a guest or external user of a kind and home tenant, or as an agent user; and
// excluded the same ways. Exclusion wins (Entra docs: "The exclude action overrides the include
// action"), so a known exclusion settles the answer even when some inclusion is not known.
import { objectIn as obj, stringsIn as list, type LooseObject } from '../../json';
import {
  anyOf,
  configured,
  distinct,
  flagsIn,
  match,
  no,
  noMatch,
  notKnown,
  unknown,
  unreadKeys,
  yes,
  type Outcome,
  type Tri,
} from '../outcome';
import type { GuestKind, UserIdentity } from '../sign-in';
import type { PreparedSignIn } from './prepared';
import { USERS_PROPERTIES as READ } from '../../policy-schema-properties';

const KIND_WORDS: Record<GuestKind, string> = {
  internalGuest: 'local guest',
  b2bCollaborationGuest: 'B2B collaboration guest',
  b2bCollaborationMember: 'B2B collaboration member',
  b2bDirectConnectUser: 'B2B direct connect user',
  otherExternalUser: 'other external user',
  serviceProvider: 'service provider user',
};

function memberOf(ids: readonly string[], held: ReadonlySet<string> | undefined, what: 'group' | 'role', p: PreparedSignIn): Tri {
  if (ids.length === 0) return no('');
  const named = ids.map((id) => (id === 'All' ? `all ${what}s` : `the ${what} ${p.name(id)}`)).join(', ');
  if (!held)
    return notKnown(`${p.who}'s ${what}s are not known (the policy names ${named})`, [
      `identity.${what}${what === 'group' ? 'Ids' : 'TemplateIds'}`,
    ]);
  if (ids.includes('All') && held.size > 0) return yes(`through all ${what}s`);
  const hit = ids.find((id) => held.has(id.toLowerCase()));
  return hit ? yes(`through the ${what} ${p.name(hit)}`) : no('');
}

function isGuest(identity: UserIdentity, p: PreparedSignIn): Tri {
  if (identity.guest === undefined) return notKnown(`whether ${p.who} is a guest or external user is not known`, ['identity.guest']);
  return identity.guest && identity.guest.kinds.length > 0 ? yes('as a guest or external user') : no('');
}

/** Whether the user is one of the guests or external users a conditionalAccessGuestsOrExternalUsers describes. */
function guestMatches(spec: unknown, identity: UserIdentity, p: PreparedSignIn): Tri {
  const s = obj(spec);
  const types = flagsIn(s.guestOrExternalUserTypes).filter((t) => t !== 'none');
  if (types.length === 0) return no('');
  if (identity.guest === undefined)
    return notKnown(`whether ${p.who} is a guest or external user, and of which kind, is not known`, ['identity.guest']);
  const kind = identity.guest?.kinds.find((k) => types.includes(k));
  if (!identity.guest || !kind) return no('');
  const tenants = obj(s.externalTenants);
  const membership = tenants.membershipKind ?? (configured(tenants.members) ? 'enumerated' : 'all');
  if (membership === 'all') return yes(`as a ${KIND_WORDS[kind]}`);
  if (membership !== 'enumerated')
    return notKnown(`the policy's external tenants are of a kind this engine does not read (${String(membership)})`, [
      'conditions.users.externalTenants',
    ]);
  const home = identity.guest.homeTenantId;
  if (home === undefined) return notKnown(`${p.who}'s home tenant is not known`, ['identity.guest.homeTenantId']);
  return list(tenants.members).some((t) => t.toLowerCase() === home.toLowerCase())
    ? yes(`as a ${KIND_WORDS[kind]} from ${p.name(home)}`)
    : no('');
}

/** Whether the list names the user: object ids are GUIDs, the same in any case (as app ids are compared). */
const namesUser = (ids: readonly string[], userId: string) => {
  const id = userId.toLowerCase();
  return ids.some((x) => x.toLowerCase() === id);
};

/** Whether any of these policies names AllAgentIdUsers: only then must a sign-in's user be known to be an agent or not. */
export const namesAgentUsers = (policies: readonly unknown[]): boolean =>
  policies.some((policy) => {
    const users = obj(obj(obj(policy).conditions).users);
    return list(users.includeUsers).includes('AllAgentIdUsers') || list(users.excludeUsers).includes('AllAgentIdUsers');
  });

/** AllAgentIdUsers: the user accounts of agents (beta), on either side, as the emulator reads it. */
function isAgentUser(identity: UserIdentity, p: PreparedSignIn): Tri {
  if (identity.agentUser === undefined) return notKnown(`whether ${p.who} is an agent user is not known`, ['identity.agentUser']);
  return identity.agentUser ? yes('as an agent user') : no('');
}

function exclusion(u: LooseObject, identity: UserIdentity, p: PreparedSignIn): Tri {
  const excludeUsers = list(u.excludeUsers);
  return anyOf(
    [
      namesUser(excludeUsers, identity.userId) ? yes('by name') : no(''),
      excludeUsers.includes('GuestsOrExternalUsers') ? isGuest(identity, p) : no(''),
      excludeUsers.includes('AllAgentIdUsers') ? isAgentUser(identity, p) : no(''),
      memberOf(list(u.excludeGroups), p.groups, 'group', p),
      memberOf(list(u.excludeRoles), p.roles, 'role', p),
      guestMatches(u.excludeGuestsOrExternalUsers, identity, p),
    ],
    '',
  );
}

function inclusion(u: LooseObject, identity: UserIdentity, p: PreparedSignIn): Tri {
  const includeUsers = list(u.includeUsers);
  return anyOf(
    [
      includeUsers.includes('All') ? yes('as one of all users') : no(''),
      namesUser(includeUsers, identity.userId) ? yes('by name') : no(''),
      includeUsers.includes('GuestsOrExternalUsers') ? isGuest(identity, p) : no(''),
      includeUsers.includes('AllAgentIdUsers') ? isAgentUser(identity, p) : no(''),
      memberOf(list(u.includeGroups), p.groups, 'group', p),
      memberOf(list(u.includeRoles), p.roles, 'role', p),
      guestMatches(u.includeGuestsOrExternalUsers, identity, p),
    ],
    `${p.who} is not among the users, groups, roles or guests the policy includes`,
  );
}

export function usersOutcome(users: unknown, identity: UserIdentity, p: PreparedSignIn, targetsWorkloads: boolean): Outcome {
  const u = obj(users);
  const includesSomeone =
    list(u.includeUsers).some((x) => x !== 'None') ||
    configured(u.includeGroups) ||
    configured(u.includeRoles) ||
    configured(u.includeGuestsOrExternalUsers);
  if (!includesSomeone)
    return noMatch(targetsWorkloads ? 'The policy targets workload identities, not users.' : 'The policy targets no users.');
  const excluded = exclusion(u, identity, p);
  if (excluded.value === true) return noMatch(`${p.who} is excluded ${excluded.why}.`);
  const included = inclusion(u, identity, p);
  if (included.value === false) return noMatch(`${included.why}.`);
  const unread = unreadKeys(u, READ, 'conditions.users');
  if (unread.length > 0) return unknown(`The policy sets ${unread.join(', ')}, which this engine does not evaluate.`, unread);
  if (included.value === undefined || excluded.value === undefined) {
    const open = [included, excluded].filter((t): t is Extract<Tri, { value: undefined }> => t.value === undefined);
    return unknown(
      `${distinct(open.map((t) => t.why)).join('; ')}.`,
      open.flatMap((t) => t.missing),
    );
  }
  return match(`${p.who} is included ${included.why}.`);
}
