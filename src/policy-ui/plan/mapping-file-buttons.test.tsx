// @vitest-environment jsdom
// A saved mapping with a domain map is read through the review's own directory read (Find users again's), and
// when its users cannot be looked up, its choices are applied without the domain map, and the words say so.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sourcePolicies } from '../../domain/plan/build-plan';
import { buildMapping } from '../../domain/plan/mapping';
import { defaultChoices, type MappingChoice } from '../../domain/plan/types';
import { MappingFileButtons } from './mapping-file-buttons';
import { emptyTarget, pilotImport } from './test-fixtures';

afterEach(cleanup);

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-2' }, scopeKey: ['tenant', 'acct'], client: {}, context: {} }),
}));
// The directory as any read of it answers: it cannot be reached.
vi.mock('../queries', () => ({
  directoryMatchesQuery: () =>
    queryOptions({
      queryKey: ['matches'],
      queryFn: (): Promise<Map<string, never>> => Promise.reject(new Error('Failed to fetch')),
    }),
}));

const USER = 'bbbbbbbb-0000-0000-0000-000000000001';
const source = pilotImport({ includeUsers: [USER] }, [
  { kind: 'user', id: USER, displayName: 'Break Glass 01', userPrincipalName: 'bg01@contoso.example', exists: true },
]);
source.origin.domain = 'contoso.example';
const rows = buildMapping(source, sourcePolicies(source), emptyTarget([USER]), defaultChoices(), new Map(), false);

const DOMAINS = [{ from: 'contoso.example', to: 'fabrikam.example' }];
const saved = JSON.stringify({
  format: 'gatehouse.mapping',
  version: 1,
  target: { tenantId: 'tenant-2', tenantName: 'Fabrikam' },
  domains: DOMAINS,
  choices: [{ key: `user:${USER}`, sourceName: 'Break Glass 01', choice: { action: 'drop' } }],
});

describe('MappingFileButtons: a saved domain map whose users cannot be looked up', () => {
  it('reads through the review’s lookup, applies the choices without the domain map, and says so', async () => {
    const loads: [Record<string, MappingChoice>, unknown][] = [];
    const lookUpUsers = vi.fn((_domains: unknown) => Promise.reject(new Error('Failed to fetch')));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MappingFileButtons
          rows={rows}
          choices={defaultChoices()}
          source={source}
          targetName="Fabrikam"
          onLoad={(mapping, domains) => loads.push([mapping, domains])}
          lookUpUsers={lookUpUsers}
        />
      </QueryClientProvider>,
    );
    const file = new File([saved], 'saved.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Saved mapping'), { target: { files: [file] } });

    await waitFor(() => expect(loads).toHaveLength(1));
    // The choice is applied; the domain map is not (the review keeps its own).
    expect(loads[0]![0]).toEqual({ [`user:${USER}`]: { action: 'drop' } });
    expect(loads[0]![1]).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByText((_, element) =>
          element?.classList.contains('fui-MessageBarBody')
            ? element.textContent ===
              '1 saved choice applied. Its domain map (contoso.example to fabrikam.example) is not applied: the users could not be looked up with it. Failed to fetch.'
            : false,
        ),
      ).toBeTruthy(),
    );
    // Read by the review's one lookup (Find users again's), not a second copy of it.
    expect(lookUpUsers).toHaveBeenCalledWith(DOMAINS);
  });
});

describe('MappingFileButtons: a saved mapping in UTF-16 (PowerShell 5.1’s Out-File)', () => {
  it('is read as the import’s files are, and its choices applied', async () => {
    const loads: Record<string, MappingChoice>[] = [];
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MappingFileButtons
          rows={rows}
          choices={defaultChoices()}
          source={source}
          targetName="Fabrikam"
          onLoad={(mapping) => loads.push(mapping)}
          lookUpUsers={async () => ({ users: 1, found: 1, ambiguous: 0 })}
        />
      </QueryClientProvider>,
    );
    const utf16 = JSON.stringify({ ...JSON.parse(saved), domains: [] });
    const bytes = new Uint8Array(2 + utf16.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < utf16.length; i++) bytes[2 + i * 2] = utf16.charCodeAt(i);
    const file = new File([bytes], 'saved-utf16.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Saved mapping'), { target: { files: [file] } });

    await waitFor(() => expect(loads).toHaveLength(1));
    expect(loads[0]).toEqual({ [`user:${USER}`]: { action: 'drop' } });
    await waitFor(() => expect(screen.getAllByText('1 saved choice applied.').length).toBeGreaterThan(0));
  });
});
