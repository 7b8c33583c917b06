// @vitest-environment jsdom
// Ranges typed in the MFA trusted IPs card and not saved are not lost without a word when the admin
// switches account (the card is mounted afresh for the other account): coming back to the account brings
// them back, said to be unsaved; another account's box does not get them, even of the same tenant; Leave in
// the question asked before leaving the page forgets them, as the question says. Typing kept per tenant by
// an older version (raw text) is brought back once.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { MfaTrustedIpsCard } from './mfa-trusted-ips-card';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

/** An account signed in to a tenant: `ada@tenant-contoso` is Ada's account in Contoso. */
const accountOf = (name: string) => ({ key: `key-${name}`, tenantId: name.split('@')[1]! });

/** Settings as the signed-in account shows it: a switch of account mounts the card afresh for the other account. */
function settings(initialAccount: string) {
  let account = accountOf(initialAccount);
  const card = () => (
    <MfaTrustedIpsCard key={account.key} accountKey={account.key} tenantId={account.tenantId} onSaved={() => {}} onForgot={() => {}} />
  );
  const routes = () => [
    {
      path: '/settings',
      element: (
        <>
          <Link to="/policies">Policies</Link>
          {card()}
        </>
      ),
    },
    { path: '/policies', element: <Link to="/settings">Settings</Link> },
  ];
  const view = render(<RouterProvider router={createMemoryRouter(routes(), { initialEntries: ['/settings'] })} />);
  return {
    switchTo(next: string) {
      account = accountOf(next);
      view.rerender(<RouterProvider router={createMemoryRouter(routes(), { initialEntries: ['/settings'] })} />);
    },
  };
}

const box = () => screen.getByRole('textbox', { name: 'Ranges (CIDR, one a line)' }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });

describe('ranges typed and not saved, and a switch of account', () => {
  it('brings them back, said to be unsaved, when the admin returns to the tenant; the other tenant does not get them', () => {
    const page = settings('ada@tenant-contoso');
    type('203.0.113.0/24\n198.51.100.7/32');

    page.switchTo('ada@tenant-fabrikam');
    expect(box().value).toBe('');
    expect(screen.queryByText(/brought back/)).toBeNull();

    page.switchTo('ada@tenant-contoso');
    expect(box().value).toBe('203.0.113.0/24\n198.51.100.7/32');
    // Said where the keyboard reaches the box: its description.
    expect(box().getAttribute('aria-describedby')).toBeTruthy();
    const description = box()
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toMatch(/^Typed earlier in this tab with this account and not saved yet: brought back/);

    // Saved: nothing is unsaved any more, and nothing is brought back after the next switch.
    fireEvent.click(screen.getByRole('button', { name: 'Save these ranges' }));
    expect(screen.queryByText(/brought back/)).toBeNull();
    // Typing after the save is the admin's own, not something brought back.
    type('203.0.113.0/24\n198.51.100.7/32\n192.0.2.0/24');
    expect(screen.queryByText(/brought back/)).toBeNull();
    type('203.0.113.0/24\n198.51.100.7/32');
    page.switchTo('ada@tenant-fabrikam');
    page.switchTo('ada@tenant-contoso');
    expect(box().value).toBe('203.0.113.0/24\n198.51.100.7/32');
    expect(screen.queryByText(/brought back/)).toBeNull();
  });

  it('forgets them when the admin leaves the page and answers Leave, as the question says', async () => {
    // A tenant of its own: the store keeps what it read (the test above saved Contoso's).
    settings('ada@tenant-woodgrove');
    type('203.0.113.0/24');
    fireEvent.click(screen.getByRole('link', { name: 'Policies' }));
    expect(await screen.findByText('The ranges you typed are not saved: leaving forgets them.', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Settings' }));
    expect(((await screen.findByRole('textbox', { name: 'Ranges (CIDR, one a line)' })) as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByText(/brought back/)).toBeNull();
  });

  it('does not give them to another account of the same tenant signed in to this tab', () => {
    const page = settings('ada@tenant-litware');
    type('203.0.113.0/24');
    page.switchTo('bo@tenant-litware');
    expect(box().value).toBe('');
    expect(screen.queryByText(/brought back/)).toBeNull();
    page.switchTo('ada@tenant-litware');
    expect(box().value).toBe('203.0.113.0/24');
  });

  it('brings back, once, ranges an older version kept for the tenant as raw text', () => {
    sessionStorage.setItem('gatehouse.mfa-trusted-ips-draft.tenant-adatum', '10.0.0.0/8');
    const page = settings('ada@tenant-adatum');
    expect(box().value).toBe('10.0.0.0/8');
    expect(screen.getByText(/brought back/)).toBeTruthy();
    page.switchTo('bo@tenant-adatum');
    expect(box().value).toBe('');
  });
});

describe('Save these ranges, before it can act', () => {
  const saveButton = () => screen.getByRole('button', { name: 'Save these ranges' });
  const describedAs = (element: HTMLElement) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');

  it('is still reached by Tab and says why it cannot save yet, with the box empty or a range wrong', () => {
    const saved: boolean[] = [];
    render(<MfaTrustedIpsCard accountKey="key-empty" tenantId="tenant-empty" onSaved={(kept) => saved.push(kept)} onForgot={() => {}} />, {
      wrapper: ({ children }) => <RouterProvider router={createMemoryRouter([{ path: '/', element: children }])} />,
    });
    // Focusable (no disabled attribute), though it does nothing when pressed.
    expect(saveButton().hasAttribute('disabled')).toBe(false);
    expect(saveButton().getAttribute('aria-disabled')).toBe('true');
    expect(describedAs(saveButton())).toBe('Type at least one range to save, or choose “None are configured”.');
    expect(screen.getByText('Type at least one range to save, or choose “None are configured”.')).toBeTruthy();
    fireEvent.click(saveButton());
    expect(saved).toEqual([]);

    type('203.0.113.0/33');
    expect(saveButton().getAttribute('aria-disabled')).toBe('true');
    expect(describedAs(saveButton())).toBe('Correct the ranges marked above before saving.');

    type('203.0.113.0/24');
    expect(saveButton().getAttribute('aria-disabled')).toBeNull();
    expect(saveButton().getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(saveButton());
    expect(saved).toEqual([true]);
  });
});
