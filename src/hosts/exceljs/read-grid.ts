/** ExcelJS workbook → the core's grid (values and merged areas of every sheet). */
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core";

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** One ExcelJS cell value as the core sees it: formulas by their result, rich text as plain text. */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return toCellValue((value as { result?: ExcelJS.CellValue }).result);
    if ("hyperlink" in value) return toCellValue((value as { text?: ExcelJS.CellValue }).text);
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

export function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = row.values as (ExcelJS.CellValue | undefined)[];
    const out: CellValue[] = [];
    for (let c = 1; c < cells.length; c++) out.push(toCellValue(cells[c]));
    while (values.length < rowNumber - 1) values.push([]);
    values[rowNumber - 1] = out;
  });
  return { name: ws.name, values, merges: mergesOf(ws) };
}

export function workbookToGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: wb.worksheets.map(sheetToGrid) };
}
