// Which rows of the list to draw: only those near the viewport once the list is long. Rows have
// known heights (a line, or two with a search hint), so positions are sums, never measured.

/** Where each row starts, and after the last one the list's height: offsets[i] is row i's top. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The row at this distance from the list's top (the last row below the end, the first above it). */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface RowRange {
  /** First row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
}

/**
 * The rows to draw when the viewport shows [top, bottom) of the list (in pixels from its top),
 * with `overscan` pixels drawn beyond each edge so a scroll shows drawn rows. A list of at most
 * `drawAllUpTo` rows is drawn whole: cheap at that size, and the browser's find-in-page sees it all.
 */
export function visibleRange(offsets: readonly number[], top: number, bottom: number, overscan: number, drawAllUpTo: number): RowRange {
  const count = offsets.length - 1;
  if (count <= drawAllUpTo) return { start: 0, end: count };
  const height = offsets[count]!;
  // A viewport wholly above or below the list still draws its nearest edge, ready for a scroll.
  const from = Math.min(Math.max(top - overscan, 0), height);
  const to = Math.max(Math.min(bottom + overscan, height), 0);
  return { start: rowAt(offsets, from), end: Math.min(count, rowAt(offsets, Math.max(from, to - 1)) + 1) };
}

/** The rows drawn: the range and, wherever it is, the row holding the focus (so focus is never lost). */
export function drawnRows(range: RowRange, focused: number | null, count: number): number[] {
  const rows: number[] = [];
  const keep = focused !== null && focused >= 0 && focused < count && (focused < range.start || focused >= range.end) ? focused : null;
  if (keep !== null && keep < range.start) rows.push(keep);
  for (let i = range.start; i < Math.min(range.end, count); i++) rows.push(i);
  if (keep !== null && keep >= range.end) rows.push(keep);
  return rows;
}

/**
 * The scroll position that brings [itemTop, itemBottom) into a viewport showing [viewTop, viewBottom)
 * by the least movement, or null when it is already in view. A margin keeps it off the very edge.
 */
export function scrollToReveal(viewTop: number, viewBottom: number, itemTop: number, itemBottom: number, margin = 0): number | null {
  if (itemTop < viewTop + margin) return Math.max(0, itemTop - margin);
  if (itemBottom > viewBottom - margin) return itemBottom + margin - (viewBottom - viewTop);
  return null;
}
