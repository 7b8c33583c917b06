// @vitest-environment jsdom
// A guided run between two steps: the buttons that go on say how many steps they write, in words
// that agree with the count ("Write the remaining 2 steps", never "the remaining 1 steps").
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';
import { ApplyPanel } from './apply-panel';

afterEach(cleanup);

const item = (n: number, done: boolean): ApplyItem => ({
  key: `p${n}`,
  kind: 'policy',
  name: `CA00${n}`,
  action: 'update',
  status: done ? 'done' : 'pending',
  body: {},
  intended: {},
  targetId: `id${n}`,
  baseModified: null,
  ...(done && { differences: [] }),
});

const paused = (steps: number, done: number) => {
  const run: ApplyRun = {
    tenantId: 't',
    startedAt: '2026-12-03T15:00:00.000Z',
    items: Array.from({ length: steps }, (_, i) => item(i + 1, i < done)),
    created: {},
  };
  render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} stepByStep />);
};

describe('ApplyPanel, a guided run waiting for the next step', () => {
  it('offers the remaining steps in the plural', () => {
    paused(3, 1);
    expect(screen.getByRole('button', { name: 'Write step 2 of 3' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write the remaining 2 steps' })).toBeTruthy();
  });

  it('with one step left, offers that step alone, never "the remaining 1 steps"', () => {
    paused(2, 1);
    expect(screen.getByRole('heading', { name: 'Step 1 of 2 written' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write step 2 of 2' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /remaining/ })).toBeNull();
  });
});

describe('ApplyPanel, putting a stopped run aside', () => {
  const stopped = () => {
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [item(1, true), item(2, false)], created: {} };
    render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    const aside = screen.getByRole('button', { name: 'Put this run aside' });
    act(() => aside.focus());
    fireEvent.click(aside);
    return { aside, dialog: screen.getByRole('dialog', { name: 'Put this run aside?' }) };
  };

  it('gives the focus back to its button when the run is kept', async () => {
    const { aside } = stopped();
    const keep = screen.getByRole('button', { name: 'Keep the run' });
    act(() => keep.focus());
    fireEvent.click(keep);
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(aside);
  });

  it('gives the focus back to its button on Escape', async () => {
    const { aside, dialog } = stopped();
    const keep = screen.getByRole('button', { name: 'Keep the run' });
    act(() => keep.focus());
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(aside);
  });
});

describe('ApplyPanel, what is said of a run', () => {
  const run = (items: ApplyItem[]): ApplyRun => ({ tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items, created: {} });
  const panel = (r: ApplyRun, running: boolean) => (
    <ApplyPanel run={r} running={running} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />
  );
  const statuses = () => screen.queryAllByRole('status').map((s) => s.textContent);

  it('says why the first write failed, and how many more did, apart from the count that changes at each step', () => {
    const failed = (n: number, message: string): ApplyItem => ({ ...item(n, false), status: 'failed', message });
    const { rerender } = render(panel(run([failed(1, 'Graph refused the request (400)'), item(2, false), item(3, false)]), true));
    expect(statuses()).toContain('‘CA001’ failed: Graph refused the request (400).');
    rerender(panel(run([failed(1, 'Graph refused the request (400)'), failed(2, 'Too many requests'), item(3, true)]), false));
    expect(statuses()).toContain('‘CA001’ failed: Graph refused the request (400). 1 more failed.');
    // The count, said at each step, does not carry the reason.
    expect(screen.getByText(/1 of 3 written, 2 failed/).textContent).not.toMatch(/refused/);
  });

  it('says first a restore that landed whose change after it failed: the policy is back and enforcing', () => {
    const failed = (n: number, message: string, restored = false): ApplyItem => ({
      ...item(n, false),
      status: 'failed',
      message,
      restored,
    });
    const back = 'Restored, but not yet set to Report-only: it enforces as it was deleted (On) until Resume finishes it. Unavailable.';
    render(panel(run([failed(1, 'Graph refused the request (400)'), failed(2, back, true)]), false));
    expect(statuses()).toContain(`‘CA002’ failed: ${back} 1 more failed.`);
  });

  it('says the end of a run it watched once, in a status that was in the page while it ran', () => {
    const { rerender } = render(panel(run([item(1, false), item(2, false)]), true));
    expect(screen.getByRole('heading', { name: 'Writing to Contoso' })).toBeTruthy();
    expect(statuses()).not.toContain('Run finished: 2 of 2 written, nothing left to write.');
    const before = screen.getAllByRole('status');
    rerender(panel(run([item(1, true), item(2, true)]), false));
    expect(screen.getByRole('heading', { name: 'Applied to Contoso' })).toBeTruthy();
    expect(statuses()).toContain('Run finished: 2 of 2 written, nothing left to write.');
    // The same status, filled: not one that appears already filled (often not read).
    expect(
      screen
        .getAllByRole('status')
        .filter((s) => s.textContent === 'Run finished: 2 of 2 written, nothing left to write.')
        .every((s) => before.includes(s)),
    ).toBe(true);
  });

  it('heads a run that tried every write, one failing, with what it wrote and what failed, not "Stopped before the end"', () => {
    const failed: ApplyItem = { ...item(2, false), status: 'failed', message: 'Graph refused the request (400)' };
    const { rerender } = render(panel(run([item(1, false), item(2, false), item(3, false)]), true));
    rerender(panel(run([item(1, true), failed, item(3, true)]), false));
    expect(screen.getByRole('heading', { name: '2 of 3 written to Contoso, 1 failed' })).toBeTruthy();
    expect(statuses()).toContain('Run ended: every write was tried. Resume tries the failed one again.');
    expect(statuses().join(' ')).not.toMatch(/stopped/i);
  });

  // A run found in the journal on opening the page: its heading says where it is, no status says it just ended.
  it.each([
    ['stopped before the end', [item(1, true), item(2, false)]],
    ['finished', [item(1, true), item(2, true)]],
    ['with every write tried, one failing', [item(1, true), { ...item(2, false), status: 'failed' as const, message: 'Refused' }]],
  ])('says nothing of an end it did not see (a run %s, found in the journal)', (_, items) => {
    render(panel(run(items), false));
    // All that is said as it changes: the statuses, and the count under the heading.
    const said = [...document.querySelectorAll('[role="status"], [aria-live]')].map((s) => s.textContent).join(' ');
    expect(said).toMatch(/written/);
    expect(said).not.toMatch(/finished|ended|stopped/i);
  });

  // A screen reader reads the heading, then the status under it: the status adds to the heading, never says it again.
  const failed = (n: number): ApplyItem => ({ ...item(n, false), status: 'failed', message: 'Refused' });
  it.each([
    ['finished', [item(1, true), item(2, true), item(3, true), item(4, true)], 'Run finished: 4 of 4 written, nothing left to write.'],
    [
      'every write tried, two failing',
      [item(1, true), failed(2), item(3, true), failed(4)],
      'Run ended: every write was tried. Resume tries the 2 failed again.',
    ],
    [
      'stopped before the end',
      [item(1, true), item(2, true), item(3, false), item(4, false)],
      'Run stopped: 2 of 4 not written yet. Resume goes on with them.',
    ],
  ])('says the end of a run %s in other words than its heading, with what the heading leaves out', (_, items, said) => {
    const { rerender } = render(panel(run(items.map((i) => ({ ...i, status: 'pending' }))), true));
    rerender(panel(run(items), false));
    const heading = screen.getByRole('heading', { level: 2 }).textContent!;
    expect(statuses()).toContain(said);
    expect(statuses().filter((s) => s?.includes(heading))).toEqual([]);
  });

  it('says, between two steps of a guided run, which step waits, not the heading again', () => {
    const guided = (items: ApplyItem[], running: boolean) => (
      <ApplyPanel
        run={run(items)}
        running={running}
        targetName="Contoso"
        onStop={() => {}}
        onResume={() => {}}
        onClose={() => {}}
        stepByStep
      />
    );
    const { rerender } = render(guided([item(1, false), item(2, false), item(3, false)], true));
    rerender(guided([item(1, true), item(2, false), item(3, false)], false));
    expect(screen.getByRole('heading', { name: 'Step 1 of 3 written' })).toBeTruthy();
    expect(statuses()).toContain('Step 2 of 3 waits for you to write it.');
    expect(statuses()).not.toContain('Step 1 of 3 written.');
  });
});

describe('ApplyPanel, its buttons leaving as the run changes', () => {
  const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [item(1, true), item(2, false)], created: {} };
  const panel = (running: boolean, stopping: boolean, onStop = () => {}, onResume = () => {}) => (
    <ApplyPanel
      run={run}
      running={running}
      stopping={stopping}
      targetName="Contoso"
      onStop={onStop}
      onResume={onResume}
      onClose={() => {}}
    />
  );

  it('Stop after this write leaves the focus on the run’s heading, and stopping is said', () => {
    const onStop = vi.fn();
    const { rerender } = render(panel(true, false, onStop));
    const stop = screen.getByRole('button', { name: 'Stop after this write' });
    act(() => stop.focus());
    fireEvent.click(stop);
    expect(onStop).toHaveBeenCalledTimes(1);
    rerender(panel(true, true, onStop));
    expect(screen.queryByRole('button', { name: 'Stop after this write' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Stopping after the write under way' }));
    const said = screen.getAllByRole('status').map((s) => s.textContent);
    expect(said).toContain('Stop asked: the write under way finishes, none after it starts.');
    expect(said).not.toContain('Stopping after the write under way.');
  });

  it('Resume leaves the focus on the run’s heading', () => {
    const onResume = vi.fn();
    const { rerender } = render(panel(false, false, () => {}, onResume));
    const resume = screen.getByRole('button', { name: 'Resume' });
    act(() => resume.focus());
    fireEvent.click(resume);
    expect(onResume).toHaveBeenCalledTimes(1);
    rerender(panel(true, false, () => {}, onResume));
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Writing to Contoso' }));
  });
});

describe('ApplyPanel, a tenant’s name that holds a direction control', () => {
  it('isolates the name in the next step’s title, the row and what is said of a failure', () => {
    const evil: ApplyItem = { ...item(2, false), name: '\u202Eevil' };
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [item(1, true), evil], created: {} };
    const { rerender } = render(
      <ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} stepByStep />,
    );
    const title = screen.getByText(/Next, step 2: Update/);
    expect(title.querySelector('bdi')?.textContent).toBe('\\u202Eevil');
    const cell = within(screen.getByRole('table', { name: 'What was written' })).getAllByRole('row')[2]!;
    expect(cell.querySelector('bdi')?.textContent).toBe('\\u202Eevil');
    const failed: ApplyRun = { ...run, items: [item(1, true), { ...evil, status: 'failed', message: 'Refused' }] };
    rerender(<ApplyPanel run={failed} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('‘\\u202Eevil’ failed: Refused.');
  });
});

describe('ApplyPanel, a write whose replaced version could not be kept', () => {
  const notKept =
    'Saved, but the version it replaced could not be kept in the history on this device (The quota has been exceeded.): it cannot be restored from here.';

  it('says it on the row, in a warning over the table, in what is said, and in the count', () => {
    const written: ApplyItem = { ...item(1, true), versionNotKept: notKept };
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [written, item(2, true)], created: {} };
    render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    const row = within(screen.getByRole('table', { name: 'What was written' })).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('As planned');
    expect(row.textContent).toContain(`Previous version not kept ${notKept}`);
    expect(screen.getByText('Previous version not kept', { selector: '.fui-MessageBarTitle' }).parentElement!.textContent).toContain(
      'The version replaced by ‘CA001’ could not be kept in the history on this device: it cannot be restored from here.',
    );
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Warning: the version replaced by ‘CA001’ could not be kept in the history on this device: it cannot be restored from here.',
    );
    expect(screen.getByText(/2 of 2 written/).textContent).toBe('2 of 2 written, 1 with the previous version not kept.');
  });

  it('says it on a failed row whose answer was lost, and over the table as a version it may have replaced', () => {
    const mayBe =
      'May have been written (its answer was lost), but the version it would replace could not be kept in the history on this device (The quota has been exceeded.): if it was written, that version cannot be restored from here.';
    const lost: ApplyItem = {
      ...item(2, false),
      status: 'failed',
      message: 'Could not reach Microsoft Graph.',
      versionNotKept: mayBe,
      versionNotKeptIfWritten: true,
    };
    const written: ApplyItem = { ...item(1, true), versionNotKept: notKept };
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [written, lost], created: {} };
    render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    const row = within(screen.getByRole('table', { name: 'What was written' })).getAllByRole('row')[2]!;
    expect(row.textContent).toContain('Failed: Could not reach Microsoft Graph.');
    expect(row.textContent).toContain(`Previous version not kept ${mayBe}`);
    expect(screen.getByText('Previous versions not kept', { selector: '.fui-MessageBarTitle' }).parentElement!.textContent).toContain(
      'The version replaced by ‘CA001’ could not be kept in the history on this device: it cannot be restored from here. ' +
        '‘CA002’ may have been written (its answer was lost), and the version it would replace could not be kept either: if it was written, that version cannot be restored from here.',
    );
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Warning: the version replaced by ‘CA001’ could not be kept in the history on this device: it cannot be restored from here. ' +
        '‘CA002’ may have been written (its answer was lost), and the version it would replace could not be kept in the history on this device: if it was written, that version cannot be restored from here.',
    );
    // The failed write is not counted as a version replaced: it holds only if it was written.
    expect(screen.getByText(/^1 of 2 written, /).textContent).toBe(
      '1 of 2 written, 1 failed, 1 with the previous version not kept, 1 more if it was written.',
    );
    const aside = screen.getByRole('button', { name: 'Put this run aside' });
    fireEvent.click(aside);
    expect(screen.getByRole('dialog', { name: 'Put this run aside?' }).textContent).toContain(
      'with its previous versions in this device’s history (but for the one that could not be kept, and 1 more if it was written).',
    );
  });

  it('counts a failed write whose answer was lost only as holding if it was written', () => {
    const mayBe = 'May have been written (its answer was lost), but …';
    const lost = (n: number): ApplyItem => ({
      ...item(n, false),
      status: 'failed',
      message: 'Could not reach Microsoft Graph.',
      versionNotKept: mayBe,
      versionNotKeptIfWritten: true,
    });
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [item(1, true), lost(2), lost(3)], created: {} };
    render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    expect(screen.getByText(/^1 of 3 written, /).textContent).toBe(
      '1 of 3 written, 2 failed, 2 with the previous version not kept if they were written.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Put this run aside' }));
    expect(screen.getByRole('dialog', { name: 'Put this run aside?' }).textContent).toContain(
      'with its previous versions in this device’s history (but for the 2 that could not be kept, if they were written).',
    );
  });

  it('says nothing of it when every version was kept', () => {
    const run: ApplyRun = { tenantId: 't', startedAt: '2026-12-03T15:00:00.000Z', items: [item(1, true)], created: {} };
    render(<ApplyPanel run={run} running={false} targetName="Contoso" onStop={() => {}} onResume={() => {}} onClose={() => {}} />);
    expect(screen.queryByText(/not kept/)).toBeNull();
  });
});
