import { describe, expect, it } from 'vitest';
import { moveFocus } from './grid-keys';

const size = { rows: 195, cols: 7, page: 14 };

describe('keys in the policies grid', () => {
  it('move by one cell with the arrows, stopping at the edges (the header is row -1)', () => {
    expect(moveFocus('ArrowDown', false, { row: 0, col: 2 }, size)).toEqual({ row: 1, col: 2 });
    expect(moveFocus('ArrowUp', false, { row: 0, col: 2 }, size)).toEqual({ row: -1, col: 2 });
    expect(moveFocus('ArrowUp', false, { row: -1, col: 2 }, size)).toEqual({ row: -1, col: 2 });
    expect(moveFocus('ArrowDown', false, { row: 194, col: 0 }, size)).toEqual({ row: 194, col: 0 });
    expect(moveFocus('ArrowRight', false, { row: 3, col: 6 }, size)).toEqual({ row: 3, col: 6 });
    expect(moveFocus('ArrowLeft', false, { row: 3, col: 0 }, size)).toEqual({ row: 3, col: 0 });
    expect(moveFocus('ArrowRight', false, { row: 3, col: 0 }, size)).toEqual({ row: 3, col: 1 });
  });

  it('move a screenful with Page Down and Page Up, to rows not drawn too', () => {
    expect(moveFocus('PageDown', false, { row: 0, col: 0 }, size)).toEqual({ row: 14, col: 0 });
    expect(moveFocus('PageDown', false, { row: -1, col: 1 }, size)).toEqual({ row: 14, col: 1 });
    expect(moveFocus('PageDown', false, { row: 190, col: 0 }, size)).toEqual({ row: 194, col: 0 });
    expect(moveFocus('PageUp', false, { row: 20, col: 0 }, size)).toEqual({ row: 6, col: 0 });
    expect(moveFocus('PageUp', false, { row: 5, col: 0 }, size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus('PageUp', false, { row: -1, col: 0 }, size)).toEqual({ row: -1, col: 0 });
  });

  it('go to the row’s ends with Home and End, and to the first and last policy with Ctrl', () => {
    expect(moveFocus('Home', false, { row: 7, col: 4 }, size)).toEqual({ row: 7, col: 0 });
    expect(moveFocus('End', false, { row: 7, col: 4 }, size)).toEqual({ row: 7, col: 6 });
    expect(moveFocus('Home', true, { row: 7, col: 4 }, size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus('End', true, { row: 7, col: 4 }, size)).toEqual({ row: 194, col: 6 });
  });

  it('leave other keys to the cell', () => {
    expect(moveFocus('Enter', false, { row: 7, col: 4 }, size)).toBeNull();
    expect(moveFocus('a', false, { row: 7, col: 4 }, size)).toBeNull();
  });
});
