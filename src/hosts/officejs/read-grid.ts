/**
 * Reading the open workbook into the core's grid, sized to Excel's limits
 * before anything large is read. One path, three steps:
 *
 * 1. probe, the first sync: the sheet names; the 通报设置 sheet's used range
 *    (values and number formats); the old hidden workbook setting; and, for
 *    every sheet (walked with getFirst / getNextOrNullObject, so no name is
 *    needed in advance), its used range's position and size and its top
 *    HEAD_ROWS rows — which hold the notice marker cell and show how many
 *    bytes a row of this sheet takes.
 * 2. plan: which sheets are read whole (the caller decides, from the probe),
 *    and row windows sized so that each sync's response stays under
 *    READ_BUDGET (Excel on the web refuses responses over 5 MB). A read that
 *    the sizes say cannot fit is never sent.
 * 3. read: the windows packed into as few syncs as fit; the first also
 *    carries the sheets' merged areas, hidden columns and, for writing, this
 *    tool's rules and the protection.
 *
 * The head and the windows are the same read (queueWindow) of other rows. A
 * window that is still refused (a sheet denser further down than at its
 * top) is split and read again.
 */
import { SETTINGS_SHEET, columnCount, displayValue, parseRangeAddress, rangeAddress, type CellRange, type CellValue, type SheetGrid } from "../../core";
import { officeErrorCode } from "./errors";
import type { ExcelFeatures } from "./features";

/** Excel on the web refuses a response over 5 MB. */
const RESPONSE_LIMIT = 5 * 1024 * 1024;
/** What the windows of one sync may take, by the estimate: a margin under the limit. */
const READ_BUDGET = Math.floor(RESPONSE_LIMIT * 0.95);
/** A head is a small sample: its rows' mean is taken this much larger for the first window. */
const HEAD_CUSHION = 1.15;
/** Once rows have been read, their own mean is taken this much larger for the next windows. */
const MEASURED_CUSHION = 1.02;
/** Sheets the probe walks; a workbook with more has the rest probed when they are needed. */
const PROBE_SHEETS = 32;
/** Rows at the top of each sheet the probe reads. */
const HEAD_ROWS = 24;
/** Bytes per cell assumed when a sheet's head shows none (values and number formats). */
const DEFAULT_CELL_BYTES = 64;
/** Response bytes reserved in the first read sync for a sheet's merged areas, hidden columns, rules and protection. */
const EXTRAS_BYTES = 64 * 1024;

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value) ?? "").length;

const PAYLOAD_ERRORS: ReadonlySet<string> = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

function isPayloadError(e: unknown): boolean {
  return PAYLOAD_ERRORS.has(officeErrorCode(e) ?? "");
}

/** Values and number formats of some rows of a used range. */
interface Cells {
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

/** A sheet's used range: 0-based position and size. */
interface UsedArea {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** What the probe learnt of one sheet. */
export interface SheetSize {
  readonly name: string;
  /** Null for an empty sheet. */
  readonly used: UsedArea | null;
  /** Sheet rows from the used range's first to HEAD_ROWS (null when the used range starts below them, or the head was not read). */
  readonly head: Cells | null;
}

/** What the first sync learnt. */
export interface Probe {
  readonly names: readonly string[];
  readonly sizes: ReadonlyMap<string, SheetSize>;
  /** The 通报设置 sheet, whole; null when there is none. */
  readonly settingsSheet: SheetGrid | null;
  /** The old hidden workbook setting's raw value; null when there is none. */
  readonly legacy: unknown;
}

/** Queues a read of a range's values and number formats: the head of a sheet, or a window of its rows. */
function queueWindow(range: Excel.Range): Excel.Range {
  range.load("values, numberFormat");
  return range;
}

interface PendingSize {
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly head: Excel.Range | null;
}

function queueSize(worksheet: Excel.Worksheet, withHead: boolean): PendingSize {
  worksheet.load("name");
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  return { worksheet, used, head: withHead ? queueWindow(used.getIntersectionOrNullObject(`1:${HEAD_ROWS}`)) : null };
}

function finishSize(p: PendingSize): SheetSize {
  const name = p.worksheet.name;
  if (p.used.isNullObject) return { name, used: null, head: null };
  const used = { rowIndex: p.used.rowIndex, columnIndex: p.used.columnIndex, rowCount: p.used.rowCount, columnCount: p.used.columnCount };
  const head = p.head && !p.head.isNullObject ? { values: p.head.values, numberFormat: p.head.numberFormat } : null;
  return { name, used, head };
}

/** A cell as the core sees it: a number as its number format shows it. */
function cellValue(v: unknown, format: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return displayValue(v, typeof format === "string" ? format : null);
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Values of a used range as their number formats show them, padded so the grid starts at A1. */
export function gridValues(cells: Cells, rowIndex: number, columnIndex: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  cells.values.forEach((row, r) => {
    const line: CellValue[] = new Array<CellValue>(columnIndex).fill(null);
    const rowFormats = cells.numberFormat[r];
    row.forEach((v, c) => line.push(cellValue(v, rowFormats?.[c])));
    out.push(line);
  });
  return out;
}

/**
 * The first sync: names, the settings sheet, the old setting and every
 * sheet's size and head. When even that response is refused (a workbook of
 * very many wide sheets), it is sent again without the heads.
 */
export async function probeWorkbook(context: Excel.RequestContext, legacyKey: string): Promise<Probe> {
  for (const withHeads of [true, false]) {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const settingsUsed = worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    settingsUsed.load("values, numberFormat, rowIndex, columnIndex");
    const legacy = context.workbook.settings.getItemOrNullObject(legacyKey);
    legacy.load("value");
    const chain: PendingSize[] = [];
    let sheet = worksheets.getFirst();
    for (let i = 0; i < PROBE_SHEETS; i++) {
      if (i > 0) sheet = sheet.getNextOrNullObject();
      chain.push(queueSize(sheet, withHeads));
    }
    try {
      // At most twice: once more, smaller, only when the first response was refused.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (withHeads && isPayloadError(e)) continue;
      throw e;
    }
    const sizes = new Map<string, SheetSize>();
    for (const link of chain) {
      if (link.worksheet.isNullObject) break;
      const size = finishSize(link);
      sizes.set(size.name, size);
    }
    const settingsSheet = settingsUsed.isNullObject
      ? null
      : { name: SETTINGS_SHEET, values: gridValues(settingsUsed, settingsUsed.rowIndex, settingsUsed.columnIndex), merges: [] };
    return { names: worksheets.items.map((w) => w.name), sizes, settingsSheet, legacy: legacy.isNullObject ? null : legacy.value };
  }
  throw new Error("unreachable");
}

/** Sizes (without heads) of sheets the probe's walk did not reach (1 sync; none when there are none). */
export async function probeMore(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, SheetSize>> {
  const out = new Map<string, SheetSize>();
  if (names.length === 0) return out;
  const pending = names.map((n) => queueSize(context.workbook.worksheets.getItem(n), false));
  await context.sync();
  for (const p of pending) {
    const size = finishSize(p);
    out.set(size.name, size);
  }
  return out;
}

/** The value of a cell in a sheet's head (a tool sheet's marker); undefined when the head does not hold it. */
export function headCell(size: SheetSize | undefined, row: number, col: number): unknown {
  if (!size?.used || !size.head) return undefined;
  return size.head.values[row - size.used.rowIndex]?.[col - size.used.columnIndex];
}

/** Whether any cell of a sheet's head holds one of `texts` (a tool sheet's marker, wherever the plan puts it). */
export function headHolds(size: SheetSize | undefined, texts: ReadonlySet<string>): boolean {
  return size?.head?.values.some((row) => row.some((v) => typeof v === "string" && texts.has(v))) ?? false;
}

/** The texts of a sheet's first `rows` head rows (its title, if any). */
export function headTexts(size: SheetSize | undefined, rows: number): string[] {
  return (size?.head?.values.slice(0, rows) ?? []).flatMap((row) => row.filter((v): v is string => typeof v === "string" && v !== ""));
}

/**
 * Bytes a row of the sheet takes in a response, by its head: the mean of the
 * rows that hold something in most columns, with a cushion (a few rows say
 * only roughly what thousands will take).
 */
function rowBytes(size: SheetSize): number {
  const width = size.used?.columnCount ?? 0;
  const head = size.head;
  if (!head || head.values.length === 0) return width * DEFAULT_CELL_BYTES;
  const rows = head.values.map((row, r) => ({
    filled: row.filter((v) => v !== "" && v !== null).length,
    bytes: jsonBytes(row) + jsonBytes(head.numberFormat[r] ?? []) + 2,
  }));
  // Title rows (one merged cell) say little of the data rows below; rows filled in most columns say more.
  const full = rows.filter((r) => r.filled * 2 >= width);
  const sample = full.length > 0 ? full : rows;
  return Math.max(1, Math.ceil((sample.reduce((n, r) => n + r.bytes, 0) / sample.length) * HEAD_CUSHION));
}

/** Rows of one sheet still to read: sheet rows [start, end), and the estimated bytes of one. */
interface Remaining {
  readonly sheet: string;
  start: number;
  readonly end: number;
  /** Estimated bytes of a row: from the head, then from the rows read so far. */
  perRow: number;
  /** Rows read in windows so far, and their bytes. */
  readRows: number;
  readBytes: number;
}

/** A sheet's rows below its head, still to read. */
function remainingRows(size: SheetSize): Remaining | null {
  const used = size.used;
  if (!used) return null;
  const end = used.rowIndex + used.rowCount;
  const start = size.head ? Math.max(used.rowIndex, HEAD_ROWS) : used.rowIndex;
  return start < end ? { sheet: size.name, start, end, perRow: rowBytes(size), readRows: 0, readBytes: 0 } : null;
}

/** Rows of one sheet to read in one sync. */
interface Window {
  readonly sheet: string;
  /** 0-based sheet row of the first row, and how many. */
  readonly row: number;
  readonly rowCount: number;
}

/**
 * The windows of the next sync: rows taken in order until `room` estimated
 * bytes are used (at least one row when `mustProgress`, so a very dense row
 * still gets read on its own).
 */
function nextWindows(remaining: readonly Remaining[], room: number, mustProgress: boolean): Window[] {
  const out: Window[] = [];
  for (const r of remaining) {
    if (r.start >= r.end) continue;
    let n = Math.min(r.end - r.start, Math.floor(room / r.perRow));
    if (n < 1) {
      if (out.length > 0 || !mustProgress) break;
      n = 1;
    }
    out.push({ sheet: r.sheet, row: r.start, rowCount: n });
    room -= n * r.perRow;
    if (r.start + n < r.end) break;
  }
  return out;
}

/** What is read of a sheet besides its cells. */
interface PendingExtras {
  readonly worksheet: Excel.Worksheet;
  readonly merges: Excel.RangeAreas | null;
  readonly columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null;
  readonly formats: Excel.ConditionalFormatCollection | null;
  readonly protection: Excel.WorksheetProtection | null;
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

function queueExtras(worksheet: Excel.Worksheet, features: ExcelFeatures, forWriting: boolean): PendingExtras {
  let merges: Excel.RangeAreas | null = null;
  if (features.mergedAreas) {
    merges = worksheet.getRange().getMergedAreasOrNullObject();
    merges.load("address");
  }
  // Hidden columns: one result for all columns from A to the last used one. `getUsedRange` gives A1 on an
  // empty sheet, where the null-object variant would fail the batch.
  const columns = features.pageLayout ? worksheet.getUsedRange(true).getBoundingRect("A1").getColumnProperties({ columnIndex: true, columnHidden: true }) : null;
  let formats: Excel.ConditionalFormatCollection | null = null;
  let protection: Excel.WorksheetProtection | null = null;
  if (forWriting) {
    formats = worksheet.getRange().conditionalFormats;
    loadRuleFormulas(formats);
    protection = worksheet.protection;
    protection.load("protected");
  }
  return { worksheet, merges, columns, formats, protection };
}

/** Splits a multi-area address at commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
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

/** Merged areas from a RangeAreas address such as `Sheet1!A4:A12,Sheet1!A104:J104`. */
function mergesFromAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const area of splitAreas(address)) {
    const r = parseRangeAddress(area);
    if (r && r.rowCount * r.colCount > 1) out.push(r);
  }
  return out;
}

/** A sheet read whole. */
export interface SheetRead {
  readonly grid: SheetGrid;
  readonly worksheet: Excel.Worksheet;
  /** This tool's conditional formats on the sheet (empty when not read for writing). */
  readonly ownRules: readonly Excel.ConditionalFormat[];
  readonly protected: boolean;
}

function finishSheet(size: SheetSize, rows: Cells | null, extras: PendingExtras, marker: string): SheetRead {
  const values = size.used && rows ? gridValues(rows, size.used.rowIndex, size.used.columnIndex) : [];
  const merges = extras.merges && !extras.merges.isNullObject ? mergesFromAddress(extras.merges.address) : [];
  let grid: SheetGrid = { name: size.name, values, merges };
  if (extras.columns) {
    const width = columnCount(grid);
    const hidden: number[] = [];
    extras.columns.value.forEach((column, i) => {
      const c = column.columnIndex ?? i;
      if (column.columnHidden === true && c < width) hidden.push(c);
    });
    grid = { ...grid, hiddenColumns: hidden };
  }
  return {
    grid,
    worksheet: extras.worksheet,
    ownRules: extras.formats ? ownRules(extras.formats, marker) : [],
    protected: extras.protection ? extras.protection.protected : false,
  };
}

/**
 * Reads the named sheets whole, by the probe's sizes: the first sync takes
 * the extras and the rows that fit with them, later syncs the rest. Without
 * rows below the heads it is one sync.
 */
export async function readSheets(
  context: Excel.RequestContext,
  sizes: readonly SheetSize[],
  features: ExcelFeatures,
  forWriting: boolean,
  marker: string,
): Promise<Map<string, SheetRead>> {
  if (sizes.length === 0) return new Map();
  const worksheets = context.workbook.worksheets;
  const rows = new Map<string, { values: (readonly unknown[])[]; numberFormat: (readonly unknown[])[] }>();
  for (const size of sizes) rows.set(size.name, { values: [...(size.head?.values ?? [])], numberFormat: [...(size.head?.numberFormat ?? [])] });
  const remaining = sizes.map(remainingRows).filter((r): r is Remaining => r !== null);
  const sizeOf = new Map(sizes.map((s) => [s.name, s]));
  let budget = READ_BUDGET;
  let extras: PendingExtras[] | null = null;
  while (extras === null || remaining.some((r) => r.start < r.end)) {
    const first: boolean = extras === null;
    const queuedExtras: PendingExtras[] | null = first ? sizes.map((s) => queueExtras(worksheets.getItem(s.name), features, forWriting)) : null;
    const windows = nextWindows(remaining, budget - (first ? EXTRAS_BYTES * sizes.length : 0), !first);
    const loads = windows.map((w) => {
      const used = sizeOf.get(w.sheet)!.used!;
      const area = { row: w.row, col: used.columnIndex, rowCount: w.rowCount, colCount: used.columnCount };
      return { w, range: queueWindow(worksheets.getItem(w.sheet).getRange(rangeAddress(area))) };
    });
    try {
      // One round trip per group of windows is the point here: each response must stay under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const single = windows.length === 1 && windows[0]!.rowCount === 1;
      if (!isPayloadError(e) || single || budget < 1024) throw e;
      // Denser below than at the top: the same rows again, in smaller windows.
      budget = Math.floor(budget / 2);
      continue;
    }
    if (queuedExtras) extras = queuedExtras;
    for (const { w, range } of loads) {
      const r = rows.get(w.sheet)!;
      r.values.push(...range.values);
      r.numberFormat.push(...range.numberFormat);
      const left = remaining.find((x) => x.sheet === w.sheet)!;
      left.start += w.rowCount;
      if (left.start < left.end) {
        // What these rows really took says more than the head did: plan the next windows by it.
        left.readRows += w.rowCount;
        left.readBytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
        left.perRow = Math.max(1, Math.ceil((left.readBytes / left.readRows) * MEASURED_CUSHION));
      }
    }
  }
  const out = new Map<string, SheetRead>();
  sizes.forEach((size, i) => out.set(size.name, finishSheet(size, rows.get(size.name)!, extras![i]!, marker)));
  return out;
}
