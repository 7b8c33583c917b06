// @vitest-environment jsdom
// The grid's layout: it fits the list's box in a 1000 px window (908 px wide: at 960 px the Modified column read
// "Nov 30, 20"), and a name that starts in Hebrew is laid right to left, so its cut falls at its logical end
// (the left) and not over its first word. jsdom lays nothing out: the widths asked of the layout are checked.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PoliciesGrid } from './policies-grid';
import type { PolicyRow } from './policy-rows';

afterEach(cleanup);

const rowOf = (id: string, name: string): PolicyRow => ({
  id,
  name,
  state: 'enabled',
  users: 'All users',
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

const renderGrid = (rows: PolicyRow[]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PoliciesGrid rows={rows} sort="name" direction="ascending" onSort={() => {}} onOpen={() => {}} />
    </FluentProvider>,
  );

/** The list's box in a 1000 px window: the window less the navigation rail and the page's padding. */
const BOX_AT_1000 = 908;

describe('PoliciesGrid layout', () => {
  it('asks no more width than the list has in a 1000 px window', () => {
    renderGrid([rowOf('1', 'CA001 MFA')]);
    const grid = screen.getByRole('grid');
    expect(parseFloat(getComputedStyle(grid).minWidth)).toBeLessThanOrEqual(BOX_AT_1000);
    const template = grid.style.getPropertyValue('--policies-grid-columns');
    const least = [...template.matchAll(/minmax\((\d+)px/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(least).toBeGreaterThan(0);
    expect(least).toBeLessThanOrEqual(BOX_AT_1000);
  });

  it('lays a name that starts in Hebrew right to left, one that starts in Latin left to right', () => {
    renderGrid([rowOf('1', "שלום 'CA-RTL 77 <img src=x>"), rowOf('2', 'CA002 Block')]);
    const boxOf = (name: string) => screen.getByRole('link', { name }).closest('[data-clip]')!;
    expect(boxOf("שלום 'CA-RTL 77 <img src=x>").getAttribute('dir')).toBe('rtl');
    expect(boxOf('CA002 Block').getAttribute('dir')).toBe('ltr');
  });
});
