// @vitest-environment jsdom
// A file that cannot be read is said to screen readers: the status is in the page before any file is
// read (one put in already filled is often not read out), and says what came of the file and what to do.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { readImport } from '../../domain/import/read-import';
import { FileResults } from './file-results';

afterEach(cleanup);

describe('FileResults', () => {
  it('says an unreadable file from a status that was there, empty, before it was read', async () => {
    const { rerender } = render(
      <MemoryRouter>
        <FileResults source={null} />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const set = await readImport([{ path: 'bad.json', bytes: new TextEncoder().encode('{ not json') }]);
    rerender(
      <MemoryRouter>
        <FileResults source={{ label: 'bad.json', set }} />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('status')).toEqual([status]);
    expect(status.textContent).toMatch(
      /^From bad\.json: no policies\.Nothing to import: no policy was found\..* Not read: bad\.json; why is in the table/,
    );
    // The reason is in the table, once.
    expect(screen.getByRole('table', { name: 'What each file gave' }).textContent).toMatch(/bad\.json.*JSON/);
  });
});
