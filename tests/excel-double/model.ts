/**
 * The state behind the Excel test double: a plain, JSON-able workbook model.
 *
 * Everything here is data and small pure helpers, free of Node imports, so
 * the double runs in a browser too. Addresses are A1 strings without a sheet
 * name; cells are keyed by their A1 address ("F35").
 */
import { columnLetter as columnLetters, columnIndex as columnNumber } from "../../src/core/grid";

export interface FontModel {
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  /** `#RRGGBB`. */
  color?: string;
}

export type HorizontalModel = "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
export type VerticalModel = "Top" | "Center" | "Bottom" | "Justify" | "Distributed";

export interface CellModel {
  /** Absent when the cell is empty. A formula cell holds its result here. */
  value?: string | number | boolean;
  /** `=…` when the cell holds a formula. */
  formula?: string;
  /** Absent means `General`. */
  numberFormat?: string;
  font?: FontModel;
  /** `#RRGGBB` solid fill. */
  fill?: string;
  horizontal?: HorizontalModel;
  vertical?: VerticalModel;
  wrap?: boolean;
  indent?: number;
  /** Lines on the cell's edges: `thin` (Excel's thin continuous line, black) or `thin #RRGGBB`; absent edges have none. */
  border?: { top?: string; bottom?: string; left?: string; right?: string };
}

export type ConditionalFormatTypeModel =
  | "Custom"
  | "DataBar"
  | "ColorScale"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria"
  | "ContainsText"
  | "CellValue";

export interface ConditionalFormatModel {
  id: string;
  type: ConditionalFormatTypeModel;
  /** A1 areas the rule applies to. */
  ranges: string[];
  /** Custom rules: the formula, with its leading `=`. */
  formula?: string;
  /** `#RRGGBB` fill of the format. */
  fill?: string;
  /** `#RRGGBB` font colour of the format. */
  fontColor?: string;
  /** Anything a loader wants to keep for a round trip (e.g. the original rule of a non-custom format). */
  source?: unknown;
}

export interface PageLayoutModel {
  paperSize?: string;
  orientation?: "Portrait" | "Landscape";
  /** Margins in points. */
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** The first printed page's number; "" (or absent) for automatic. */
  firstPageNumber?: number | "";
  /** A1 address of the print area, or absent. */
  printArea?: string;
  /** Header/footer codes of the centre footer (default for all pages). */
  centerFooter?: string;
  /** Which pages have footers of their own (Excel.HeaderFooterState); absent means "Default". */
  headerFooterState?: "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
  /** The other footers, by the pages they are for and their section (codes as in `centerFooter`). */
  footers?: { [P in "default" | "first" | "odd" | "even"]?: { left?: string; center?: string; right?: string } };
}

/** One series of a chart: its name, fill and data, as sheet-qualified A1 addresses (`qualify`), null when not from cells. */
export interface ChartSeriesModel {
  name: string;
  values: string | null;
  categories: string | null;
  /** `#RRGGBB` solid fill of the series. */
  fill?: string;
}

export interface ChartAxisModel {
  minimum?: number;
  maximum?: number;
  numberFormat?: string;
  reversePlotOrder?: boolean;
  /** Where the other axis crosses this one (Excel.ChartAxisPosition). */
  position?: "Automatic" | "Maximum" | "Minimum" | "Custom";
  tickLabelSpacing?: number;
}

/** A chart on a sheet (the part of Excel's chart model the add-in writes). */
export interface ChartModel {
  id: string;
  name: string;
  /** Excel.ChartType, e.g. `BarClustered`. */
  type: string;
  title?: string;
  series: ChartSeriesModel[];
  /** The cells the chart covers: the top-left and bottom-right one (A1). */
  position?: { start: string; end: string };
  categoryAxis: ChartAxisModel;
  valueAxis: ChartAxisModel;
  legendVisible: boolean;
}

export interface SheetModel {
  name: string;
  id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** A1 address → cell. */
  cells: Record<string, CellModel>;
  /** Merged areas, A1 (`A4:A12`). */
  merges: string[];
  /** 1-based row number → height in points (only rows whose height was set). */
  rowHeights: Record<string, number>;
  /** Column letters → width in points (only columns whose width was set). */
  columnWidths: Record<string, number>;
  /** Column letters of hidden columns. */
  hiddenColumns: string[];
  conditionalFormats: ConditionalFormatModel[];
  pageLayout: PageLayoutModel;
  showGridlines: boolean;
  /** Sheet protection: every write to the sheet fails with AccessDenied. */
  protected: boolean;
  /** Charts on the sheet; absent: none. */
  charts?: ChartModel[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Workbook settings (`workbook.settings`), key → JSON value. */
  settings: Record<string, unknown>;
  activeSheet: string | null;
  /** Sheet-qualified address of the selection, e.g. `三季度调度表!F35`. */
  selection: string | null;
  /** Workbook structure protection: adding or deleting sheets fails with AccessDenied. */
  structureProtected?: boolean;
  /** Counter for new sheet and conditional format ids. */
  nextId: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** Column letters ↔ 0-based index: the core's pure helpers (A1 arithmetic is not what the double is testing). */
export { columnLetter as columnLetters, columnIndex as columnNumber } from "../../src/core/grid";

export function cellKey(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `F35` → {row 34, col 5}. */
export function parseCellKey(key: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(key);
  if (!m) throw new Error(`bad cell key ${key}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]!) };
}

/** Splits `'My Sheet'!A1:B2` into sheet name (or null) and the bare address. */
export function splitSheet(address: string): { sheet: string | null; bare: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, bare: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, bare: address.slice(bang + 1).trim() };
}

/**
 * Parses one area: `F35`, `A1:B3`, `A:B` (whole columns), `3:5` (whole rows),
 * with optional `$`. Returns null when it is not an address.
 */
export function parseArea(address: string): Rect | null {
  const bare = splitSheet(address).bare.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(bare);
  if (m) {
    const c1 = columnNumber(m[1]!);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(bare);
  if (m) {
    const c1 = columnNumber(m[1]!);
    const c2 = columnNumber(m[2]!);
    return { row: 0, col: Math.min(c1, c2), rowCount: MAX_ROWS, colCount: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    if (r1 < 0 || r2 < 0) return null;
    return { row: Math.min(r1, r2), col: 0, rowCount: Math.abs(r2 - r1) + 1, colCount: MAX_COLS };
  }
  return null;
}

/** A1 address of a rectangle as Excel writes it (`A:A` for whole columns, `3:5` for whole rows). */
export function rectAddress(r: Rect): string {
  if (r.row === 0 && r.rowCount === MAX_ROWS) return `${columnLetters(r.col)}:${columnLetters(r.col + r.colCount - 1)}`;
  if (r.col === 0 && r.colCount === MAX_COLS) return `${r.row + 1}:${r.row + r.rowCount}`;
  const first = cellKey(r.row, r.col);
  if (r.rowCount === 1 && r.colCount === 1) return first;
  return `${first}:${cellKey(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;
}

/** Sheet-qualified address, quoting the name as Excel does when needed. */
export function qualify(sheet: string, address: string): string {
  const plain = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rowCount && col >= outer.col && col < outer.col + outer.colCount;
}

export function emptySheet(name: string, id: string): SheetModel {
  return {
    name,
    id,
    visibility: "Visible",
    cells: {},
    merges: [],
    rowHeights: {},
    columnWidths: {},
    hiddenColumns: [],
    conditionalFormats: [],
    pageLayout: {},
    showGridlines: true,
    protected: false,
  };
}

export function emptyWorkbook(): WorkbookModel {
  return { sheets: [], settings: {}, activeSheet: null, selection: null, nextId: 1 };
}

/** A deep copy (the model is plain JSON). */
export function cloneModel<T>(model: T): T {
  return JSON.parse(JSON.stringify(model)) as T;
}

/** The displayed text of a cell as the tests compare it: value as text, empty for none. */
export function cellText(cell: CellModel | undefined): string {
  if (!cell || cell.value === undefined) return "";
  return String(cell.value);
}
