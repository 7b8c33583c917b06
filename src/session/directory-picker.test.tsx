// @vitest-environment jsdom
// A picker is one Tab stop: the box. Its arrow was a second one (Fluent's default), reached by every
// keyboard user on the way to the next control; a kind found only by typing opened an empty list with it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DirectoryPicker } from './directory-picker';

vi.mock('./tenant-session', () => ({
  useTenantSession: () => ({ scopeKey: ['tenant', 'test'], client: { get: () => new Promise(() => {}) } }),
}));

afterEach(cleanup);

function Picker({ kind }: { kind: 'users' | 'namedLocations' }) {
  return (
    <QueryClientProvider client={new QueryClient()}>
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
});
