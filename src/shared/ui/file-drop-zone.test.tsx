// @vitest-environment jsdom
// A file's refusal is said in the field's alert: the reader's own words, or, when the reader itself
// fails, what failed, so a file is never refused in silence (nor left as an unhandled rejection).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDropZone } from './file-drop-zone';

afterEach(cleanup);

function choose(name: string) {
  const input = screen.getByLabelText('Policy file (.json)') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['{'], name, { type: 'application/json' })] } });
}

describe('FileDropZone', () => {
  it('says why a reader that fails could not read the file', async () => {
    render(<FileDropZone label="Policy file (.json)" accept=".json" onFile={() => Promise.reject(new Error('the disk went away'))} />);
    await act(async () => choose('ca001.json'));
    expect(await screen.findByText('ca001.json could not be read: the disk went away')).toBeTruthy();
    expect(screen.getByText('Chosen: ca001.json')).toBeTruthy();
  });

  it('says a reader’s own refusal, and a failure of the reader is gone once a file is read', async () => {
    let fail = true;
    const { rerender } = render(
      <FileDropZone
        label="Policy file (.json)"
        accept=".json"
        onFile={() => {
          if (fail) throw new Error('out of memory');
        }}
      />,
    );
    await act(async () => choose('big.json'));
    expect(await screen.findByText('big.json could not be read: out of memory')).toBeTruthy();
    fail = false;
    await act(async () => choose('small.json'));
    expect(screen.queryByText(/could not be read/)).toBeNull();
    rerender(<FileDropZone label="Policy file (.json)" accept=".json" error="Not a policy: no conditions" onFile={() => {}} />);
    expect(screen.getByText('Not a policy: no conditions')).toBeTruthy();
  });

  it('says nothing of an earlier file that fails after a later one was chosen', async () => {
    let failFirst: (reason: Error) => void = () => {};
    let call = 0;
    render(
      <FileDropZone
        label="Policy file (.json)"
        accept=".json"
        onFile={() => (++call === 1 ? new Promise((_, reject) => (failFirst = reject)) : undefined)}
      />,
    );
    await act(async () => choose('slow.json'));
    await act(async () => choose('next.json'));
    await act(async () => failFirst(new Error('gone')));
    expect(screen.queryByText(/could not be read/)).toBeNull();
    expect(screen.getByText('Chosen: next.json')).toBeTruthy();
  });
});
