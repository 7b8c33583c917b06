// @vitest-environment jsdom
// The editor's agent identity lists: the search asks Graph beta for agent identities alone (a cast of
// servicePrincipals; src/testing/integration/agent-identity-search shows the emulator's answer), and a pick writes the agent identity's object id where Graph beta's
// conditionalAccessClientApplications takes it, excludeAgentIdServicePrincipals; CA023's users read
// 'All agent users' (AllAgentIdUsers), not 'All agent identities'.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/policy-body';
import { AssignmentPickers } from './assignment-pickers';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
// What Graph answers: agent identities for the agent identity cast, an application for any other search.
const asked: string[] = [];
const get = async (path: string) => {
  asked.push(path);
  return path.startsWith('/beta/servicePrincipals/microsoft.graph.agentIdentity?')
    ? { value: [{ '@odata.type': '#microsoft.graph.agentIdentity', id: HELPDESK_AGENT, displayName: 'Contoso Helpdesk Agent' }] }
    : { value: [{ id: 'sp-payroll', appId: 'app-payroll', displayName: 'Contoso Payroll Sync' }] };
};
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ scopeKey: ['tenant', 'contoso'], client: { get } }) }));

function Editor({ initial, onText }: { initial: JsonObject; onText(text: string): void }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [text, setText] = useState(JSON.stringify(initial, null, 2));
  return (
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>
        <AssignmentPickers
          policy={JSON.parse(text) as JsonObject}
          text={text}
          names={undefined}
          onChange={(next) => {
            setText(next);
            onText(next);
          }}
        />
      </QueryClientProvider>
    </FluentProvider>
  );
}

// Fluent's combobox and accordion: seconds on a busy machine.
afterEach(cleanup);

describe('the editor’s agent identity pickers', () => {
  it('offers the tenant’s agent identity by name and writes its object id to the agent identity list', async () => {
    let written = '';
    render(
      <Editor
        initial={{
          displayName: 'Block agents',
          conditions: { users: { includeUsers: ['AllAgentIdUsers'] }, clientApplications: { includeAgentIdServicePrincipals: ['All'] } },
        }}
        onText={(text) => (written = text)}
      />,
    );
    expect(within(screen.getByRole('toolbar', { name: 'Include users' })).getByText('All agent users')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Agent identities' }));
    expect(within(screen.getByRole('toolbar', { name: 'Include agent identities' })).getByText('All agent identities')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Exclude agent identities' }), { target: { value: 'helpdesk' } });
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: /Contoso Helpdesk Agent/ }));
    expect((JSON.parse(written) as { conditions: JsonObject }).conditions.clientApplications).toEqual({
      includeAgentIdServicePrincipals: ['All'],
      excludeAgentIdServicePrincipals: [HELPDESK_AGENT],
    });
  }, 20_000);

  it('asks for agent identities alone, so no application or workload identity is offered among them', async () => {
    render(<Editor initial={{ displayName: 'Agents', conditions: {} }} onText={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Agent identities' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Include agent identities' }), { target: { value: 'contoso' } });
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByRole('option', { name: /Contoso Helpdesk Agent/ });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Contoso Helpdesk Agent']);
  }, 20_000);
});
