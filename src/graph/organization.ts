// The signed-in tenant's name and default domain, for the header and the account switcher.
import type { GraphClient } from './client';

export interface Organization {
  id: string;
  displayName: string;
  defaultDomain: string | null;
}

export async function getOrganization(client: GraphClient, signal?: AbortSignal): Promise<Organization | null> {
  const page = await client.get<{ value: { id: string; displayName: string; verifiedDomains?: { name: string; isDefault: boolean }[] }[] }>(
    '/v1.0/organization?$select=id,displayName,verifiedDomains',
    { signal },
  );
  const org = page.value[0];
  if (!org) return null;
  return { id: org.id, displayName: org.displayName, defaultDomain: org.verifiedDomains?.find((d) => d.isDefault)?.name ?? null };
}
