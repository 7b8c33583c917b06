// @vitest-environment jsdom
// Copies created twice by a cut connection: while the duplicates are deleted, the keyboard's focus
// stays on the busy button (a disabled one dropped it to the page's start); the policies' names in
// the list are isolated, so a direction control in one reorders nothing around it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { DuplicatesCreated } from './duplicates-created';

vi.mock('react-router', () => ({
  useNavigate: () => () => {},
  Link: ({ to, children }: { to: string; children: ReactNode }) => <a href={to}>{children}</a>,
}));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: () => new Promise(() => {}) }) }));

afterEach(cleanup);

const name = 'Block \u202Eevil';
// As shown: the override as an escape, in the order stored.
const shown = 'Block \\u202Eevil';
const kept = { id: 'p1', displayName: name, createdDateTime: '2026-12-01T10:00:00Z' } as ConditionalAccessPolicy;
const extra = [{ id: 'p2', displayName: name, createdDateTime: '2026-12-01T10:00:01Z' } as ConditionalAccessPolicy];

describe('DuplicatesCreated', () => {
  it('keeps the focus on the busy button while the duplicate is deleted', async () => {
    render(<DuplicatesCreated kept={kept} extra={extra} />);
    const remove = screen.getByRole('button', { name: 'Delete the duplicate' });
    remove.focus();
    fireEvent.click(remove);
    const busy = await screen.findByRole('button', { name: 'Deleting…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    expect(screen.getByRole('button', { name: 'Keep both and open the policy' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('isolates the names in the list’s links', () => {
    render(<DuplicatesCreated kept={kept} extra={extra} />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.querySelector('bdi')?.textContent).toBe(shown);
      // The words after the link (its id, when it was created) are outside the isolated name.
      expect(link.textContent).toBe(shown);
      expect(link.closest('li')?.textContent).toMatch(/ \(id p[12], created /);
    }
  });
});
