// @vitest-environment jsdom
// Choosing files to compare with: while one is read the page says so, and a read that ends after a
// newer choice does not replace it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparisonFileNotices } from './comparison-file-notices';
import { useComparisonFile } from './use-comparison-file';

const policiesFile = (name: string) => JSON.stringify([{ id: `id-${name}`, displayName: name, state: 'enabled', conditions: {} }]);

/** A file whose bytes arrive when the test says. */
function slowFile(name: string) {
  let arrive = () => {};
  const bytes = new Promise<ArrayBuffer>((resolve) => {
    arrive = () => resolve(new TextEncoder().encode(policiesFile(name)).buffer as ArrayBuffer);
  });
  return { file: { name, arrayBuffer: () => bytes } as unknown as File, arrive };
}

// What each choice's read came to (undefined: a newer choice came first).
const opened: Promise<unknown>[] = [];
function Page({ files }: { files: File[] }) {
  const picker = useComparisonFile();
  return (
    <>
      {files.map((file) => (
        <button key={file.name} onClick={() => opened.push(picker.open(file))}>{`Choose ${file.name}`}</button>
      ))}
      <ComparisonFileNotices comparisonFile={picker} />
      <p>{picker.file ? `Comparing with ${picker.file.fileName}` : 'No file'}</p>
    </>
  );
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  opened.length = 0;
});

describe('choosing a file while another is read', () => {
  it('says which file is being read, and keeps the newer choice when the older read ends last', async () => {
    const older = slowFile('older.json');
    const newer = slowFile('newer.json');
    render(<Page files={[older.file, newer.file]} />);
    const status = screen.getByRole('status');

    fireEvent.click(screen.getByRole('button', { name: 'Choose older.json' }));
    expect(status.textContent).toBe('Reading older.json…');
    fireEvent.click(screen.getByRole('button', { name: 'Choose newer.json' }));
    expect(status.textContent).toBe('Reading newer.json…');

    await act(async () => {
      newer.arrive();
      await opened[1];
    });
    expect(screen.getByText('Comparing with newer.json')).toBeTruthy();
    expect(status.textContent).toBe('');

    await act(async () => {
      older.arrive();
      await opened[0];
    });
    expect(screen.getByText('Comparing with newer.json')).toBeTruthy();
    expect(await opened[0]).toBeUndefined();
  });

  it('isolates a file name that holds a direction control in what it says while reading', async () => {
    // "backup‮nosj.zip" would otherwise show its end backwards and take the ellipsis with it.
    const tricky = slowFile('backup\u202Enosj.json');
    render(<Page files={[tricky.file]} />);
    fireEvent.click(screen.getByRole('button', { name: /^Choose backup/ }));
    expect(screen.getByRole('status').textContent).toBe('Reading \u2068backup\u202Enosj.json\u2069…');
    await act(async () => {
      tricky.arrive();
      await opened[0];
    });
  });
});
