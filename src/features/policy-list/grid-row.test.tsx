// @vitest-environment jsdom
// A policy's name too long for its column is cut with …; the whole name shows beside it when the name is
// focused from the keyboard, not only under the mouse, and its accessible name stays the name alone.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedText } from '../../shared/ui/isolated-text';
import { GridRow, useRowStyles } from './grid-row';
import type { PolicyRow } from './policy-rows';

const NAME = 'CA031: Require phishing-resistant MFA for administrators signing in from unmanaged devices outside the office';

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

describe('a policy’s name in the grid', () => {
  it('shows the whole name, isolated, when the keyboard focuses it, keeping the name as the link’s accessible name', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Row />
      </FluentProvider>,
    );
    const link = screen.getByRole('link', { name: NAME });
    expect(screen.queryByRole('tooltip')).toBeNull();
    // Tabbed to, as a keyboard user reaches the grid (Fluent shows a tooltip on a focus from the keyboard).
    fireEvent.keyDown(document.body, { key: 'Tab' });
    link.focus();
    expect((await screen.findByRole('tooltip')).textContent).toBe(isolatedText(NAME));
    expect(screen.getByRole('link', { name: NAME })).toBe(link);
    expect(link.getAttribute('aria-describedby')).toBeNull();
  });
});
