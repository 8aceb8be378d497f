/**
 * Reading the workbook into the core's grid with whole-range reads: per
 * sheet, the used range's values with their number formats (the core gets
 * numbers and dates as the cells show them), the merged areas and the hidden
 * columns, and, when asked, the sheet's conditional formats (to find this
 * tool's rules) and its protection. Everything for all sheets is queued
 * before one sync.
 */
import { columnCount, displayValue, parseRangeAddress, type CellRange, type CellValue, type SheetGrid } from "../../core";
import type { ExcelFeatures } from "./features";

/** Loads queued for one sheet, read after the sync. */
export interface PendingSheet {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merges: Excel.RangeAreas | null;
  readonly formats: Excel.ConditionalFormatCollection | null;
  readonly protection: Excel.WorksheetProtection | null;
  /** Whether each column from A to the last used one is hidden (null before ExcelApi 1.9). */
  readonly columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null;
}

/** A used range's contents read in row chunks: values and number formats. */
export interface ChunkedCells {
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

export interface SheetRead {
  readonly grid: SheetGrid;
  /** This tool's conditional formats on the sheet (empty when formats were not read). */
  readonly ownRules: readonly Excel.ConditionalFormat[];
  readonly protected: boolean;
}

/** Loads the properties that identify this tool's rules: the type, and the formula of custom rules. */
export function loadRuleFormulas(formats: Excel.ConditionalFormatCollection): void {
  // `customOrNullObject` is a null object for rules of other types, where `custom` would fail the batch.
  formats.load("items/type, items/customOrNullObject/rule/formula");
}

/** The loaded rules whose custom formula carries the marker. */
export function ownRules(formats: Excel.ConditionalFormatCollection, marker: string): Excel.ConditionalFormat[] {
  return formats.items.filter((cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.includes(marker));
}

/** Queues everything read from one sheet. */
export function queueSheetRead(
  worksheet: Excel.Worksheet,
  name: string,
  features: ExcelFeatures,
  options: { formats: boolean; protection: boolean; values?: boolean },
): PendingSheet {
  // Before ExcelApi 1.4 there is no null-object variant: an empty sheet gives A1.
  const used = features.settings ? worksheet.getUsedRangeOrNullObject(true) : worksheet.getUsedRange(true);
  // Without values: only the used range's position and size, for a read in row chunks.
  used.load(options.values === false ? "rowIndex, columnIndex, rowCount, columnCount" : "values, numberFormat, rowIndex, columnIndex");
  // Hidden columns (ExcelApi 1.9, the page layout's set): one result for all columns from A to the last used
  // one. `getUsedRange` gives A1 on an empty sheet, where the null-object variant would fail the batch.
  const columns = features.pageLayout
    ? worksheet.getUsedRange(true).getBoundingRect("A1").getColumnProperties({ columnIndex: true, columnHidden: true })
    : null;
  let merges: Excel.RangeAreas | null = null;
  if (features.mergedAreas) {
    merges = worksheet.getRange().getMergedAreasOrNullObject();
    merges.load("address");
  }
  let formats: Excel.ConditionalFormatCollection | null = null;
  if (options.formats && features.conditionalFormats) {
    formats = worksheet.getRange().conditionalFormats;
    loadRuleFormulas(formats);
  }
  let protection: Excel.WorksheetProtection | null = null;
  if (options.protection) {
    protection = worksheet.protection;
    protection.load("protected");
  }
  return { name, worksheet, used, merges, formats, protection, columns };
}

/** Splits a multi-area address at commas outside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim() !== "") out.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

/** A cell as the core sees it: a number as its number format shows it. */
function cellValue(v: unknown, format: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return displayValue(v, typeof format === "string" ? format : null);
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Values of a used range as their number formats show them, padded so the grid starts at A1. */
export function gridValues(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[] | null,
  rowIndex: number,
  columnIndex: number,
): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  values.forEach((row, r) => {
    const line: CellValue[] = new Array<CellValue>(columnIndex).fill(null);
    const rowFormats = formats?.[r];
    row.forEach((v, c) => line.push(cellValue(v, rowFormats?.[c])));
    out.push(line);
  });
  return out;
}

/** 0-based hidden columns among the first `width`, from the loaded column properties. */
function hiddenColumns(columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]>, width: number): number[] {
  const out: number[] = [];
  columns.value.forEach((column, i) => {
    const c = column.columnIndex ?? i;
    if (column.columnHidden === true && c < width) out.push(c);
  });
  return out;
}

/** Merged areas from a RangeAreas address such as `Sheet1!A4:A12,Sheet1!A104:J104`. */
export function mergesFromAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const area of splitAreas(address)) {
    const r = parseRangeAddress(area);
    if (r && r.rowCount * r.colCount > 1) out.push(r);
  }
  return out;
}

/** Reads the loaded properties (after the sync); `chunked` replaces the used range's cells when they were read in chunks. */
export function finishSheetRead(p: PendingSheet, marker: string, chunked?: ChunkedCells): SheetRead {
  let values: CellValue[][] = [];
  if (!p.used.isNullObject) {
    const cells = chunked ?? p.used;
    values = gridValues(cells.values, cells.numberFormat, p.used.rowIndex, p.used.columnIndex);
    // Without null objects an empty sheet reads as one empty A1.
    if (values.length === 1 && values[0]!.length === 1 && values[0]![0] === null) values = [];
  }
  const merges = p.merges && !p.merges.isNullObject ? mergesFromAddress(p.merges.address) : [];
  const grid: SheetGrid = { name: p.name, values, merges };
  return {
    grid: p.columns ? { ...grid, hiddenColumns: hiddenColumns(p.columns, columnCount(grid)) } : grid,
    ownRules: p.formats ? ownRules(p.formats, marker) : [],
    protected: p.protection ? p.protection.protected : false,
  };
}
