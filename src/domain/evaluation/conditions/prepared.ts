// One sign-in made ready for evaluation against many policies: id lists turned into sets once, and
// names resolved through the caller's lookup.
import { idsOf, nameOf, type EvaluationContext, type SignInFacts } from '../sign-in';

export interface PreparedSignIn {
  signIn: SignInFacts;
  context: EvaluationContext;
  /** Transitive groups, when known, in lower case (see caseless). */
  groups: ReadonlySet<string> | undefined;
  /** Active role template ids, when known, in lower case. */
  roles: ReadonlySet<string> | undefined;
  /** The name of an id, or the id itself. */
  name(id: string): string;
  /** Who signs in, as reasons name them. */
  who: string;
}

/** Graph's ids are GUIDs, the same in any case: a policy written with capitals still names the group. */
const caseless = (ids: ReadonlySet<string> | undefined) => ids && new Set([...ids].map((id) => id.toLowerCase()));

export function prepareSignIn(signIn: SignInFacts, context: EvaluationContext = {}): PreparedSignIn {
  const identity = signIn.identity;
  const name = (id: string) => nameOf(context.names, id) ?? id;
  const who =
    identity?.kind === 'user'
      ? (nameOf(context.names, identity.userId) ?? identity.displayName ?? identity.userId)
      : identity?.kind === 'workloadIdentity'
        ? (nameOf(context.names, identity.servicePrincipalId) ?? identity.displayName ?? identity.servicePrincipalId)
        : 'the identity';
  return {
    signIn,
    context,
    groups: identity?.kind === 'user' ? caseless(idsOf(identity.groupIds)) : undefined,
    roles: identity?.kind === 'user' ? caseless(idsOf(identity.roleTemplateIds)) : undefined,
    name,
    who,
  };
}
