// @vitest-environment jsdom
// Each row's button that opens its difference is named for the row: a list of buttons all called
// "Show the difference" does not say which policy each one shows. The name starts with the words seen.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanAction, PlanRow } from '../../domain/plan/types';
import { PlanRowsTable } from './plan-rows-table';

// The difference itself plays no part here.
vi.mock('./row-difference', () => ({ RowDifference: () => null }));

afterEach(cleanup);

const row = (displayName: string, action: PlanAction, warning = false): PlanRow => ({
  key: `policy:${displayName}`,
  kind: 'policy',
  displayName,
  action,
  options: [action],
  why: 'Why',
  sourceId: null,
  targetId: 't',
  body: {},
  intended: {},
  before: { displayName },
  problems: warning ? [{ severity: 'warning', text: `${displayName} differs` }] : [],
});

const WORDS = { reportOnly: 'Report-only', source: 'As in the file', off: 'Off', target: 'As it is now' };

describe('PlanRowsTable, the buttons that show a difference', () => {
  it('names each for its row, starting with the words it shows', () => {
    render(
      <PlanRowsTable
        rows={[row('CA001 MFA', 'update'), row('CA002 Block', 'restore'), row('CA003 Legacy', 'reuse', true)]}
        targetName="Fabrikam"
        stateWords={WORDS}
        onAction={() => undefined}
        onState={() => undefined}
      />,
    );
    const names = screen.getAllByRole('button').map((b) => [b.textContent, b.getAttribute('aria-label')]);
    expect(names).toEqual([
      ['Show the difference', "Show the difference for 'CA001 MFA'"],
      ['Show the difference', "Show the difference for 'CA002 Block'"],
      ['Compare with Fabrikam', "Compare with Fabrikam for 'CA003 Legacy'"],
    ]);
    fireEvent.click(screen.getByRole('button', { name: "Show the difference for 'CA002 Block'" }));
    const hide = screen.getByRole('button', { name: "Hide the difference for 'CA002 Block'" });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
  });

  it('offers a create its difference too: every write is seen before it is made', () => {
    const copy = { ...row('CA001 MFA (ring 1)', 'create'), before: null, targetId: null };
    render(<PlanRowsTable rows={[copy]} targetName="Fabrikam" stateWords={WORDS} onAction={() => undefined} onState={() => undefined} />);
    const show = screen.getByRole('button', { name: "Show the difference for 'CA001 MFA (ring 1)'" });
    expect(show.textContent).toBe('Show the difference');
  });
});

describe('PlanRowsTable, the Object column', () => {
  // jsdom lays nothing out: a box is cut when its text is wider than the box, as Chromium measures it.
  const widths = (cut: (element: HTMLElement) => boolean) => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return cut(this) ? 400 : 100;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100);
  };
  const LONG = 'CA099 Require a compliant device for every cloud app except the break-glass accounts';

  it('keeps a name on one line; one cut with … shows whole in a tooltip under the mouse, one shown whole does not', async () => {
    widths((element) => element.textContent === LONG);
    render(
      <PlanRowsTable
        rows={[row('Fault A', 'update'), row(LONG, 'update')]}
        targetName="Fabrikam"
        stateWords={WORDS}
        onAction={() => undefined}
        onState={() => undefined}
      />,
    );
    const short = screen.getByText('Fault A').closest('span')!;
    expect(getComputedStyle(short).whiteSpace).toBe('nowrap');
    expect(getComputedStyle(short).textOverflow).toBe('ellipsis');
    fireEvent.mouseEnter(short);
    expect(screen.queryByRole('tooltip')).toBeNull();

    const long = screen.getByText(LONG).closest('span')!;
    fireEvent.mouseEnter(long);
    expect((await screen.findByRole('tooltip')).textContent).toBe(LONG);
  });

  it('lets the keyboard reach a cut name: it takes the focus and shows whole; a name shown whole is no tab stop', async () => {
    widths((element) => element.textContent === LONG);
    render(
      <PlanRowsTable
        rows={[row('Fault A', 'update'), row(LONG, 'update')]}
        targetName="Fabrikam"
        stateWords={WORDS}
        onAction={() => undefined}
        onState={() => undefined}
      />,
    );
    expect(screen.getByText('Fault A').closest('span')!.getAttribute('tabindex')).toBeNull();
    const long = screen.getByText(LONG).closest('span')!;
    expect(long.tabIndex).toBe(0);
    fireEvent.focus(long);
    expect((await screen.findByRole('tooltip')).textContent).toBe(LONG);
    fireEvent.blur(long);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('draws a name that starts in Hebrew right to left, so the … falls at its end and not over its first word', () => {
    widths(() => false);
    render(
      <PlanRowsTable
        rows={[row("שלום 'CA-RTL 77", 'update'), row('CA001 MFA', 'update')]}
        targetName="Fabrikam"
        stateWords={WORDS}
        onAction={() => undefined}
        onState={() => undefined}
      />,
    );
    expect(screen.getByText("שלום 'CA-RTL 77").closest('span')!.getAttribute('dir')).toBe('rtl');
    expect(screen.getByText('CA001 MFA').closest('span')!.getAttribute('dir')).toBe('ltr');
  });
});
