// The admin's own save, made in this console, is no change "since you last looked": they saw its
// diff when they reviewed it. When a save succeeds, a watched policy's mark moves to the version the
// save read back, so only what others change afterwards is announced. Followed through the query
// client's mutations, whichever screen saved.
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JsonObject } from '../../domain/policy-body';
import { policyJson } from '../../domain/json';
import type { SaveOutcome } from '../../operations/save-policy';
import { queryKeys } from '../../session/query-keys';
import { useTenantSession } from '../../session/tenant-session';
import { markSeen } from '../../policy-ui/watch-store';

const sameKey = (a: QueryKey | undefined, b: QueryKey) => JSON.stringify(a) === JSON.stringify(b);

/** Calls `seen` with each policy a successful save (a mutation under `saveKey`) wrote; returns the unsubscribe. */
export function followOwnSaves(queryClient: QueryClient, saveKey: QueryKey, seen: (policies: JsonObject[]) => void): () => void {
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || !sameKey(event.mutation.options.mutationKey, saveKey)) return;
    const outcome = event.action.data as SaveOutcome;
    // A conflict hands back someone else's version: that one is still news.
    if (outcome.kind === 'saved') seen([policyJson(outcome.policy)]);
  });
}

/** Mounted with the signed-in console, so that a save on any screen moves the mark. */
export function FollowOwnSaves() {
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  const accountKey = tenant.account.key;
  const saveKey = queryKeys.write(tenant, 'save');
  // Subscribed again when it renders (rarely: the account changed), in the same commit. markSeen never
  // throws (a full or blocked storage only leaves the mark unkept): a listener that threw would turn the
  // save Graph made into a failed one.
  useEffect(() => followOwnSaves(queryClient, saveKey, (policies) => markSeen(accountKey, policies)), [queryClient, saveKey, accountKey]);
  return null;
}
