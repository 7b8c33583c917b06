// @vitest-environment jsdom
// Focus lost with a removed element goes to the nearest title, but not before the screen's own better
// place: a dialog's opener, given focus back a moment after the dialog closed, keeps it.
import { act, cleanup, render } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFocusRescue } from './use-focus-rescue';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Screen() {
  const main = useRef<HTMLElement>(null);
  useFocusRescue(main);
  const [open, setOpen] = useState(true);
  return (
    <main ref={main}>
      <h1>Deleted policies</h1>
      <button>Delete permanently…</button>
      {open ? (
        <div role="dialog">
          <button onClick={() => setOpen(false)}>Cancel</button>
        </div>
      ) : null}
    </main>
  );
}

const byText = (text: string) => [...document.querySelectorAll<HTMLElement>('h1, button')].find((e) => e.textContent === text)!;

describe('useFocusRescue', () => {
  it('leaves a closed dialog’s opener the focus its restorer gives back a moment later', () => {
    render(<Screen />);
    byText('Cancel').focus();
    act(() => byText('Cancel').click());
    expect(document.activeElement).toBe(document.body);
    // The restorer comes after one look of the rescue, only while focus is still lost (as Fluent's does).
    act(() => vi.advanceTimersByTime(160));
    if (document.activeElement === document.body) byText('Delete permanently…').focus();
    act(() => vi.advanceTimersByTime(1000));
    expect(document.activeElement).toBe(byText('Delete permanently…'));
  });

  it('puts focus on the screen’s title when nothing else takes it', () => {
    render(<Screen />);
    byText('Cancel').focus();
    act(() => byText('Cancel').click());
    act(() => vi.advanceTimersByTime(400));
    expect(document.activeElement).toBe(byText('Deleted policies'));
  });
});
