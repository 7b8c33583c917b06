// The directory around sign-ins: each user's groups (transitively) and active roles, read in $batch
// (20 users a request) so a week of sign-ins by hundreds of users costs a few round trips. A user whose
// read fails is marked unread (null): the engine then treats their groups and roles as unknown.
import type { UserDirectory } from '../domain/evaluation/impact-of-draft';
import type { GraphClient } from './client';

interface MemberOfItem {
  '@odata.type'?: string;
  id: string;
  roleTemplateId?: string | null;
}

export async function readUserDirectory(client: GraphClient, userIds: readonly string[]): Promise<UserDirectory> {
  // Workload sign-ins carry an empty userId: nothing to read.
  const unique = [...new Set(userIds.filter(Boolean))];
  const answers = await client.batch(
    'v1.0',
    unique.map((id, index) => ({
      id: String(index),
      method: 'GET',
      url: `/users/${encodeURIComponent(id)}/transitiveMemberOf?$select=id,roleTemplateId&$top=999`,
    })),
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
    directory[id] = {
      groupIds: body.value.filter((o) => o['@odata.type'] === '#microsoft.graph.group').map((o) => o.id),
      roleTemplateIds: body.value.flatMap((o) =>
        o['@odata.type'] === '#microsoft.graph.directoryRole' && o.roleTemplateId ? [o.roleTemplateId] : [],
      ),
    };
  });
  return directory;
}
