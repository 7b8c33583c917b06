// @vitest-environment jsdom
// Undo after a restore takes its message bar away: the focus goes back to the restore button (not to
// the page's title) and the undo is said, from a status that was in the page before.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RestoreFromBackup } from './restore-from-backup';

vi.mock('../shared/files/read-backup-file', () => ({
  BackupFileError: class extends Error {},
  readBackupFile: async () => ({ bundle: {} }),
}));

afterEach(cleanup);

describe('RestoreFromBackup', () => {
  it('puts the focus on the restore button and says the undo', async () => {
    const kept: string[][] = [];
    render(
      <RestoreFromBackup
        noun={{ one: 'plan', many: 'plans' }}
        current={['before']}
        restore={() => ({ next: ['from the file'], placed: 1, notes: [] })}
        onChange={(next) => (kept.push(next), true)}
      />,
    );
    const status = screen.getByRole('status');
    const file = new File(['{}'], 'backup.json');
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new ArrayBuffer(2) });
    await act(async () => void fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    undo.focus();
    fireEvent.click(undo);
    expect(kept).toEqual([['from the file'], ['before']]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore plans from a backup…' }));
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Undone: the plans kept before backup.json was restored are back.');
  });
});
