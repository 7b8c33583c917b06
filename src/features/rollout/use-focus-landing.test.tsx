// @vitest-environment jsdom
// A landing asked once: the focus goes to its place when that is drawn, the heading holding it
// meanwhile when it fell to the page's start; not drawn in time, it gives up; the focus the admin put
// somewhere else meanwhile is left there.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANDING_MS, useFocusLanding } from './use-focus-landing';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A page whose Go button leaves at once, and whose Place is drawn only when the test says. */
function Page({ onReady }: { onReady(show: () => void): void }) {
  const root = useRef<HTMLElement>(null);
  const land = useFocusLanding(root, '#heading');
  const [gone, setGone] = useState(false);
  const [shown, setShown] = useState(false);
  onReady(() => setShown(true));
  return (
    <section ref={root}>
      <h1 id="heading" tabIndex={-1}>
        Heading
      </h1>
      {gone ? null : (
        <button
          onClick={() => {
            setGone(true);
            land('#place');
          }}
        >
          Go
        </button>
      )}
      <button>Elsewhere</button>
      {shown ? (
        <button id="place" type="button">
          Place
        </button>
      ) : null}
    </section>
  );
}

function setUp() {
  let show = () => {};
  render(<Page onReady={(s) => (show = s)} />);
  const go = screen.getByRole('button', { name: 'Go' });
  go.focus();
  fireEvent.click(go);
  // Looked for again once the drawing is done (before the page is painted).
  return () => act(async () => show());
}

describe('useFocusLanding', () => {
  it('the heading holds the focus its button dropped, then the place drawn later takes it', async () => {
    const show = setUp();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Heading' }));
    await show();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Place' }));
  });

  it('a place not drawn in time does not take the focus when it is drawn at last', async () => {
    vi.useFakeTimers();
    const show = setUp();
    act(() => vi.advanceTimersByTime(LANDING_MS + 100));
    await show();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Heading' }));
  });

  it('the focus the admin put somewhere else meanwhile is left there', async () => {
    const show = setUp();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await show();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });

  it('a click on the page meanwhile ends the landing: the heading does not take the focus the click dropped', async () => {
    const show = setUp();
    fireEvent.pointerDown(document.body);
    (document.activeElement as HTMLElement).blur();
    await show();
    expect(document.activeElement).toBe(document.body);
  });
});
