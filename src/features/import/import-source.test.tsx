// @vitest-environment jsdom
// One read at a time: files dropped while others are read are not taken, so the import read first is the one loaded,
// and its spinner stays until it is read (a second read ending first no longer clears it or replaces the import).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportFile } from '../../domain/import/import-set';
import { ImportSource, type LoadedSource } from './import-source';

const drops = vi.hoisted(() => ({ pending: [] as ((files: ImportFile[]) => void)[] }));

vi.mock('../../auth', () => ({ useAuth: () => ({ accounts: [] }) }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'me' } }),
  useOtherTenantSession: () => null,
}));
vi.mock('../../shared/files/dropped-files', () => ({
  filesFromDrop: () => new Promise<ImportFile[]>((resolve) => drops.pending.push(resolve)),
  filesFromList: async () => [],
}));
vi.mock('../../domain/import/read-import', () => ({
  readImport: async (files: ImportFile[]) => ({ read: files.map((f) => f.path) }),
}));

afterEach(() => {
  cleanup();
  drops.pending = [];
});

const file = (path: string) => ({ path }) as unknown as ImportFile;

describe('ImportSource, files dropped while others are read', () => {
  it('takes no second drop: the first import is loaded, and its spinner stays until it is read', async () => {
    const loaded: LoadedSource[] = [];
    render(<ImportSource onLoaded={(source) => loaded.push(source)} onError={() => undefined} />);
    const zone = screen.getByText('Files').parentElement!;
    const drop = () => fireEvent.drop(zone, { dataTransfer: { items: [] } });

    drop();
    expect(screen.getByRole('status').textContent).toBe('Reading the dropped files…');
    drop();
    // The second drop, had it been taken, would end first.
    await act(async () => drops.pending[1]?.([file('second.json')]));
    expect(screen.getByRole('status').textContent).toBe('Reading the dropped files…');
    expect(loaded).toEqual([]);

    await act(async () => drops.pending[0]!([file('first.json')]));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(loaded.map((l) => l.label)).toEqual(['first.json']);
  });
});

describe('ImportSource, a file whose name holds a direction control', () => {
  it('isolates the name in the label the import is said by', async () => {
    const loaded: LoadedSource[] = [];
    render(<ImportSource onLoaded={(source) => loaded.push(source)} onError={() => undefined} />);
    fireEvent.drop(screen.getByText('Files').parentElement!, { dataTransfer: { items: [] } });
    await act(async () => drops.pending[0]!([file('report\u202Enosj.json')]));
    expect(loaded.map((l) => l.label)).toEqual(['report\\u202Enosj.json']);
  });
});
