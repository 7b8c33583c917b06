// The pickers' search over the emulator: users found by name, sign-in name or mail; groups by name;
// terms with characters that mean something in a URL or in the query.
import { describe, expect, it } from 'vitest';
import { searchClause, searchDirectory } from '../../graph/directory';
import { graphOverEmulator } from '../graph-over-emulator';

const names = async (kind: Parameters<typeof searchDirectory>[1], term: string) =>
  (await searchDirectory(graphOverEmulator().client, kind, term)).map((e) => e.displayName);

describe('directory search for pickers', () => {
  it('finds a user by display name, by sign-in name and by mail', async () => {
    expect(await names('users', 'hugo')).toEqual(['Hugo Lefevre']);
    expect(await names('users', 'Hugo Lefevre')).toEqual(['Hugo Lefevre']);
    expect(await names('users', 'hugo.lefevre@contoso.example')).toEqual(['Hugo Lefevre']);
    // A guest: the sign-in name is in this tenant, the mail at home.
    expect(await names('users', 'sam.carter_fabrikam.example#EXT#')).toEqual(['Sam Carter (fabrikam.example)']);
    expect(await names('users', 'sam.carter@fabrikam.example')).toEqual(['Sam Carter (fabrikam.example)']);
  });

  it('shows a user’s sign-in name beside the name', async () => {
    const [hugo] = await searchDirectory(graphOverEmulator().client, 'users', 'hugo');
    expect(hugo?.detail).toBe('hugo.lefevre@contoso.example');
  });

  it('marks the demo’s agent user as one, and a person as none', async () => {
    const found = await searchDirectory(graphOverEmulator().client, 'users', 'helpdesk');
    expect(found.map((e) => [e.displayName, e.agent])).toEqual([['Helpdesk Agent', 'agentUser']]);
    const [hugo] = await searchDirectory(graphOverEmulator().client, 'users', 'hugo');
    expect(hugo?.agent).toBeUndefined();
  });

  it('finds groups by a word of their name', async () => {
    expect(await names('groups', 'emergency')).toEqual(['CA - Emergency access accounts']);
  });

  it('sends terms with &, # and quotes whole, and finds nothing rather than failing', async () => {
    expect(await names('users', 'R&D #1 "x"')).toEqual([]);
    expect(await names('servicePrincipals', "O'Brien & co #")).toEqual([]);
  });

  it('builds one quoted clause a property, joined by OR', () => {
    expect(searchClause('users', 'a"b\\c')).toBe('"displayName:abc" OR "userPrincipalName:abc" OR "mail:abc"');
    expect(searchClause('groups', 'hr')).toBe('"displayName:hr" OR "mail:hr"');
  });
});
