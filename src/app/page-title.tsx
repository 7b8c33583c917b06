// The browser tab's title of every route, decided here from the route objects' `handle`: the page's
// own words, then the product ("Change history · Gatehouse", "CA001: … · Policy · Gatehouse"), so
// tabs and history entries are told apart. A policy's name goes into document.title, which is text.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMatches } from 'react-router';
import type { ConditionalAccessPolicy } from '../domain/types';
import { policiesQuery, policyQuery } from '../policy-ui/queries';
import { useTenantSession } from '../session/tenant-session';
import { isolatedText } from '../shared/ui/isolated-text';

/** A route's title: a section's name, or words around the name of the policy in the route's `:id`. */
export type PageTitle = string | { ofPolicy: (name: string | null) => string };

export const titled = (title: PageTitle) => ({ title });

export const documentTitle = (title: string) => `${title} · Gatehouse`;

export const policyPageTitle: PageTitle = { ofPolicy: (name) => (name ? `${isolatedText(name)} · Policy` : 'Policy') };
export const editPolicyTitle: PageTitle = { ofPolicy: (name) => (name ? `Edit ${isolatedText(name)}` : 'Edit policy') };

/** The policy's name as the page showing it has it: read from the cache only, so the title costs no request. */
function usePolicyName(id: string | undefined): string | null {
  const tenant = useTenantSession();
  const list = useQueryClient().getQueryData<ConditionalAccessPolicy[]>(policiesQuery(tenant).queryKey);
  const policy = useQuery({ ...policyQuery(tenant, id ?? '', list), enabled: false });
  return (id && policy.data?.displayName) || null;
}

/** Sets the tab's title for the route shown; rendered once, in the signed-in frame. */
export function RouteTitle() {
  const match = useMatches().at(-1);
  const title = (match?.handle as { title?: PageTitle } | undefined)?.title;
  const name = usePolicyName(typeof title === 'object' ? match?.params.id : undefined);
  const text = title === undefined ? null : typeof title === 'string' ? title : title.ofPolicy(name);
  // Signed out, the tab is called what it was before signing in (this runs first, so it keeps that title).
  useEffect(() => {
    const before = document.title;
    return () => void (document.title = before);
  }, []);
  useEffect(() => {
    if (text) document.title = documentTitle(text);
  }, [text]);
  return null;
}
