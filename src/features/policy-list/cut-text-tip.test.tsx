// @vitest-environment jsdom
// A policy's name too long for its column is cut with …; the whole name shows beside it when the name is
// focused from the keyboard, not only under the mouse, and its accessible name stays the name alone.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GridRow, useRowStyles } from './grid-row';
import type { PolicyRow } from './policy-rows';

// A right-to-left part and a direction override: the tooltip must show them as the row does (the override as an
// escape, the whole isolated), or a lost isolation would go unseen.
const NAME = 'CA050 חסימה של מכשירים לא מנוהלים \u202Ekcolb for administrators signing in from unmanaged devices outside the office';
const SHOWN = 'CA050 חסימה של מכשירים לא מנוהלים \\u202Ekcolb for administrators signing in from unmanaged devices outside the office';

const row: PolicyRow = {
  id: 'p1',
  name: NAME,
  state: 'enabled',
  users: 'All users',
  targets: 'All resources',
  grant: 'MFA',
  session: '',
  modified: null,
  controls: new Set(),
  searchText: NAME.toLowerCase(),
  matchables: [],
  pending: false,
  missingReferences: 0,
};

function Row() {
  const classes = useRowStyles();
  return <GridRow row={row} findings={undefined} index={0} top={0} height={40} activeCol={0} classes={classes} onOpen={() => {}} />;
}

afterEach(cleanup);

// A first render of Fluent takes seconds on a loaded machine.
describe('a policy’s name in the grid', { timeout: 30_000 }, () => {
  it('shows the whole name, isolated, when the keyboard focuses it, keeping the name as the link’s accessible name', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Row />
      </FluentProvider>,
    );
    const link = screen.getByRole('link', { name: SHOWN });
    expect(screen.queryByRole('tooltip')).toBeNull();
    // Tabbed to, as a keyboard user reaches the grid (Fluent shows a tooltip on a focus from the keyboard).
    fireEvent.keyDown(document.body, { key: 'Tab' });
    link.focus();
    const tooltip = await screen.findByRole('tooltip');
    // Escaped and isolated, as the row shows it: no raw override to turn the tooltip's words.
    expect(tooltip.textContent).toBe(`\u2068${SHOWN}\u2069`);
    expect(tooltip.textContent).not.toContain('\u202E');
    expect(screen.getByRole('link', { name: SHOWN })).toBe(link);
    expect(link.getAttribute('aria-describedby')).toBeNull();
  });
});
