// The names of what most policies for all users exclude (the candidate guard), for the readiness notes that
// warn of a plan's policy leaving one out while no emergency accounts are named. Only the candidates are looked
// up, and only those the names already read (the list's, the editor's) lack: no request when all are known.
// While the lookup runs the notes say the name is being looked up, not a raw id that would read as final.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ReadinessOptions } from '../../domain/contingency/readiness';
import { suggestCandidates } from '../../domain/emergency/fix';
import type { JsonObject } from '../../domain/json';
import { lookupName, type NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { knownNames } from '../../policy-ui/known-names';
import { namesQuery } from '../../policy-ui/queries';
import type { TenantSession } from '../../session/tenant-session';

export type NameOf = NonNullable<ReadinessOptions['nameOf']>;
const LOOKING_UP = { lookingUp: true } as const;

const named = (names: NameDirectory | undefined, kind: 'user' | 'group', id: string) => {
  const found = lookupName(names, [kind], id);
  // A deleted object's name is a placeholder ('Deleted object'): its id says more.
  return found && !found.missing ? found.displayName : undefined;
};

/** `unnamed`: no emergency accounts are named in Settings (otherwise readiness has no candidates to name). */
export function useCandidateNames(tenant: TenantSession, policies: readonly JsonObject[] | undefined, unnamed: boolean): NameOf {
  const queryClient = useQueryClient();
  const candidates = useMemo(() => (unnamed && policies ? suggestCandidates(policies) : []), [unnamed, policies]);
  // Read once per set of candidates: names seldom change, and the lookup below adds what is missing.
  const known = useMemo(() => (candidates.length > 0 ? knownNames(queryClient, tenant) : undefined), [candidates, queryClient, tenant]);
  const unknown = useMemo(() => candidates.filter((c) => named(known, c.kind, c.id) === undefined), [candidates, known]);
  const probe = useMemo(
    () =>
      unknown.length > 0
        ? [
            {
              conditions: {
                users: {
                  excludeUsers: unknown.filter((c) => c.kind === 'user').map((c) => c.id),
                  excludeGroups: unknown.filter((c) => c.kind === 'group').map((c) => c.id),
                },
              },
            } as ConditionalAccessPolicy,
          ]
        : undefined,
    [unknown],
  );
  const looked = useQuery(namesQuery(tenant, probe));
  const resolving = !!probe && looked.isPending;
  const found = looked.data;
  return useCallback(
    (kind, id) => named(known, kind, id) ?? named(found, kind, id) ?? (resolving ? LOOKING_UP : undefined),
    [known, found, resolving],
  );
}
