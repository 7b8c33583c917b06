import { describe, expect, it } from 'vitest';
import { drawnRows, rowAt, rowOffsets, scrollToReveal, visibleRange } from './windowing';

const offsets195 = rowOffsets(Array.from({ length: 195 }, () => 44));

describe('row offsets', () => {
  it('start each row where the one before ends, and end with the height of the list', () => {
    expect(rowOffsets([44, 58, 44])).toEqual([0, 44, 102, 146]);
    expect(rowOffsets([])).toEqual([0]);
  });

  it('find the row at a distance from the top, clamped to the list', () => {
    const offsets = rowOffsets([44, 58, 44]);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 43.9)).toBe(0);
    expect(rowAt(offsets, 44)).toBe(1);
    expect(rowAt(offsets, 101)).toBe(1);
    expect(rowAt(offsets, 102)).toBe(2);
    expect(rowAt(offsets, -50)).toBe(0);
    expect(rowAt(offsets, 10_000)).toBe(2);
    expect(rowAt([0], 10)).toBe(0);
  });
});

describe('the rows drawn', () => {
  it('are all of a short list, wherever the viewport is', () => {
    const offsets = rowOffsets(Array.from({ length: 35 }, () => 44));
    expect(visibleRange(offsets, 5_000, 5_720, 600, 60)).toEqual({ start: 0, end: 35 });
  });

  it('are those in the viewport and the overscan beyond each edge of a long list', () => {
    // The viewport shows 1000–1720 px: rows 22 to 39; 600 px more each side: 400–2320 px.
    expect(visibleRange(offsets195, 1_000, 1_720, 600, 60)).toEqual({ start: 9, end: 53 });
    expect(visibleRange(offsets195, 0, 720, 600, 60)).toEqual({ start: 0, end: 30 });
  });

  it('reach the last row at the end of the list, and stay at the edge beyond it', () => {
    const height = 195 * 44;
    expect(visibleRange(offsets195, height - 720, height, 600, 60)).toEqual({ start: 165, end: 195 });
    expect(visibleRange(offsets195, height + 5_000, height + 5_720, 600, 60)).toEqual({ start: 194, end: 195 });
    // The list still below the viewport: its first rows are ready.
    expect(visibleRange(offsets195, -2_000, -1_280, 600, 60)).toEqual({ start: 0, end: 1 });
  });

  it('follow rows of two heights', () => {
    const offsets = rowOffsets(Array.from({ length: 100 }, (_, i) => (i % 2 ? 58 : 44)));
    const { start, end } = visibleRange(offsets, 2_040, 2_550, 0, 60);
    expect(offsets[start]).toBeLessThanOrEqual(2_040);
    expect(offsets[start + 1]).toBeGreaterThan(2_040);
    expect(offsets[end - 1]).toBeLessThan(2_550);
    expect(offsets[end]).toBeGreaterThanOrEqual(2_550);
  });

  it('keep the focused row drawn wherever it is, in order', () => {
    expect(drawnRows({ start: 10, end: 14 }, 12, 195)).toEqual([10, 11, 12, 13]);
    expect(drawnRows({ start: 10, end: 14 }, 190, 195)).toEqual([10, 11, 12, 13, 190]);
    expect(drawnRows({ start: 10, end: 14 }, 2, 195)).toEqual([2, 10, 11, 12, 13]);
    expect(drawnRows({ start: 10, end: 14 }, null, 195)).toEqual([10, 11, 12, 13]);
    // A list that shrank under the range draws what is left.
    expect(drawnRows({ start: 0, end: 14 }, 40, 3)).toEqual([0, 1, 2]);
  });
});

describe('scrolling a row into view', () => {
  it('moves the least that shows it, a margin off the edge, and not at all when it shows', () => {
    expect(scrollToReveal(1_000, 1_720, 1_200, 1_244, 8)).toBeNull();
    expect(scrollToReveal(1_000, 1_720, 3_000, 3_044, 8)).toBe(3_044 + 8 - 720);
    expect(scrollToReveal(1_000, 1_720, 400, 444, 8)).toBe(392);
    expect(scrollToReveal(1_000, 1_720, 4, 48, 8)).toBe(0);
  });
});
