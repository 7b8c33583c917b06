// $search on service principals as Graph's documentation has it (serviceprincipal-list, "Using $search
// on directory object collections"): ConsistencyLevel: eventual required, displayName tokenized and
// matched token by token in any order, no "contains", other properties by their start only.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { createSeedState, CONTOSO_TENANT_ID } from '../seed';

/** The seed, with the name Graph's own example finds by 'Team'. */
function emulator() {
  const state = createSeedState(new Date('2026-11-20T10:00:00Z'));
  const contoso = state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  // A new list: the seed's lists are shared between states.
  const teamApp = { ...contoso.servicePrincipals[0]!, id: 'f0f0f0f0-0000-4000-8000-00000000000f', displayName: 'myContosoTeam' };
  contoso.servicePrincipals = [...contoso.servicePrincipals, teamApp];
  return testEmulator({ state });
}

async function search(value: string): Promise<string[]> {
  const response = await emulator().call('GET', `/v1.0/servicePrincipals?$search=${encodeURIComponent(value)}&$select=displayName`, {
    headers: { ConsistencyLevel: 'eventual' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { displayName: string }[] }).value.map((o) => o.displayName).sort();
}

describe('$search on service principals', () => {
  it('needs ConsistencyLevel: eventual', async () => {
    const response = await emulator().call('GET', `/v1.0/servicePrincipals?$search=${encodeURIComponent('"displayName:teams"')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ConsistencyLevel: eventual');
  });

  it('finds a word inside the name, and a word where the case turns (Graph’s own example)', async () => {
    expect(await search('"displayName:teams"')).toEqual(['Microsoft Teams Services']);
    expect(await search('"displayName:Payroll"')).toEqual(['Contoso Payroll Sync']);
    expect(await search('"displayName:Team"')).toEqual(['Microsoft Teams Services', 'myContosoTeam']);
  });

  it('needs every word of the text, in any order, each starting a word of the name', async () => {
    expect(await search('"displayName:sync payroll"')).toEqual(['Contoso Payroll Sync']);
    expect(await search('"displayName:payroll expenses"')).toEqual([]);
    // No "contains": a piece from inside a word finds nothing.
    expect(await search('"displayName:ayroll"')).toEqual([]);
  });

  it('splits at symbols and digits, and joins words that only symbols separate', async () => {
    expect(await search('"displayName:backup"')).toEqual(['mi-backup-runner']);
    expect(await search('"displayName:mibackup"')).toEqual(['mi-backup-runner']);
    expect(await search('"displayName:Office365"')).toEqual(['Office 365 Exchange Online', 'Office 365 SharePoint Online']);
  });

  it('matches other properties by their start only', async () => {
    // Teams' appId is cc15fd57-2c6c-…: not tokenized, so its second group finds nothing.
    expect(await search('"appId:cc15fd57"')).toEqual(['Microsoft Teams Services']);
    expect(await search('"appId:2c6c"')).toEqual([]);
  });
});
