// @vitest-environment jsdom
// A write button the account may not use says why, beside whatever else it already says: before, the
// button's own description (why a rollout's gate holds the step back) replaced the access reason or was
// dropped, depending on which came last.
import { Button, Dialog, DialogSurface, DialogTrigger, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriteAccessTooltip, type WriteAccess } from './write-access';

afterEach(cleanup);

const refused: WriteAccess = { allowed: false, reason: 'This account can read but not change policies.' };

describe('WriteAccessTooltip', () => {
  it('says the access reason and the button’s own description together', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WriteAccessTooltip access={refused}>
          <Button disabledFocusable aria-describedby="gate-why">
            Add Ring 2…
          </Button>
        </WriteAccessTooltip>
        <p id="gate-why">The gate has not let this step through yet.</p>
      </FluentProvider>,
    );
    const add = screen.getByRole('button', {
      name: 'Add Ring 2…',
      description: 'This account can read but not change policies. The gate has not let this step through yet.',
    });
    expect(add.getAttribute('aria-disabled')).toBe('true');
  });

  it('gives the reason to the button inside a dialog’s trigger', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Dialog>
          <WriteAccessTooltip access={refused}>
            <DialogTrigger disableButtonEnhancement>
              <Button disabledFocusable>Delete…</Button>
            </DialogTrigger>
          </WriteAccessTooltip>
          <DialogSurface>Delete it?</DialogSurface>
        </Dialog>
      </FluentProvider>,
    );
    expect(screen.getByRole('button', { name: 'Delete…', description: 'This account can read but not change policies.' })).toBeTruthy();
  });

  it('leaves a button the account may use as it is', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WriteAccessTooltip access={{ allowed: true, reason: null }}>
          <Button aria-describedby="gate-why">Add Ring 2…</Button>
        </WriteAccessTooltip>
        <p id="gate-why">The gate has not let this step through yet.</p>
      </FluentProvider>,
    );
    expect(screen.getByRole('button', { name: 'Add Ring 2…', description: 'The gate has not let this step through yet.' })).toBeTruthy();
  });
});

describe('WriteAccessTooltip when the access changes', () => {
  /** A Restore… button the access wraps, disabled (still focusable) when it is refused. */
  const view = (access: WriteAccess) => (
    <FluentProvider theme={webLightTheme}>
      <WriteAccessTooltip access={access}>
        <Button disabledFocusable={!access.allowed}>Restore…</Button>
      </WriteAccessTooltip>
    </FluentProvider>
  );

  it('keeps the focused button (and its focus) when Graph’s first refusal arrives', () => {
    const { rerender } = render(view({ allowed: true, reason: null }));
    const restore = screen.getByRole('button', { name: 'Restore…' });
    restore.focus();
    rerender(view(refused));
    expect(screen.getByRole('button', { name: 'Restore…', description: 'This account can read but not change policies.' })).toBe(restore);
    expect(document.activeElement).toBe(restore);
  });

  it('shows no reason on its own when the refusal arrives after a hover while writing was allowed', () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(view({ allowed: true, reason: null }));
      const restore = screen.getByRole('button', { name: 'Restore…' });
      fireEvent.pointerEnter(restore);
      act(() => vi.advanceTimersByTime(1_000));
      fireEvent.pointerLeave(restore);
      act(() => vi.advanceTimersByTime(1_000));
      rerender(view(refused));
      act(() => vi.advanceTimersByTime(1_000));
      expect(screen.queryByRole('tooltip')).toBeNull();
      // Hovered now, it says why.
      fireEvent.pointerEnter(restore);
      act(() => vi.advanceTimersByTime(1_000));
      expect(screen.getByRole('tooltip').textContent).toBe('This account can read but not change policies.');
    } finally {
      vi.useRealTimers();
    }
  });
});
