// The application pickers' search, over the emulator: admins type a word from inside the name, or
// paste an application's id.
import { describe, expect, it } from 'vitest';
import { graphOverEmulator } from '../graph-over-emulator';
import { searchDirectory } from '../../graph/directory';

const search = (kind: 'servicePrincipals' | 'workloadIdentities', term: string) => searchDirectory(graphOverEmulator().client, kind, term);
const names = async (term: string) => (await search('servicePrincipals', term)).map((e) => e.displayName).sort();

describe('searching applications', () => {
  it('finds a word inside the name, not only its start', async () => {
    expect(await names('Expenses')).toEqual(['Contoso Expenses']);
    expect(await names('teams')).toEqual(['Microsoft Teams Services']);
    expect(await names('payroll sync')).toEqual(['Contoso Payroll Sync']);
  });

  it('finds an application by its appId pasted whole, and answers the appId policies name', async () => {
    const [teams] = await search('servicePrincipals', ' CC15FD57-2C6C-4117-A88C-83B1D56B4BBE ');
    expect(teams).toEqual({ id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', displayName: 'Microsoft Teams Services', detail: teams?.id });
  });

  it('finds a workload identity by a word of its name, answering its own id', async () => {
    const [payroll] = await search('workloadIdentities', 'payroll');
    expect(payroll?.displayName).toBe('Contoso Payroll Sync');
    expect(payroll?.detail).toMatch(/^App [0-9a-f-]{36}$/);
    expect(payroll?.id).not.toBe(payroll?.detail?.slice(4));
  });

  it('offers the demo’s agent identity in neither picker: it has no appId, and policies name it in the agent identity lists', async () => {
    expect(await search('servicePrincipals', 'Helpdesk')).toEqual([]);
    expect(await search('workloadIdentities', 'Helpdesk')).toEqual([]);
  });
});
