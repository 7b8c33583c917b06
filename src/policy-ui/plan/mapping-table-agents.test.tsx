// @vitest-environment jsdom
// The mapping table names an agent identity and an agent user as such (Graph beta's agent lists), not
// as the workload identity and user they also are: the admin looks for them among the tenant's agents.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mappingOf, renderMappingTable } from './mapping-table-fixture';
import { emptyTarget, pilotImport } from './test-fixtures';

// The directory search needs a signed-in tenant; it plays no part here.
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));

afterEach(cleanup);

const AGENT = '44444444-4444-4444-8444-444444444444';
const AGENT_USER = '66666666-6666-4666-8666-666666666666';

describe('MappingTable: agents', () => {
  it('says "agent identity" and "agent user" for what the agent lists name', () => {
    const source = pilotImport({ includeUsers: ['All'] }, [
      { kind: 'servicePrincipal', id: AGENT, displayName: 'Helpdesk agent', exists: true },
      { kind: 'user', id: AGENT_USER, displayName: 'Mail agent', exists: true },
    ]);
    const policy = source.sections.policies[0]!;
    policy.conditions = {
      ...(policy.conditions as object),
      clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [AGENT] },
      agents: { includeAgentUsers: ['All'], excludeAgentUsers: [AGENT_USER] },
    };
    const rows = mappingOf(source, emptyTarget([AGENT, AGENT_USER]));
    renderMappingTable(rows);
    const table = screen.getByRole('table', { name: 'How references map to this tenant' });
    const rowOf = (name: string) => within(table).getByText(name).closest('tr')!;
    expect(rowOf('Helpdesk agent').textContent).toContain(`agent identity · ${AGENT}`);
    expect(rowOf('Mail agent').textContent).toContain(`agent user · ${AGENT_USER}`);
    expect(screen.getByText("Choose what the agent identity 'Helpdesk agent' becomes in this tenant.")).toBeTruthy();
    expect(table.textContent).not.toContain('workload identity');
  });
});
