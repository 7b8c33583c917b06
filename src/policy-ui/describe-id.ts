// What an id in a policy's JSON is, for the names drawn beside ids in the editor and the diff.
import { AGENT_WORDS, lookupName, type NameDirectory, type NameKind } from '../domain/references';
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

export function describeIdIn(names: NameDirectory | undefined, id: string): IdDescription | undefined {
  const found = lookupName(
    names,
    ['user', 'group', 'servicePrincipal', 'role', 'application', 'namedLocation', 'termsOfUse', 'authenticationStrength'],
    id,
  );
  if (!found) return undefined;
  return {
    kind: found.missing ? 'object' : found.agent ? AGENT_WORDS[found.agent] : kindWords[found.kind],
    label: found.displayName,
    detail: found.detail,
    missing: found.missing,
    elsewhere: found.elsewhere,
  };
}
