// @vitest-environment jsdom
// What a deleted policy refers to that is gone is named where the console knows the name (here a
// named location deleted for good, named by the audit log), not by its bare id.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findMissingDependencies, type MissingDependency } from '../../domain/dependencies';
import { nameKey, type NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { MissingDependencies, PurgeDialog, RestoreDialog } from './deleted-actions';
import { expectCouldNotBeChecked } from './test-support';

afterEach(cleanup);

const purged: MissingDependency = {
  id: '5f1c2b7e-0000-4000-8000-000000000001',
  where: 'Included location',
  kind: 'namedLocation',
  exclusion: false,
  explanation: 'This named location no longer exists, so the condition refers to nothing.',
};

describe('MissingDependencies', () => {
  it('says which user is gone, that restoring keeps its id, and what the admin can do', () => {
    const userId = '5f1c2b7e-0000-4000-8000-000000000010';
    const policy = { displayName: 'P', conditions: { users: { includeUsers: [userId] } } } as ConditionalAccessPolicy;
    const names: NameDirectory = {
      names: new Map([[nameKey('user', userId), { id: userId, kind: 'user', displayName: 'Deleted object', missing: true }]]),
      failures: [],
    };
    render(<MissingDependencies missing={findMissingDependencies(policy, names)} known={undefined} />);
    const item = within(screen.getByRole('list', { name: 'Missing dependencies' })).getByRole('listitem');
    expect(item.textContent).toContain(`Included user ${userId} (not found: deleted, or never in this tenant; its name is not known)`);
    expect(item.textContent).toContain('The policy no longer applies to this user.');
    expect(item.textContent).toContain('Restoring keeps the id in the policy: Microsoft Entra neither removes it nor refuses the restore.');
    expect(item.textContent).toContain('What you can do: restore the user in Microsoft Entra (Deleted users, within 30 days');
  });

  it('names a named location deleted for good by the name the audit log kept, beside its id', () => {
    render(<MissingDependencies missing={[purged]} known={new Map([[purged.id, { name: 'Lab network', from: 'the audit log' }]])} />);
    expect(screen.getByRole('list', { name: 'Missing dependencies' }).textContent).toContain(
      'Included location “Lab network” (deleted; name from the audit log; id 5f1c2b7e-0000-4000-8000-000000000001)',
    );
  });
});

// The names' lookup failed: "nothing missing" would be a guess. Said, with Graph's reason and Try again;
// the restore stays possible (Graph would accept it), as a choice its button names.
describe('RestoreDialog when what it refers to could not be checked', () => {
  it('says so with the reason, offers Try again, and restores only without the check', () => {
    const onRetry = vi.fn();
    const onRestore = vi.fn();
    render(
      <RestoreDialog
        policy={{ id: 'CA092', displayName: 'CA092: Require MFA for HR', state: 'disabled' }}
        missing={[]}
        known={undefined}
        checking={false}
        unchecked={{ reason: 'Some lookups failed: groups (permission needed).', onRetry }}
        busy={false}
        progress={null}
        error={null}
        onRestore={onRestore}
        onClose={() => {}}
      />,
    );
    expectCouldNotBeChecked(screen.getByRole('dialog'), {
      plural: false,
      reason: 'Some lookups failed: groups (permission needed).',
      onRetry,
    });
    expect(onRestore).toHaveBeenCalledWith('asItWas', []);
  });
});

// Try again: while it checks again the warning stays, its Try again keeps the focus and "Checking again…"
// is said; once checked the focus goes to the restore button and what was found is said.
describe('RestoreDialog checking again', () => {
  const policy = { id: 'CA092', displayName: 'CA092: Require MFA for HR', state: 'disabled' } as const;
  const unchecked = { reason: 'Some lookups failed: groups (permission needed).', onRetry: vi.fn() };
  const dialog = (checking: boolean, stillUnchecked: boolean, missing: MissingDependency[] = []) => (
    <RestoreDialog
      policy={policy}
      missing={missing}
      known={undefined}
      checking={checking}
      unchecked={stillUnchecked ? unchecked : null}
      busy={false}
      progress={null}
      error={null}
      onRestore={() => {}}
      onClose={() => {}}
    />
  );
  const said = () => screen.getAllByRole('status', { hidden: true }).map((s) => s.textContent);
  const tryAgain = () => screen.getByRole('button', { name: 'Try again', hidden: true });

  it('keeps the focus on Try again while it checks, then moves it to Restore and says nothing is missing', () => {
    const { rerender } = render(dialog(false, true));
    tryAgain().focus();
    fireEvent.click(tryAgain());
    expect(unchecked.onRetry).toHaveBeenCalled();
    rerender(dialog(true, true));
    expect(document.activeElement).toBe(tryAgain());
    expect(tryAgain().getAttribute('aria-disabled')).toBe('true');
    expect(said()).toContain('Checking again…');
    rerender(dialog(false, false));
    expect(screen.queryByRole('button', { name: 'Try again', hidden: true })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore', hidden: true }));
    expect(said()).toContain('Checked: nothing it refers to is missing.');
  });

  it('says what is missing once checked', () => {
    const { rerender } = render(dialog(false, true));
    tryAgain().focus();
    fireEvent.click(tryAgain());
    rerender(dialog(true, true));
    rerender(dialog(false, false, [purged]));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore', hidden: true }));
    expect(said().some((s) => s?.startsWith('Checked: it refers to something that no longer exists: Included location'))).toBe(true);
  });

  it('failing again, the warning and the focus stay, and that is said', () => {
    const { rerender } = render(dialog(false, true));
    tryAgain().focus();
    fireEvent.click(tryAgain());
    rerender(dialog(true, true));
    rerender(dialog(false, true));
    expect(document.activeElement).toBe(tryAgain());
    expect(tryAgain().getAttribute('aria-disabled')).not.toBe('true');
    expect(said()).toContain('Could not be checked again: Some lookups failed: groups (permission needed).');
  });
});

// A name Entra kept with a space at its end can still be confirmed: what is typed and the name are both trimmed.
describe('PurgeDialog', () => {
  it('confirms a name that ends in a space, typed with or without it', () => {
    const onPurge = vi.fn();
    render(<PurgeDialog name="Lab network " what="named location" busy={false} error={null} onPurge={onPurge} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete permanently' });
    expect(confirm).toHaveProperty('disabled', true);
    for (const typed of ['Lab network ', 'Lab network']) {
      fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: typed } });
      expect(confirm).toHaveProperty('disabled', false);
    }
    fireEvent.click(confirm);
    expect(onPurge).toHaveBeenCalledTimes(1);
  });
});

// A name holding a direction control (U+202E) is isolated in the words around it, labels included.
describe('names isolated in labels', () => {
  const evil = 'Block \u202Eevil';
  it("in the permanent delete's field", () => {
    render(<PurgeDialog name={evil} busy={false} error={null} onPurge={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('textbox', { name: "Type the policy's name to confirm: Block \\u202Eevil" })).toBeTruthy();
  });
  it('in the checkbox that restores a named location first', () => {
    const location = { id: 'loc-evil', displayName: evil };
    render(
      <MissingDependencies
        missing={[{ ...purged, id: location.id, restorable: location }]}
        known={undefined}
        restoreFirst={new Set([location.id])}
        onRestoreFirstChange={() => {}}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'Restore named location “Block \\u202Eevil” first' })).toBeTruthy();
  });
});
