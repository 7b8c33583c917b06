// The directory around sign-ins: each user's groups (transitively), active roles, and whether an agent
// user, read in $batch (20 requests a batch) so a week of sign-ins by hundreds of users costs a few round
// trips. A user whose membership read fails is marked unread (null): the engine then treats their groups
// and roles as unknown; one whose own read fails, or is not read, is what the log says (or not known).
import type { UserDirectory } from '../domain/evaluation/impact-of-draft';
import type { GraphClient } from './client';
import { agentKind } from './object-kind';

interface MemberOfItem {
  '@odata.type'?: string;
  id: string;
  roleTemplateId?: string | null;
}

/**
 * `agentUsers`: also read each user for its type, which only a policy naming AllAgentIdUsers asks (one more
 * request per user, so only then), but for those in `typeLogged`, whose sign-ins already say it: the log's word
 * is their answer, for each of their sign-ins (those that do not say it too).
 */
export async function readUserDirectory(
  client: GraphClient,
  userIds: readonly string[],
  { agentUsers = false, typeLogged = {} }: { agentUsers?: boolean; typeLogged?: Readonly<Record<string, boolean>> } = {},
): Promise<UserDirectory> {
  // Workload sign-ins carry an empty userId: nothing to read.
  const unique = [...new Set(userIds.filter(Boolean))];
  const logged = new Map(Object.entries(typeLogged));
  const answers = await client.batch(
    'v1.0',
    unique.flatMap((id, index) => [
      {
        id: String(index),
        method: 'GET' as const,
        url: `/users/${encodeURIComponent(id)}/transitiveMemberOf?$select=id,roleTemplateId&$top=999`,
      },
      // The user itself, for its @odata.type: AllAgentIdUsers (on either side of a policy) asks whether an agent user.
      ...(agentUsers && !logged.has(id)
        ? [{ id: `user-${index}`, method: 'GET' as const, url: `/users/${encodeURIComponent(id)}?$select=id` }]
        : []),
    ]),
  );
  const directory: UserDirectory = {};
  unique.forEach((id, index) => {
    const answer = answers.get(String(index));
    const body = answer?.body as { value?: MemberOfItem[]; '@odata.nextLink'?: string } | undefined;
    // More than one page: the rest is not read, so the list is not known to be complete.
    if (!answer || answer.status !== 200 || !body?.value || body['@odata.nextLink']) {
      directory[id] = null;
      return;
    }
    const user = answers.get(`user-${index}`);
    const userBody = user?.body as { '@odata.type'?: string } | undefined;
    directory[id] = {
      // Graph names a derived type in @odata.type (an agent user is a user of type agentUser); a person's has none.
      ...(user?.status === 200 && userBody && { agentUser: agentKind(userBody['@odata.type']) === 'agentUser' }),
      ...(agentUsers && logged.has(id) && { agentUser: logged.get(id)! }),
      groupIds: body.value.filter((o) => o['@odata.type'] === '#microsoft.graph.group').map((o) => o.id),
      roleTemplateIds: body.value.flatMap((o) =>
        o['@odata.type'] === '#microsoft.graph.directoryRole' && o.roleTemplateId ? [o.roleTemplateId] : [],
      ),
    };
  });
  return directory;
}
