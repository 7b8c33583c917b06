import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { lookupName, type NameDirectory } from '../../domain/references';
import { queryKeys } from '../../session/query-keys';
import type { TenantSession } from '../../session/tenant-session';
import { graphOverEmulator } from '../graph-over-emulator';
import { namesQuery, policiesQuery } from '../../policy-ui/queries';

/** The list's query as the policies page runs it, over the demo tenant, counting the names' $batch requests. */
function firstVisit() {
  let batches = 0;
  const events: string[] = [];
  const { client } = graphOverEmulator({
    fetch: (request, send) => {
      if (request.url.endsWith('/$batch')) {
        batches++;
        events.push('names request sent');
      }
      return send(request);
    },
  });
  const tenant = { account: { key: 'contoso', tenantId: 'contoso' }, client, scopeKey: ['tenant', 'contoso'] } as unknown as TenantSession;
  const queryClient = new QueryClient();
  // As the policies page does while its list is on its way: a names query for no list yet (disabled, no data).
  new QueryObserver(queryClient, namesQuery(tenant, undefined)).subscribe(() => {});
  queryClient.getQueryCache().subscribe((event) => {
    const [, , kind, fingerprint] = event.query.queryKey as string[];
    if (event.type === 'added' && kind === 'names' && fingerprint) events.push('names keyed');
  });
  return { tenant, queryClient, batches: () => batches, events };
}

describe('the policy list with names, on a device that has not seen the tenant', () => {
  it('asks for every name in one $batch as the list arrives, and keeps them under the list’s names', async () => {
    const { tenant, queryClient, batches, events } = firstVisit();
    const policies = await queryClient.fetchQuery(policiesQuery(tenant, { names: true }));
    // The lookup is on its way as soon as the list is answered, before the names' key (a digest of every id) is computed.
    await expect.poll(batches).toBe(1);
    await expect.poll(() => events).toEqual(['names request sent', 'names keyed']);
    const names = await queryClient.fetchQuery(namesQuery(tenant, policies));
    expect(batches()).toBe(1);
    const ca001 = policies.find((p) => p.displayName?.startsWith('CA001'))!;
    expect(lookupName(names, ['group'], ca001.conditions!.users!.excludeGroups![0]!)?.displayName).toBe('CA - Emergency access accounts');
    expect(names.failures).toEqual([]);
  });

  it('does not ask again while the names of the same list are fresh', async () => {
    const { tenant, queryClient, batches } = firstVisit();
    const policies = await queryClient.fetchQuery(policiesQuery(tenant, { names: true }));
    await queryClient.fetchQuery(namesQuery(tenant, policies));
    await queryClient.refetchQueries({ queryKey: queryKeys.policyList(tenant) });
    const again = queryClient.getQueryData<typeof policies>(queryKeys.policyList(tenant))!;
    const cached = queryClient.getQueryData<NameDirectory>(namesQuery(tenant, again).queryKey);
    expect(cached?.names.size).toBeGreaterThan(0);
    expect(batches()).toBe(1);
  });

  it('asks Graph again when the names are read again (a write invalidated them), not the first lookup’s answer', async () => {
    const { tenant, queryClient, batches } = firstVisit();
    const policies = await queryClient.fetchQuery(policiesQuery(tenant, { names: true }));
    await queryClient.fetchQuery(namesQuery(tenant, policies));
    expect(batches()).toBe(1);
    await queryClient.invalidateQueries({ queryKey: queryKeys.names(tenant) });
    await queryClient.fetchQuery(namesQuery(tenant, policies));
    expect(batches()).toBe(2);
  });
});
