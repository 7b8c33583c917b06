// @vitest-environment jsdom
// Planning the rings by keys: a move that cannot be made (the first ring up, the last down) is off but
// still reached by Tab, and says why; the moves that can be made are plain buttons.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmergencyAccess } from '../../domain/lockout';
import { RingEditor } from './ring-editor';

vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), knownMembers: () => new Map(), memberWords: () => '3 users' }));

afterEach(cleanup);

const described = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

function editor() {
  render(
    <RingEditor
      policy={{ id: 'p1', displayName: 'Require MFA', state: 'disabled' }}
      policies={[]}
      emergency={{ users: [], groups: [], members: [] } as unknown as EmergencyAccess}
      now={() => new Date('2026-01-05T10:00:00Z')}
      onSave={() => {}}
      onCancel={() => {}}
    />,
  );
  for (const name of ['Pilot', 'Finance']) {
    fireEvent.change(screen.getByRole('textbox', { name: 'Or a new assigned group, named' }), { target: { value: name } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a new group' }));
  }
}

describe('RingEditor, moving rings', () => {
  it('the first ring’s Move up is off, reached by Tab, and says why', () => {
    editor();
    const up = screen.getByRole('button', { name: 'Move ring 1 up' });
    expect(up.hasAttribute('disabled')).toBe(false);
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(up.tabIndex).toBe(0);
    expect(described(up)).toBe('The first ring cannot move up.');
  });

  it('the last ring’s Move down is off, reached by Tab, and says why', () => {
    editor();
    const down = screen.getByRole('button', { name: 'Move ring 2 down' });
    expect(down.hasAttribute('disabled')).toBe(false);
    expect(down.getAttribute('aria-disabled')).toBe('true');
    expect(down.tabIndex).toBe(0);
    expect(described(down)).toBe('The last ring cannot move down.');
    // Pressed all the same, it moves nothing.
    fireEvent.click(down);
    expect(screen.getAllByRole('row')[2]!.textContent).toMatch(/Finance/);
  });

  it('a move that can be made is a plain button with nothing more to say', () => {
    editor();
    const down = screen.getByRole('button', { name: 'Move ring 1 down' });
    expect(down.getAttribute('aria-disabled')).toBeNull();
    expect(down.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(down);
    expect(screen.getAllByRole('row')[1]!.textContent).toMatch(/Finance/);
  });
});
