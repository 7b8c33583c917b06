// @vitest-environment jsdom
// The list's search: the box shows each keystroke, the list follows, and the address after a pause;
// an address changed from outside (Back, a shared link) fills the box and the list.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider, useLocation, useNavigate } from 'react-router';
import { useListFilters, useSearchText } from './use-list-filters';

afterEach(cleanup);

function Harness() {
  const filters = useListFilters();
  const text = useSearchText(filters.searchText);
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <input aria-label="Search" value={text} onChange={(event) => filters.setSearch(event.target.value)} />
      <output aria-label="List searched for">{filters.search}</output>
      <output aria-label="Address">{location.search}</output>
      <button onClick={filters.clear}>Clear filters</button>
      <button onClick={() => filters.setSort('modified', 'descending')}>Sort by modified</button>
      <button onClick={() => void navigate('/policies?q=legacy')}>Open a shared link</button>
    </div>
  );
}

const renderAt = (path: string) => {
  const router = createMemoryRouter([{ path: '/policies', element: <Harness /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
};
const box = () => screen.getByLabelText<HTMLInputElement>('Search');
const listSearch = () => screen.getByLabelText('List searched for').textContent;
const address = () => screen.getByLabelText('Address').textContent;

describe('the policies list’s search', () => {
  it('shows a keystroke in the box at once, filters the list, and writes the address after a pause', async () => {
    renderAt('/policies');
    fireEvent.change(box(), { target: { value: 'pay' } });
    expect(box().value).toBe('pay');
    await waitFor(() => expect(listSearch()).toBe('pay'));
    expect(address()).toBe('');
    await waitFor(() => expect(address()).toBe('?q=pay'));
  });

  it('starts from the address, and follows it when it changes from outside', async () => {
    renderAt('/policies?q=payroll');
    expect(box().value).toBe('payroll');
    expect(listSearch()).toBe('payroll');
    fireEvent.click(screen.getByText('Open a shared link'));
    await waitFor(() => expect(listSearch()).toBe('legacy'));
    expect(box().value).toBe('legacy');
  });

  it('keeps a sort chosen while the search waits to be written', async () => {
    renderAt('/policies');
    fireEvent.change(box(), { target: { value: 'mfa' } });
    fireEvent.click(screen.getByText('Sort by modified'));
    await waitFor(() => expect(address()).toContain('q=mfa'));
    expect(new URLSearchParams(address()!).get('sort')).toBe('modified');
    expect(new URLSearchParams(address()!).get('dir')).toBe('desc');
  });

  it('clears the box, the list and the address, and a pending write does not bring the words back', async () => {
    renderAt('/policies?q=old');
    fireEvent.change(box(), { target: { value: 'older' } });
    fireEvent.click(screen.getByText('Clear filters'));
    expect(box().value).toBe('');
    await waitFor(() => expect(listSearch()).toBe(''));
    await waitFor(() => expect(address()).toBe(''));
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(address()).toBe('');
    expect(box().value).toBe('');
  });
});
