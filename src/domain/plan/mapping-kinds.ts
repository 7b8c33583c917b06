// The kinds of reference the mapping knows, the key of each reference's row, and what each kind is called in words.
import type { ReferenceKind } from '../bundle/bundle';
import { AGENT_WORDS } from '../references';
import type { AgentKind, MappingKind } from './types';

export const mappingKey = (kind: MappingKind, value: string) => `${kind}:${value.toLowerCase()}`;

const DIRECTORY_KINDS: readonly MappingKind[] = ['user', 'group', 'role', 'application', 'servicePrincipal'];
export const isDirectoryKind = (kind: MappingKind): kind is ReferenceKind => DIRECTORY_KINDS.includes(kind);

export const KIND_WORDS: Record<MappingKind, string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  application: 'application',
  servicePrincipal: 'workload identity',
  namedLocation: 'named location',
  authenticationStrength: 'authentication strength',
  authenticationContext: 'authentication context',
  termsOfUse: 'terms of use',
};

/** What a reference is, in words: an agent identity or agent user as such, not as the service principal or user it also is. */
export const kindWords = (row: { kind: MappingKind; agent?: AgentKind | undefined }) =>
  row.agent ? AGENT_WORDS[row.agent] : KIND_WORDS[row.kind];
