/**
 * Reading the workbook into the core's grid with whole-range reads: per
 * sheet, the used range's values and the merged areas, and, when asked, the
 * sheet's conditional formats (to find this tool's rules) and its protection.
 * Everything for all sheets is queued before one sync.
 */
import { parseRangeAddress, type CellRange, type CellValue, type SheetGrid } from "../../core";
import type { ExcelFeatures } from "./features";

/** Loads queued for one sheet, read after the sync. */
export interface PendingSheet {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merges: Excel.RangeAreas | null;
  readonly formats: Excel.ConditionalFormatCollection | null;
  readonly protection: Excel.WorksheetProtection | null;
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
  used.load(options.values === false ? "rowIndex, columnIndex, rowCount, columnCount" : "values, rowIndex, columnIndex");
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
  return { name, worksheet, used, merges, formats, protection };
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

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Values of a used range, padded so the grid starts at A1. */
export function gridValues(values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  for (const row of values) {
    const line: CellValue[] = new Array<CellValue>(columnIndex).fill(null);
    for (const v of row) line.push(cellValue(v));
    out.push(line);
  }
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

/** Reads the loaded properties (after the sync); `chunkedValues` replaces the used range's values when it was read in chunks. */
export function finishSheetRead(p: PendingSheet, marker: string, chunkedValues?: readonly (readonly unknown[])[]): SheetRead {
  let values: CellValue[][] = [];
  if (!p.used.isNullObject) {
    values = gridValues(chunkedValues ?? p.used.values, p.used.rowIndex, p.used.columnIndex);
    // Without null objects an empty sheet reads as one empty A1.
    if (values.length === 1 && values[0]!.length === 1 && values[0]![0] === null) values = [];
  }
  const merges = p.merges && !p.merges.isNullObject ? mergesFromAddress(p.merges.address) : [];
  return {
    grid: { name: p.name, values, merges },
    ownRules: p.formats ? ownRules(p.formats, marker) : [],
    protected: p.protection ? p.protection.protected : false,
  };
}
