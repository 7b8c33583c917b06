// Names a screen can show before its own lookup answers: every directory of names the cache holds
// (the list's, a history's, the editor's) merged. A screen whose set of policies differs from the
// list's has a lookup of its own, but most of its ids were named already: they show at once rather
// than as raw ids that turn into names a second later.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { NameDirectory, ResolvedName } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { queryKeys } from '../session/query-keys';
import type { TenantSession } from '../session/tenant-session';
import { namesQuery } from './queries';

export function knownNames(queryClient: QueryClient, tenant: TenantSession): NameDirectory | undefined {
  const names = new Map<string, ResolvedName>();
  for (const [, directory] of queryClient.getQueriesData<NameDirectory>({ queryKey: queryKeys.names(tenant) }))
    if (directory) for (const [key, name] of directory.names) names.set(key, name);
  return names.size > 0 ? { names, failures: [] } : undefined;
}

/**
 * useNames, with the names already known as its placeholder while the lookup runs
 * (`isPlaceholderData` until it answers: ids the placeholder lacks are on their way, not unknown).
 */
export function useNamesKnownFirst(tenant: TenantSession, policies: readonly ConditionalAccessPolicy[] | undefined) {
  const queryClient = useQueryClient();
  // Stable, so the cache is merged once per lookup, not at each render.
  const placeholderData = useCallback(() => knownNames(queryClient, tenant), [queryClient, tenant]);
  return useQuery({ ...namesQuery(tenant, policies), placeholderData });
}

/** Whether the names of a useNamesKnownFirst are still on their way: an id they lack is being looked up, not unknown. */
export const stillResolving = (names: { isPlaceholderData: boolean; isLoading: boolean }) => names.isPlaceholderData || names.isLoading;
