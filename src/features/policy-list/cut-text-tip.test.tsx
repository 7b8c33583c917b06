// @vitest-environment jsdom
// A text too long for its column is cut with …; the whole text shows beside it when the keyboard focuses it or the
// mouse rests on it, and only then: a text shown whole is not told twice. jsdom lays nothing out, so each element
// is given a width of its own: 7 px a character, in a box of 200 px (so a text over 28 characters is cut).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PoliciesGrid } from './policies-grid';
import type { PolicyRow } from './policy-rows';

// A right-to-left part and a direction override: the tooltip must show them as the row does (the override as an
// escape, the whole isolated), or a lost isolation would go unseen.
const NAME = 'CA050 חסימה של מכשירים לא מנוהלים \u202Ekcolb for administrators signing in from unmanaged devices outside the office';
const SHOWN = 'CA050 חסימה של מכשירים לא מנוהלים \\u202Ekcolb for administrators signing in from unmanaged devices outside the office';
const SHORT = 'CA001 Block legacy auth';

const rowOf = (id: string, name: string, users = 'All users'): PolicyRow => ({
  id,
  name,
  state: 'enabled',
  users,
  targets: 'All resources',
  grant: 'MFA',
  session: '',
  modified: null,
  controls: new Set(),
  searchText: name.toLowerCase(),
  matchables: [],
  pending: false,
  missingReferences: 0,
});

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return (this.textContent ?? '').length * 7;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 200 });
});
// jsdom's own (0 for both) are on Element.prototype.
afterAll(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'scrollWidth');
  Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth');
});
afterEach(cleanup);

function renderGrid(rows: PolicyRow[]) {
  const ui = (shown: PolicyRow[]) => (
    <FluentProvider theme={webLightTheme}>
      <PoliciesGrid rows={shown} sort="name" direction="ascending" onSort={() => {}} onOpen={() => {}} />
    </FluentProvider>
  );
  const view = render(ui(rows));
  return { again: (shown: PolicyRow[]) => view.rerender(ui(shown)) };
}

/** Tabbed to, as a keyboard user reaches the grid (Fluent marks the navigation as the keyboard's). */
function tabTo(element: HTMLElement) {
  fireEvent.keyDown(document.body, { key: 'Tab' });
  act(() => element.focus());
}

// Any tooltip in the page, shown or on its way out (a role query skips one Fluent is hiding).
const anyTooltip = () => document.querySelector('[role="tooltip"]');
const wait = (ms: number) => act(() => new Promise((done) => setTimeout(done, ms)));

// A first render of Fluent takes seconds on a loaded machine.
describe('a policy’s name in the grid', { timeout: 30_000 }, () => {
  it('shows the whole name, escaped and isolated, when the keyboard focuses it, keeping the name as the link’s accessible name', async () => {
    renderGrid([rowOf('p1', NAME)]);
    const link = screen.getByRole('link', { name: SHOWN });
    expect(anyTooltip()).toBeNull();
    tabTo(link);
    const tooltip = await screen.findByRole('tooltip');
    // Escaped and isolated, as the row shows it: no raw override to turn the tooltip's words.
    expect(tooltip.textContent).toBe(`\u2068${SHOWN}\u2069`);
    expect(tooltip.textContent).not.toContain('\u202E');
    expect(document.activeElement).toBe(link);
    expect(screen.getByRole('link', { name: SHOWN })).toBe(link);
    expect(link.getAttribute('aria-describedby')).toBeNull();
  });

  it('stays while the list is made again with the same rows (names arriving, a refresh), and goes when its row moves', async () => {
    const { again } = renderGrid([rowOf('p1', NAME), rowOf('p2', SHORT)]);
    tabTo(screen.getByRole('link', { name: SHOWN }));
    await screen.findByRole('tooltip');
    // The names arrive: new row objects, the same policies in the same places. (Queried as any tooltip: jsdom's
    // zero-sized layout lets Fluent's positioning hide it from role queries once it has placed it.)
    again([rowOf('p1', NAME, 'All users (excluding 3)'), rowOf('p2', SHORT)]);
    await wait(400);
    expect(anyTooltip()?.textContent).toBe(`\u2068${SHOWN}\u2069`);
    // A search keystroke puts another policy where it was: its tooltip would name the wrong one.
    again([rowOf('p2', SHORT), rowOf('p1', NAME)]);
    await wait(400);
    expect(anyTooltip()).toBeNull();
  });

  it('shows no tooltip for a name its column shows whole, on focus or under the mouse', async () => {
    renderGrid([rowOf('p1', SHORT)]);
    const link = screen.getByRole('link', { name: SHORT });
    tabTo(link);
    fireEvent.pointerOver(link);
    await wait(400);
    expect(anyTooltip()).toBeNull();
  });

  it('shows a cut name under the mouse after a moment, and hides it when the mouse leaves', async () => {
    renderGrid([rowOf('p1', NAME), rowOf('p2', SHORT)]);
    fireEvent.pointerOver(screen.getByRole('link', { name: SHOWN }));
    expect((await screen.findByRole('tooltip')).textContent).toBe(`\u2068${SHOWN}\u2069`);
    fireEvent.pointerOut(screen.getByRole('link', { name: SHOWN }), { relatedTarget: screen.getByRole('link', { name: SHORT }) });
    await wait(400);
    expect(anyTooltip()).toBeNull();
  });
});

// Users, Target resources, Grant and Session: the cell the grid's arrow keys focus shows its cut text whole.
describe('a cut summary cell in the grid', { timeout: 30_000 }, () => {
  const USERS = 'Ana Ruiz, Helpdesk Agent +14 and all guests or external users';

  it('shows its whole text when the arrow keys focus the cell, and none for a text shown whole', async () => {
    renderGrid([rowOf('p1', SHORT, USERS), rowOf('p2', 'CA002 Short', 'All users')]);
    tabTo(screen.getByRole('link', { name: SHORT }));
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    const cell = screen.getAllByRole('gridcell')[3]!;
    expect(document.activeElement).toBe(cell);
    expect((await screen.findByRole('tooltip')).textContent).toBe(USERS);
    // Down to the next row's Users, shown whole: the tooltip goes.
    fireEvent.keyDown(cell, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getAllByRole('row')[2]!.querySelectorAll('[role="gridcell"]')[3]);
    await wait(400);
    expect(anyTooltip()).toBeNull();
  });

  it('shows its whole text under the mouse only when cut', async () => {
    renderGrid([rowOf('p1', SHORT, USERS), rowOf('p2', 'CA002 Short', 'All users')]);
    fireEvent.pointerOver(screen.getByText('All users'));
    await wait(400);
    expect(anyTooltip()).toBeNull();
    fireEvent.pointerOver(screen.getByText(USERS));
    expect((await screen.findByRole('tooltip')).textContent).toBe(USERS);
  });
});
