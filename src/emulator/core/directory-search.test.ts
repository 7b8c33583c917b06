// $search on users and groups as Graph's documentation shows it: "property:value" clauses joined by
// OR and AND, with ConsistencyLevel: eventual.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

async function search(kind: 'users' | 'groups', value: string): Promise<string[]> {
  const { call } = testEmulator();
  const response = await call('GET', `/v1.0/${kind}?$search=${encodeURIComponent(value)}&$select=displayName`, {
    headers: { ConsistencyLevel: 'eventual' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { displayName: string }[] }).value.map((o) => o.displayName);
}

describe('$search on directory objects', () => {
  it('matches any clause joined by OR, each on its own property', async () => {
    expect(await search('users', '"displayName:hugo.lefevre@" OR "userPrincipalName:hugo.lefevre@contoso"')).toEqual(['Hugo Lefevre']);
    // A guest's mail is at their home domain, unlike their sign-in name.
    expect(await search('users', '"displayName:sam.carter@fabrikam" OR "mail:sam.carter@fabrikam"')).toEqual([
      'Sam Carter (fabrikam.example)',
    ]);
  });

  it('needs every clause joined by AND, and AND binds before OR', async () => {
    expect(await search('users', '"displayName:grace" AND "mail:hugo"')).toEqual([]);
    expect(await search('users', '"displayName:grace" AND "mail:grace" OR "displayName:hugo"')).toEqual(['Grace Kim', 'Hugo Lefevre']);
  });

  it('matches a word of a name, and keeps an operator inside a quoted value as text', async () => {
    expect(await search('groups', '"displayName:emergency"')).toEqual(['CA - Emergency access accounts']);
    expect(await search('groups', '"displayName:Human AND resources"')).toEqual([]);
  });

  it('refuses what is not clauses and operators', async () => {
    const { call } = testEmulator();
    for (const value of ['hugo', '"displayName:hugo" NEAR "mail:hugo"', '"displayName:hugo" OR']) {
      const response = await call('GET', `/v1.0/users?$search=${encodeURIComponent(value)}`, { headers: { ConsistencyLevel: 'eventual' } });
      expect(response.status, value).toBe(400);
    }
  });
});
