/**
 * The core's view of a workbook: plain values and merged areas, nothing else.
 * Hosts (Office.js, ExcelJS) read a workbook into this shape; the core never
 * touches a workbook itself.
 */

/** A cell value as the core sees it. Formulas arrive as their results. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based (row 0 is sheet row 1, col 0 is column A). */
export interface CellRange {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** One worksheet: `values[r][c]` is the cell at row r, column c, starting at A1. */
export interface SheetGrid {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly merges: readonly CellRange[];
  /** 0-based columns the sheet hides (a hidden column never wins over a visible one). */
  readonly hiddenColumns?: readonly number[];
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

/** Whether two sheet names name the same sheet: Excel compares them without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return sheet.values[row]?.[col] ?? null;
}

export function columnCount(sheet: SheetGrid): number {
  let max = 0;
  for (const row of sheet.values) if (row.length > max) max = row.length;
  return max;
}

/** A sheet as a person reads it: each cell of a merged area shows the area's value. */
export interface SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  get(row: number, col: number): CellValue;
}

/** Excel's widest sheet is 16,384 columns: a safe stride for cell keys. */
const STRIDE = 16_384;

/** A merge-aware view of a sheet, without copying its values. */
export function viewOf(sheet: SheetGrid): SheetView {
  const origin = new Map<number, number>();
  for (const m of sheet.merges) {
    const top = m.row * STRIDE + m.col;
    const lastRow = Math.min(m.row + m.rowCount, sheet.values.length);
    for (let r = m.row; r < lastRow; r++) {
      for (let c = m.col; c < m.col + m.colCount; c++) if (r !== m.row || c !== m.col) origin.set(r * STRIDE + c, top);
    }
  }
  return {
    rowCount: sheet.values.length,
    colCount: columnCount(sheet),
    get(row, col) {
      if (origin.size > 0) {
        const top = origin.get(row * STRIDE + col);
        if (top !== undefined) return cellAt(sheet, Math.floor(top / STRIDE), top % STRIDE);
      }
      return cellAt(sheet, row, col);
    },
  };
}

/** Column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index for letters: A → 0, AA → 26. Returns -1 when not letters. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1-style address of one cell, e.g. (34, 5) → F35. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1-style address of a range, e.g. A35:L35 (a single cell gives F35). */
export function rangeAddress(range: CellRange): string {
  const first = cellAddress(range.row, range.col);
  if (range.rowCount === 1 && range.colCount === 1) return first;
  return `${first}:${cellAddress(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/** Parses `F35` or `A1:B3` (optionally sheet-qualified) into a range. */
export function parseRangeAddress(address: string): CellRange | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(bare.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    colCount: Math.abs(c2 - c1) + 1,
  };
}

/** Sheet-qualified address as Excel writes it: quotes only when needed. */
export function qualifiedAddress(sheetName: string, address: string): string {
  const needsQuotes = /[\s'!()\-,;+&{}[\]]/.test(sheetName) || /^\d/.test(sheetName);
  const name = needsQuotes ? `'${sheetName.replace(/'/g, "''")}'` : sheetName;
  return `${name}!${address}`;
}
