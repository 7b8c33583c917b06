// What a directory object answered by getByIds is, by its @odata.type: a group, a service principal (an
// agent identity is one: Graph answers it as #microsoft.graph.agentIdentity), else a user (agent users too).
import type { DirectoryObjectKind } from '../domain/directory-object-kinds';
import type { AgentKind } from '../domain/references';

export const directoryObjectKind = (type: unknown): DirectoryObjectKind =>
  type === '#microsoft.graph.group'
    ? 'group'
    : type === '#microsoft.graph.servicePrincipal' || type === '#microsoft.graph.agentIdentity'
      ? 'servicePrincipal'
      : 'user';

/** Whether the object is an agent identity or an agent user (Graph beta types), which the kind alone does not say. */
export const agentKind = (type: unknown): AgentKind | undefined =>
  type === '#microsoft.graph.agentIdentity' ? 'agentIdentity' : type === '#microsoft.graph.agentUser' ? 'agentUser' : undefined;
