// Where a key moves the focus in the policies grid, as the ARIA grid pattern has it: arrows by one
// cell, Home and End to the row's ends, Ctrl+Home and Ctrl+End to the first and last policy, Page
// Up and Page Down by a screenful. Row -1 is the header row; rows that are not drawn count the same.

export interface CellPosition {
  /** -1 for the header row, 0 for the first policy. */
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Policies a Page Up or Page Down moves by. */
  page: number;
}

export function moveFocus(key: string, ctrl: boolean, from: CellPosition, size: GridSize): CellPosition | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const at = (row: number, col: number) => ({ row: Math.max(-1, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) });
  switch (key) {
    case 'ArrowDown':
      return at(from.row + 1, from.col);
    case 'ArrowUp':
      return at(from.row - 1, from.col);
    case 'ArrowRight':
      return at(from.row, from.col + 1);
    case 'ArrowLeft':
      return at(from.row, from.col - 1);
    case 'PageDown':
      return at(Math.max(from.row, 0) + size.page, from.col);
    case 'PageUp':
      // From the policies, Page Up stops at the first one; the header is an arrow away.
      return at(from.row < 0 ? -1 : Math.max(0, from.row - size.page), from.col);
    case 'Home':
      return ctrl ? at(Math.min(0, lastRow), 0) : at(from.row, 0);
    case 'End':
      return ctrl ? at(lastRow, lastCol) : at(from.row, lastCol);
    default:
      return null;
  }
}
