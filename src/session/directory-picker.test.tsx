// @vitest-environment jsdom
// A picker is one Tab stop: the box. Its arrow was a second one (Fluent's default), reached by every
// keyboard user on the way to the next control; a kind found only by typing opened an empty list with it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../graph/errors';
import { DirectoryPicker } from './directory-picker';

// What the directory answers a search with; by default nothing yet.
const get = vi.fn<(path: string) => Promise<unknown>>(() => new Promise(() => {}));

vi.mock('./tenant-session', () => ({
  useTenantSession: () => ({ scopeKey: ['tenant', 'test'], client: { get: (path: string) => get(path) } }),
}));

afterEach(() => {
  cleanup();
  get.mockReset();
  get.mockImplementation(() => new Promise(() => {}));
});

function typeAda() {
  render(<Picker kind="users" />);
  fireEvent.change(screen.getByRole('combobox', { name: 'People' }), { target: { value: 'ada' } });
}

function Picker({ kind }: { kind: 'users' | 'namedLocations' }) {
  // As the console's own: no retries of its own (the Graph client already retried).
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <DirectoryPicker kind={kind} label="People" onPick={() => {}} />
    </QueryClientProvider>
  );
}

const tabbable = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('input, button, [tabindex]')].filter((e) => e.tabIndex >= 0);

describe('DirectoryPicker', () => {
  it('is one Tab stop, without an arrow, for a kind found by typing', () => {
    const { container } = render(<Picker kind="users" />);
    expect(tabbable(container)).toEqual([screen.getByRole('combobox', { name: 'People' })]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the arrow for the mouse, out of the Tab order, for a kind listed in full', () => {
    const { container } = render(<Picker kind="namedLocations" />);
    expect(tabbable(container)).toEqual([screen.getByRole('combobox', { name: 'People' })]);
    expect(screen.getByRole('button', { name: 'Open People' }).tabIndex).toBe(-1);
  });

  it('says a failed search failed, never "No matches", and offers to try again', async () => {
    get.mockRejectedValue(new NetworkError('GET', '/v1.0/users', new TypeError('Failed to fetch')));
    typeAda();
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByRole('option', { name: /^Search failed: / });
    expect(within(listbox).queryByRole('option', { name: 'No matches' })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Search failed: /);
    const calls = get.mock.calls.length;
    get.mockResolvedValue({ value: [{ id: 'u1', displayName: 'Ada Lindqvist', userPrincipalName: 'ada@contoso.com' }] });
    fireEvent.click(within(listbox).getByRole('option', { name: 'Try again' }));
    await within(screen.getByRole('listbox')).findByRole('option', { name: /Ada Lindqvist/ });
    expect(get.mock.calls.length).toBeGreaterThan(calls);
  });

  it('isolates the names the tenant gave', async () => {
    get.mockResolvedValue({ value: [{ id: 'u1', displayName: 'Eve\u202E', userPrincipalName: 'eve@contoso.com' }] });
    typeAda();
    const option = await within(await screen.findByRole('listbox')).findByRole('option', { name: /Eve/ });
    expect(option.querySelector('bdi')?.textContent).toBe('Eve\\u202E');
  });

  it('marks an agent user as one, so it is not taken for a person', async () => {
    get.mockResolvedValue({
      value: [
        {
          '@odata.type': '#microsoft.graph.agentUser',
          id: 'u2',
          displayName: 'Helpdesk Agent',
          userPrincipalName: 'helpdesk.agent@contoso.com',
        },
        { id: 'u1', displayName: 'Ada Lindqvist', userPrincipalName: 'ada@contoso.com' },
      ],
    });
    typeAda();
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByRole('option', { name: /Helpdesk Agent/ });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Helpdesk Agent · agent user · helpdesk.agent@contoso.com', 'Ada Lindqvist · ada@contoso.com']);
  });

  it('tries a failed search again by the keyboard, keeping the list open', async () => {
    get.mockRejectedValue(new NetworkError('GET', '/v1.0/users', new TypeError('Failed to fetch')));
    typeAda();
    const box = screen.getByRole('combobox', { name: 'People' });
    await within(await screen.findByRole('listbox')).findByRole('option', { name: 'Try again' });
    get.mockResolvedValue({ value: [{ id: 'u1', displayName: 'Ada Lindqvist', userPrincipalName: 'ada@contoso.com' }] });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await within(await screen.findByRole('listbox')).findByRole('option', { name: /Ada Lindqvist/ });
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });
});
