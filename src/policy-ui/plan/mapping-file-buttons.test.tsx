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
