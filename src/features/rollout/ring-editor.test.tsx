// @vitest-environment jsdom
// Planning the rings by keys: a move that cannot be made (the first ring up, the last down) is off but
// still reached by Tab, and says why (words met only with that button, never on their own); the moves
// that can be made are plain buttons; what a move is said to have done keeps a group's name apart.
import { cleanup, fireEvent, isInaccessible, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmergencyAccess } from '../../domain/lockout';
import { RingEditor } from './ring-editor';

vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), knownMembers: () => new Map(), memberWords: () => '3 users' }));

afterEach(cleanup);

function editor(names = ['Pilot', 'Finance']) {
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
  for (const name of names) {
    fireEvent.change(screen.getByRole('textbox', { name: 'Or a new assigned group, named' }), { target: { value: name } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a new group' }));
  }
}

describe('RingEditor, moving rings', () => {
  it('the first ring’s Move up is off, reached by Tab, and says why', () => {
    editor();
    const up = screen.getByRole('button', { name: 'Move ring 1 up', description: 'The first ring cannot move up.' });
    expect(up.hasAttribute('disabled')).toBe(false);
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(up.tabIndex).toBe(0);
  });

  it('the last ring’s Move down is off, reached by Tab, and says why', () => {
    editor();
    const down = screen.getByRole('button', { name: 'Move ring 2 down', description: 'The last ring cannot move down.' });
    expect(down.hasAttribute('disabled')).toBe(false);
    expect(down.getAttribute('aria-disabled')).toBe('true');
    expect(down.tabIndex).toBe(0);
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

  it('why a move is off is heard only with its button, not met on its own in the page (no ring yet, or some)', () => {
    for (const names of [[], ['Pilot', 'Finance']]) {
      editor(names);
      for (const why of ['The first ring cannot move up.', 'The last ring cannot move down.']) {
        const text = screen.queryByText(why);
        expect(text === null || isInaccessible(text)).toBe(true);
      }
      cleanup();
    }
  });

  it('a move is said with the groups’ names kept apart: a direction control in one cannot reorder the words', () => {
    const evil = 'Pilot \u202Eevil';
    editor([evil, 'Finance']);
    fireEvent.click(screen.getByRole('button', { name: 'Move ring 1 down' }));
    expect(screen.getByRole('status').textContent).toBe('Pilot \\u202Eevil is now ring 2; Finance is ring 1.');
  });
});
