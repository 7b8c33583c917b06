// @vitest-environment jsdom
// A button that leaves the work without changing the route (a Back that changes the page's state)
// asks the leave guard's question while the work is under way: Stay first, staying gives the focus
// back to the button and leaves nothing; Leave goes on. With nothing under way it goes at once.
// Work that ends while the question is open (a link's or the button's) changes its words, not where
// the admin is: nothing is said to be lost any more, Leave goes where they asked, Stay stays.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
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

/** A run that ends when the test says so, as a run's last write answering does. */
const run = { finish: () => {} };

function RunningPage({ onBack }: { onBack(): void }) {
  const [writing, setWriting] = useState(true);
  useEffect(() => {
    run.finish = () => setWriting(false);
  }, []);
  const guard = useLeaveGuard(writing);
  return (
    <>
      <Link to="/policies">Policies</Link>
      <button onClick={() => guard.ask(onBack)}>Back to the rollout</button>
      <LeaveDialog guard={guard} title="Stop writing and leave?" done="The run has ended: leaving cuts nothing short.">
        Leaving stops it after the write under way.
      </LeaveDialog>
    </>
  );
}

function renderRunningPage() {
  const onBack = vi.fn();
  const router = createMemoryRouter([
    { path: '/', element: <RunningPage onBack={onBack} /> },
    { path: '/policies', element: <h1>Policies</h1> },
  ]);
  render(<RouterProvider router={router} />);
  return {
    onBack,
    router,
    link: screen.getByRole('link', { name: 'Policies' }),
    back: screen.getByRole('button', { name: 'Back to the rollout' }),
  };
}

/** The question, once the run has ended under it: its words say so, and nothing has moved. */
async function expectEndedQuestion() {
  const dialog = await screen.findByRole('dialog', { name: 'Leave this page?' });
  expect(dialog.textContent).toContain('The run has ended: leaving cuts nothing short.');
  expect(dialog.textContent).not.toContain('Leaving stops it');
  // Said where the focus is (on Stay), not only shown.
  expect(screen.getByText('The run has ended: leaving cuts nothing short.').closest('[aria-live="polite"]')).not.toBeNull();
  expect(
    screen
      .getAllByRole('button')
      .filter((button) => dialog.contains(button))
      .map((button) => button.textContent),
  ).toEqual(['Stay', 'Leave']);
  return dialog;
}

describe('useLeaveGuard: the work ends while the question is open', () => {
  it('a link: the question stays with words that lose nothing; Leave goes to the link, Stay stays and lets the link go', async () => {
    const { router, link } = renderRunningPage();
    link.focus();
    fireEvent.click(link);
    await screen.findByRole('dialog', { name: 'Stop writing and leave?' });

    act(() => run.finish());
    await expectEndedQuestion();
    expect(router.state.location.pathname).toBe('/');

    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(router.state.location.pathname).toBe('/');
    // Nothing is under way any more: the link goes at once.
    fireEvent.click(link);
    await screen.findByRole('heading', { name: 'Policies' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a link: Leave on the changed question goes where the link goes', async () => {
    const { router, link } = renderRunningPage();
    fireEvent.click(link);
    await screen.findByRole('dialog', { name: 'Stop writing and leave?' });
    act(() => run.finish());
    await expectEndedQuestion();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByRole('heading', { name: 'Policies' });
    expect(router.state.location.pathname).toBe('/policies');
  });

  it('the in-page Back: the question stays with words that lose nothing; Stay keeps the page, Leave goes back', async () => {
    const { onBack, back } = renderRunningPage();
    back.focus();
    fireEvent.click(back);
    await screen.findByRole('dialog', { name: 'Stop writing and leave?' });

    act(() => run.finish());
    await expectEndedQuestion();
    expect(onBack).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(back));
    expect(onBack).not.toHaveBeenCalled();

    // Asked again now that nothing is under way, it goes at once.
    fireEvent.click(back);
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('the in-page Back: Leave on the changed question goes back', async () => {
    const { onBack, back } = renderRunningPage();
    fireEvent.click(back);
    await screen.findByRole('dialog', { name: 'Stop writing and leave?' });
    act(() => run.finish());
    await expectEndedQuestion();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(onBack).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
