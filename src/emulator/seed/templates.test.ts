// The templates the emulator serves are Microsoft's 21, with their published ids and scenarios,
// values outside Graph's documented enums kept as the service sends them.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

describe('GET /identity/conditionalAccess/templates', () => {
  it('lists Microsoft’s 21 templates, each id once, with scenarios as one comma-separated string', async () => {
    const { call } = testEmulator();
    const body = (await (await call('GET', '/beta/identity/conditionalAccess/templates')).json()) as {
      value: { id: string; name: string; scenarios: string }[];
    };
    expect(body.value).toHaveLength(21);
    expect(new Set(body.value.map((t) => t.id)).size).toBe(21);
    const byName = new Map(body.value.map((t) => [t.name, t]));
    expect(byName.get('Block legacy authentication')).toMatchObject({
      id: '0b2282f9-2862-4178-88b5-d79340b36cb8',
      scenarios: 'secureFoundation,zeroTrust,remoteWork,protectAdmins',
    });
    // Outside the documented enum (new, secureFoundation, zeroTrust, remoteWork, protectAdmins, emergingThreats): kept.
    expect(byName.get('Block all agent identities from accessing resources')?.scenarios).toBe('aiAgents');
  });

  it('filters on a scenario Graph does not document, as it does on the others', async () => {
    const { call } = testEmulator();
    const body = (await (
      await call('GET', "/beta/identity/conditionalAccess/templates?$select=name,scenarios&$filter=scenarios has 'aiAgents'")
    ).json()) as { value: { name: string }[] };
    expect(body.value.map((t) => t.name).sort()).toEqual([
      'Block all agent identities from accessing resources',
      'Block all agent users from accessing resources',
      'Block high risk agent identities from accessing resources',
    ]);
  });
});
