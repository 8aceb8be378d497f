/**
 * Finding the tracking table: which sheet, which header rows, which column
 * holds what, and for which period. Works on the merge-filled view of a
 * sheet, so a header merged over two rows or a group cell over two columns
 * reads as a person reads it.
 *
 * A column qualified by a period (`三季度状态`, or under a group cell `三季度`)
 * belongs to that period; unqualified columns are shared. The period in
 * effect is the option, else the one the title or sheet name states, else
 * the latest period whose status column has entries. Columns of another
 * period are never used, and a hidden column never wins over a visible one.
 */
import { type CellValue, type SheetGrid, type SheetView, type WorkbookGrid, viewOf } from "./grid";
import { AMBIGUOUS_STATUS_HEADERS, headerCore, matchHeader } from "./columns";
import { applyOverrides } from "./mapping";
import { PREVIOUS_PERIOD, findPeriod, parseQuarter, parseYear, type PeriodChoice } from "./period";
import { isBinaryMark, isStatusWord, type StatusWords } from "./status";
import { cellText, headerKey } from "./text";
import { SETTINGS_SHEET } from "./settings-sheet";
import { FIELDS, type ColumnMapping, type Field, type HeaderColumn, type TableLocation } from "./types";

/** How many rows from the top may hold the header. */
const HEADER_SCAN_ROWS = 40;
/** How many data rows are sampled to tell a status column by its content. */
const CONTENT_SAMPLE_ROWS = 300;

const REMARK_ROW = /^(?:备注|注[:：]|说明[:：]|填报说明|填表说明|填报人|填表人|制表人|制表[:：]|审核人|审核[:：]|联系人[:：]|联系电话[:：]|填报日期|报送日期)/;

/** Words that say "this period" without naming it: `本季度进展` is a shared progress column. */
const CURRENT_PERIOD = /^(?:本季度|本期|当前|截至目前|截止目前|目前)/;

/** Which columns to consider: those of one quarter (and the shared ones), or any (while choosing the header). */
type PeriodFilter = number | "any";

interface Band {
  readonly headerRows: number[];
  readonly columns: HeaderColumn[];
  readonly score: number;
}

/** Share of non-empty cells in a column (rows from `start`) for which `test` holds. */
function contentShare(view: SheetView, col: number, start: number, test: (v: CellValue) => boolean): number {
  let filledCells = 0;
  let hits = 0;
  const end = Math.min(view.rowCount, start + CONTENT_SAMPLE_ROWS);
  for (let r = start; r < end; r++) {
    const v = view.get(r, col);
    if (cellText(v) === "") continue;
    filledCells++;
    if (test(v)) hits++;
  }
  return filledCells === 0 ? 0 : hits / filledCells;
}


/**
 * The columns of a header band: per column, the lowest non-empty text as its
 * label, and the period named in the label or in a group cell above it.
 */
function bandColumns(view: SheetView, rows: number[], hidden: ReadonlySet<number>, dataStart: number, words: StatusWords): HeaderColumn[] {
  // Status words, or marks that only say yes/no (reported later as such).
  const statusLike = (v: CellValue) => isStatusWord(v, words) || isBinaryMark(v);
  const out: HeaderColumn[] = [];
  for (let col = 0; col < view.colCount; col++) {
    let label = "";
    let period: number | null = null;
    let labelRow = -1;
    rows.forEach((r, i) => {
      const key = headerKey(view.get(r, col));
      if (key !== "") {
        label = key;
        labelRow = i;
      }
    });
    if (label === "") continue;
    let core = label.replace(CURRENT_PERIOD, "");
    const whole = matchHeader(core);
    // `全年目标` is the annual target, not a period's column.
    if (!whole.some((m) => m.field === "annualTarget")) {
      const own = findPeriod(core);
      if (own) {
        period = own.quarter;
        core = own.rest.replace(/^[的之]/, "");
      } else {
        for (let i = labelRow - 1; i >= 0 && period === null; i--) period = findPeriod(headerKey(view.get(rows[i]!, col)))?.quarter ?? null;
      }
    }
    let fields = matchHeader(core, period !== null);
    if (AMBIGUOUS_STATUS_HEADERS.some((p) => p.test(headerCore(core)))) {
      const threshold = /^备注$/.test(headerCore(core)) ? 0.8 : 0.5;
      const holdsStatuses = contentShare(view, col, dataStart, statusLike) >= threshold;
      fields = fields.filter((m) => (m.field === "status") === holdsStatuses);
    }
    out.push({ col, label, period, hidden: hidden.has(col), fields });
  }
  return out;
}

/** Assigns fields to columns: this period's columns first, then shared ones; visible before hidden. */
function assignFields(columns: readonly HeaderColumn[], view: SheetView, dataStart: number, period: PeriodFilter, words: StatusWords): ColumnMapping {
  const candidates: { field: Field; rank: number; col: number; own: number; hidden: number }[] = [];
  for (const c of columns) {
    if (c.period !== null && period !== "any" && c.period !== period) continue;
    if (c.period === PREVIOUS_PERIOD && period === "any") continue;
    for (const m of c.fields) candidates.push({ ...m, col: c.col, own: c.period === null ? 1 : 0, hidden: c.hidden ? 1 : 0 });
  }
  candidates.sort((a, b) => a.own - b.own || a.hidden - b.hidden || a.rank - b.rank || a.col - b.col);

  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of FIELDS) {
    const pick = candidates.find((c) => c.field === field && !used.has(c.col));
    if (pick) {
      mapping[field] = pick.col;
      used.add(pick.col);
    }
  }
  if (mapping.status === undefined && Object.keys(mapping).length >= 2) {
    // A header row whose status column has a header we do not know: take it by its content.
    for (const c of columns) {
      if (used.has(c.col) || c.hidden || (c.period !== null && period !== "any" && c.period !== period)) continue;
      if (contentShare(view, c.col, dataStart, (v) => isStatusWord(v, words)) >= 0.6) {
        mapping.status = c.col;
        break;
      }
    }
  }
  return mapping;
}

function scoreOf(mapping: ColumnMapping): number {
  const usable = mapping.status !== undefined && (mapping.task !== undefined || mapping.number !== undefined);
  return usable ? Object.keys(mapping).length : 0;
}

/** A row is a header row when it names a field or a period (a group cell such as `三季度`). */
function looksLikeHeaderRow(view: SheetView, r: number): boolean {
  for (let c = 0; c < view.colCount; c++) {
    const key = headerKey(view.get(r, c));
    if (key !== "" && (matchHeader(key).length > 0 || findPeriod(key)?.rest === "")) return true;
  }
  return false;
}

/** The best header band of a sheet; the user's overrides count as found columns, so they can rescue a header we do not know. */
function bestBand(view: SheetView, hidden: ReadonlySet<number>, override: ColumnMapping, words: StatusWords): Band | null {
  let best: Band | null = null;
  const last = Math.min(view.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    for (const rows of [[r], [r, r + 1]]) {
      if (rows[rows.length - 1]! >= view.rowCount) continue;
      // Two rows make a header band only when the upper row is itself a
      // header row (group cells such as 推进情况 or 三季度), not a title above it.
      if (rows.length === 2 && !looksLikeHeaderRow(view, r)) continue;
      const dataStart = rows[rows.length - 1]! + 1;
      const columns = bandColumns(view, rows, hidden, dataStart, words);
      const score = scoreOf(applyOverrides(assignFields(columns, view, dataStart, "any", words), override));
      if (score === 0) continue;
      const end = rows[rows.length - 1]!;
      const bestEnd = best ? best.headerRows[best.headerRows.length - 1]! : -1;
      const better = !best || score > best.score || (score === best.score && end === bestEnd && rows.length > best.headerRows.length);
      if (better) best = { headerRows: rows, columns, score };
    }
  }
  return best;
}

function isRemarkRow(row: readonly CellValue[] | undefined): boolean {
  for (const v of row ?? []) {
    const t = cellText(v);
    if (t !== "") return REMARK_ROW.test(t.replace(/\s+/g, ""));
  }
  return false;
}

function rowIsEmpty(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => cellText(v) === "");
}

function titleOf(sheet: SheetGrid, headerStart: number): string {
  const parts: string[] = [];
  for (let r = 0; r < headerStart; r++) {
    const seen = new Set<string>();
    for (const v of sheet.values[r] ?? []) {
      const t = cellText(v);
      if (t !== "" && !seen.has(t)) {
        seen.add(t);
        parts.push(t);
      }
    }
  }
  return parts.join(" ");
}

/** Whether a column has any entry in the data rows (its own cells, merges not filled). */
function hasEntries(sheet: SheetGrid, col: number, first: number, last: number): boolean {
  for (let r = first; r <= last; r++) if (cellText(sheet.values[r]?.[col] ?? null) !== "") return true;
  return false;
}

/** The quarters that have a status column of their own, ascending. */
function statusPeriods(columns: readonly HeaderColumn[]): number[] {
  const periods = columns.filter((c) => c.period !== null && c.period !== PREVIOUS_PERIOD && c.fields.some((m) => m.field === "status")).map((c) => c.period!);
  return [...new Set(periods)].sort((a, b) => a - b);
}

/** The period in effect for a table: option, title or sheet name, latest status column with entries, the columns' own period. */
function choosePeriod(
  sheet: SheetGrid,
  title: string,
  columns: readonly HeaderColumn[],
  rows: { first: number; last: number },
  option: { year?: number | null; quarter?: number | null },
): PeriodChoice {
  const year = option.year ?? parseYear(title) ?? parseYear(sheet.name);
  if (option.quarter) return { year, quarter: option.quarter, source: "option" };
  const stated = parseQuarter(title) ?? parseQuarter(sheet.name);
  if (stated !== null) return { year, quarter: stated, source: "title" };
  const periods = statusPeriods(columns);
  if (periods.length > 0) {
    const filled = periods.filter((p) =>
      columns.some((c) => c.period === p && c.fields.some((m) => m.field === "status") && hasEntries(sheet, c.col, rows.first, rows.last)),
    );
    return { year, quarter: filled.length > 0 ? filled[filled.length - 1]! : periods[0]!, source: "latest" };
  }
  const named = [...new Set(columns.map((c) => c.period).filter((p): p is number => p !== null && p !== PREVIOUS_PERIOD))];
  if (named.length === 1) return { year, quarter: named[0]!, source: "columns" };
  return { year, quarter: null, source: "none" };
}

export interface FindOptions {
  readonly mapping?: ColumnMapping;
  /** The office's own status words (settings sheet). */
  readonly statusWords?: StatusWords;
  readonly year?: number | null;
  readonly quarter?: number | null;
}

/** Locates the tracking table in one sheet, or null when the sheet has none. */
export function findTableInSheet(sheet: SheetGrid, options: FindOptions = {}): TableLocation | null {
  const view = viewOf(sheet);
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const words = options.statusWords ?? new Map();
  const band = bestBand(view, hidden, options.mapping ?? {}, words);
  if (!band) return null;

  const headerEnd = band.headerRows[band.headerRows.length - 1]!;
  let lastDataRow = headerEnd;
  for (let r = headerEnd + 1; r < sheet.values.length; r++) {
    if (isRemarkRow(sheet.values[r])) break;
    if (!rowIsEmpty(sheet.values[r])) lastDataRow = r;
  }

  const title = titleOf(sheet, band.headerRows[0]!);
  const period = choosePeriod(sheet, title, band.columns, { first: headerEnd + 1, last: lastDataRow }, options);
  const mapping = applyOverrides(assignFields(band.columns, view, headerEnd + 1, period.quarter ?? "any", words), options.mapping);

  const cols = [...(Object.values(mapping) as number[]), ...band.columns.map((c) => c.col)];
  const headerLabels: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(mapping) as [Field, number][]) {
    headerLabels[field] = band.columns.find((c) => c.col === col)?.label ?? "";
  }

  return {
    sheet: sheet.name,
    headerRows: band.headerRows,
    firstDataRow: headerEnd + 1,
    lastDataRow,
    firstCol: Math.min(...cols),
    lastCol: Math.max(...cols),
    mapping,
    headerLabels,
    columns: band.columns,
    statusPeriods: statusPeriods(band.columns),
    period,
    title,
  };
}

/** How many of a table's first rows hold a known status word: what makes it the tracking table. */
export function statusRows(sheet: SheetGrid, t: TableLocation, words?: StatusWords): number {
  const col = t.mapping.status;
  if (col === undefined) return 0;
  let n = 0;
  const end = Math.min(t.lastDataRow, t.firstDataRow + CONTENT_SAMPLE_ROWS);
  for (let r = t.firstDataRow; r <= end; r++) if (isStatusWord(sheet.values[r]?.[col] ?? null, words)) n++;
  return n;
}

/**
 * The year that tables without one are taken to be of while choosing among
 * them: the year the others state most (the latest of equals), 0 when none
 * states a year (then quarters alone decide).
 */
function mostStatedYear(years: readonly (number | null)[]): number {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best = 0;
  for (const [y, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/**
 * The tracking table of a workbook. With the quarter given, only tables that
 * can speak for that quarter compete. Otherwise, where sheets state different
 * periods (`二季度调度表`, `三季度调度表`; `2023年四季度`, `2024年一季度`),
 * the latest (year, quarter) whose sheet has statuses wins, a sheet stating
 * no year being of the year the others state most; among the rest, the sheet with the most rows of status
 * words (a summary sheet with a 状态 column but few rows loses), then the one
 * that maps the most columns, then the first.
 */
export function findTable(workbook: WorkbookGrid, options: FindOptions = {}): TableLocation | null {
  const found: { table: TableLocation; rows: number; columns: number }[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === SETTINGS_SHEET) continue;
    const table = findTableInSheet(sheet, options);
    if (!table) continue;
    found.push({ table, rows: statusRows(sheet, table, options.statusWords), columns: Object.keys(table.mapping).length });
  }
  if (found.length === 0) return null;
  let pool = found;
  if (options.quarter) {
    const fits = found.filter((f) => periodConflict(f.table) === null && f.table.mapping.status !== undefined);
    if (fits.length > 0) pool = fits;
  } else {
    const most = Math.max(...found.map((f) => f.rows));
    const dated = found.filter((f) => f.table.period.quarter !== null && f.rows > 0 && f.rows * 2 >= most);
    const assumedYear = mostStatedYear(dated.map((f) => f.table.period.year));
    const order = (f: (typeof dated)[number]) => (f.table.period.year ?? assumedYear) * 4 + f.table.period.quarter!;
    const periods = new Set(dated.map(order));
    if (periods.size > 1) {
      const latest = Math.max(...periods);
      pool = dated.filter((f) => order(f) === latest);
    }
  }
  let best = pool[0]!;
  for (const f of pool) if (f.rows > best.rows || (f.rows === best.rows && f.columns > best.columns)) best = f;
  return best.table;
}

/**
 * The quarter a table's title or sheet name states when it differs from the
 * quarter in effect and the status column used is not that quarter's own:
 * using it would report one quarter's statuses under another's name.
 */
export function periodConflict(table: TableLocation): number | null {
  if (table.period.source !== "option") return null;
  const stated = parseQuarter(table.title) ?? parseQuarter(table.sheet);
  if (stated === null || stated === table.period.quarter) return null;
  const statusColumn = table.columns.find((c) => c.col === table.mapping.status);
  return statusColumn?.period === table.period.quarter ? null : stated;
}
