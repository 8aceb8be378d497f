/**
 * ExcelJS workbook → the core's grid: values as the cells show them (numbers
 * and dates through their number format), merged areas and hidden columns of
 * every sheet.
 */
import type ExcelJS from "exceljs";
import { columnCount, displayValue, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../../core";

/** Excel's day 0 in the 1900 date system, as ExcelJS turns serial numbers into dates (and back). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** What ExcelJS gives a date that has no number format of its own: Excel's short date. */
const DEFAULT_DATE_FORMAT = "mm-dd-yy";

/**
 * One ExcelJS cell value as the core sees it: formulas by their result, rich
 * text as plain text, numbers and dates as `numFmt` shows them. ExcelJS reads
 * a date-formatted number as a Date: it goes back to its serial number, so
 * that it is shown exactly as the Office.js host shows the number it reads.
 */
export function toCellValue(value: ExcelJS.CellValue | undefined, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return displayValue(value, numFmt);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return displayValue((value.getTime() - EXCEL_EPOCH) / 86_400_000, numFmt ?? DEFAULT_DATE_FORMAT);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return toCellValue((value as { result?: ExcelJS.CellValue }).result, numFmt);
    if ("hyperlink" in value) return toCellValue((value as { text?: ExcelJS.CellValue }).text, numFmt);
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return null;
}

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a sheet. ExcelJS keeps them in a private index; `model.merges` would rebuild the whole sheet. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const index = (ws as unknown as { _merges: Record<string, MergeDimensions | undefined> })._merges ?? {};
  return Object.values(index)
    .filter((m): m is MergeDimensions => m !== undefined)
    .map((m) => ({ row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 }));
}

/** The number format that shows a cell: a merged cell shows its area's first cell. */
function numFmtOf(row: ExcelJS.Row, col: number): string | undefined {
  const cell = row.findCell(col);
  return (cell?.isMerged ? cell.master : cell)?.numFmt;
}

/** 0-based hidden columns among the first `width` (ExcelJS knows only the columns the file describes). */
function hiddenColumnsOf(ws: ExcelJS.Worksheet, width: number): number[] {
  const columns = (ws.columns as (Partial<ExcelJS.Column> | undefined)[] | null | undefined) ?? [];
  const out: number[] = [];
  for (let c = 0; c < Math.min(columns.length, width); c++) if (columns[c]?.hidden) out.push(c);
  return out;
}

export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = row.values as (ExcelJS.CellValue | undefined)[];
    const out: CellValue[] = [];
    for (let c = 1; c < cells.length; c++) {
      const v = cells[c];
      // Only numbers, dates and formula results depend on the format: look the cell up for those alone.
      out.push(typeof v === "number" || (typeof v === "object" && v !== null && !("richText" in v)) ? toCellValue(v, numFmtOf(row, c)) : toCellValue(v));
    }
    while (values.length < rowNumber - 1) values.push([]);
    values[rowNumber - 1] = out;
  });
  const grid = { name: ws.name, values, merges: mergesOf(ws) };
  return { ...grid, hiddenColumns: hiddenColumnsOf(ws, columnCount(grid)) };
}

export function workbookToGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: wb.worksheets.map(sheetToGrid) };
}
