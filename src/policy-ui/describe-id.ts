// What an id in a policy's JSON is, for the names drawn beside ids in the editor and the diff.
import { lookupName, type NameDirectory, type NameKind } from '../domain/references';
import type { IdDescription } from '../shared/monaco';

const kindWords: Record<NameKind, string> = {
  user: 'user',
  group: 'group',
  role: 'directory role',
  application: 'application',
  servicePrincipal: 'service principal',
  namedLocation: 'named location',
  authenticationContext: 'authentication context',
  termsOfUse: 'terms of use',
  authenticationStrength: 'authentication strength',
};

// An agent identity is a service principal and an agent user a user, but admins know them as agents.
const agentWords = { agentIdentity: 'agent identity', agentUser: 'agent user' } as const;

export function describeIdIn(names: NameDirectory | undefined, id: string): IdDescription | undefined {
  const found = lookupName(
    names,
    ['user', 'group', 'servicePrincipal', 'role', 'application', 'namedLocation', 'termsOfUse', 'authenticationStrength'],
    id,
  );
  if (!found) return undefined;
  return {
    kind: found.missing ? 'object' : found.agent ? agentWords[found.agent] : kindWords[found.kind],
    label: found.displayName,
    detail: found.detail,
    missing: found.missing,
    elsewhere: found.elsewhere,
  };
}
