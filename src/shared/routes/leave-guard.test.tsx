// @vitest-environment jsdom
// A button that leaves the work without changing the route (a Back that changes the page's state)
// asks the leave guard's question while the work is under way: Stay first, staying gives the focus
// back to the button and leaves nothing; Leave goes on. With nothing under way it goes at once.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeaveDialog, useLeaveGuard } from './leave-guard';

afterEach(cleanup);

function Page({ writing, onBack }: { writing: boolean; onBack(): void }) {
  const guard = useLeaveGuard(writing);
  return (
    <>
      <button onClick={() => guard.ask(onBack)}>Back to the rollout</button>
      <LeaveDialog guard={guard} title="Stop writing and leave?">
        Leaving stops it after the write under way.
      </LeaveDialog>
    </>
  );
}

function renderPage(writing: boolean) {
  const onBack = vi.fn();
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element: <Page writing={writing} onBack={onBack} /> }])} />);
  return { onBack, back: screen.getByRole('button', { name: 'Back to the rollout' }) };
}

describe('useLeaveGuard: a way off the work on the same page', () => {
  it('asks while the work is under way; Stay keeps it and gives the focus back, Leave goes on', async () => {
    const { onBack, back } = renderPage(true);
    back.focus();
    fireEvent.click(back);
    const dialog = await screen.findByRole('dialog', { name: 'Stop writing and leave?' });
    expect(dialog.textContent).toContain('Leaving stops it after the write under way.');
    const buttons = screen.getAllByRole('button').filter((button) => dialog.contains(button));
    expect(buttons.map((button) => button.textContent)).toEqual(['Stay', 'Leave']);
    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(back));
    expect(onBack).not.toHaveBeenCalled();

    fireEvent.click(back);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('goes at once when nothing is under way', () => {
    const { onBack, back } = renderPage(false);
    fireEvent.click(back);
    expect(onBack).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
