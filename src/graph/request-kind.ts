// What a Graph request does, by its method and path: a refusal (403) means a different missing right for
// each. Reads that travel by POST (What if's evaluate, getByIds, $batch) are reads; a change to Conditional
// Access needs a role that can change policies; creating or changing a group (a plan's ring group) needs
// rights over groups, which the Conditional Access roles do not give. src/session/write-refusals.ts sorts
// the refusals that make the console read-only by the same test.

export type RequestKind = 'read' | 'conditional-access-write' | 'group-write' | 'other-write';

/** Where Conditional Access is changed: policies, named locations, authentication contexts and strengths, deleted items. */
const CONDITIONAL_ACCESS_WRITE =
  /\/(identity\/conditionalAccess\/(policies|namedLocations|authenticationContextClassReferences|deletedItems)|policies\/authenticationStrengthPolicies)(\/|$)/;

/** POSTs that change nothing: a batch (of reads), What if's evaluate, and the directory's lookups by id. */
const READ_BY_POST =
  /(\/\$batch|\/identity\/conditionalAccess\/evaluate|\/getByIds|\/getMemberGroups|\/getMemberObjects|\/checkMemberGroups|\/checkMemberObjects)$/;

const GROUPS = /\/groups(\/|$)/;

export function requestKind(method: string, path: string): RequestKind {
  const bare = path.split('?')[0]!;
  if (method.toUpperCase() === 'GET' || READ_BY_POST.test(bare)) return 'read';
  if (CONDITIONAL_ACCESS_WRITE.test(bare)) return 'conditional-access-write';
  if (GROUPS.test(bare)) return 'group-write';
  return 'other-write';
}
