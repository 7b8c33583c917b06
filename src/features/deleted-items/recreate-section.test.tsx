// @vitest-environment jsdom
// Re-creating a policy from its last known version: when what it refers to could not be checked (the
// names' lookup failed, wholly or in part), the dialog says so with Graph's reason and Try again, as the
// restore dialogs do, rather than nothing (which reads as nothing missing). Checked again, the warning
// goes, the focus (if it was on Try again) goes to Open in the editor and what was found is said.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NameDirectory } from '../../domain/references';
import { RecreateSection } from './recreate-section';
import type { LastKnownVersion } from './last-known-versions';

const lookup = vi.hoisted(() => ({
  state: {} as { isPending: boolean; isError: boolean; isFetching: boolean; error: unknown; data: NameDirectory | undefined },
  refetch: vi.fn(),
}));
vi.mock('../../policy-ui/queries', () => ({ useNames: () => ({ ...lookup.state, refetch: lookup.refetch }) }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'tenant' } }) }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));

const item: LastKnownVersion = {
  id: 'CA077',
  name: 'CA077: Block legacy authentication',
  at: '2026-10-01T10:00:00Z',
  source: 'the audit log',
  version: {
    id: 'CA077',
    displayName: 'CA077: Block legacy authentication',
    state: 'enabled',
    conditions: { users: { includeGroups: ['0d5e7c1a-0000-4000-8000-000000000001'] } },
  },
};

const answered = (data: NameDirectory) => ({ isPending: false, isError: false, isFetching: false, error: null, data });
const draw = () =>
  render(
    <MemoryRouter>
      <RecreateSection items={[item]} deletedLocations={[]} known={undefined} auditUnavailable={false} />
    </MemoryRouter>,
  );
const open = () => {
  fireEvent.click(screen.getByRole('button', { name: 'Re-create…' }));
  return screen.getByRole('dialog');
};
const said = () => screen.getAllByRole('status').map((s) => s.textContent);

beforeEach(() => lookup.refetch.mockReset());
afterEach(cleanup);

describe('RecreateSection when what it refers to could not be checked', () => {
  it('says so with the reason and offers Try again', () => {
    lookup.state = answered({
      names: new Map(),
      failures: [{ what: 'groups', error: Object.assign(new Error('Forbidden'), { status: 403 }) }],
    });
    draw();
    const dialog = open();
    expect(within(dialog).getByRole('group', { name: 'What it refers to could not be checked' }).textContent).toContain(
      'Some lookups failed: groups (permission needed).',
    );
    // What this dialog offers instead, not the restore dialogs' "restore without the check".
    expect(within(dialog).getByRole('group', { name: 'What it refers to could not be checked' }).textContent).toContain(
      'may be missing: try again, or open it in the editor as it is.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(lookup.refetch).toHaveBeenCalledTimes(1);
  });

  it('checked again: the warning goes, the focus goes to Open in the editor and what was found is said', () => {
    lookup.state = { isPending: false, isError: true, isFetching: false, error: new Error('The service is unavailable.'), data: undefined };
    const { rerender } = draw();
    const dialog = open();
    expect(within(dialog).getByRole('group', { name: 'What it refers to could not be checked' }).textContent).toContain(
      'The service is unavailable.',
    );
    const tryAgain = within(dialog).getByRole('button', { name: 'Try again' });
    tryAgain.focus();
    fireEvent.click(tryAgain);
    lookup.state = { ...lookup.state, isFetching: true };
    rerender(
      <MemoryRouter>
        <RecreateSection items={[item]} deletedLocations={[]} known={undefined} auditUnavailable={false} />
      </MemoryRouter>,
    );
    expect(said()).toContain('Checking again…');
    expect(document.activeElement).toBe(tryAgain);
    lookup.state = answered({ names: new Map(), failures: [] });
    rerender(
      <MemoryRouter>
        <RecreateSection items={[item]} deletedLocations={[]} known={undefined} auditUnavailable={false} />
      </MemoryRouter>,
    );
    expect(within(dialog).queryByRole('group', { name: 'What it refers to could not be checked' })).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Open in the editor' }));
    expect(said()).toContain('Checked: nothing it refers to is missing.');
  });
});
