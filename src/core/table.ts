/**
 * Finding the tracking table: which sheet, which header rows, which column
 * holds what. Works on the merge-filled view of a sheet, so a header merged
 * over two rows or a group cell over two columns reads as a person reads it.
 */
import { type CellValue, type SheetGrid, type SheetView, type WorkbookGrid, viewOf } from "./grid";
import { AMBIGUOUS_STATUS_HEADERS, headerCore, matchHeader } from "./columns";
import { applyOverrides } from "./mapping";
import { isStatusWord } from "./status";
import { cellText, headerKey } from "./text";
import { FIELDS, type ColumnMapping, type Field, type TableLocation } from "./types";

/** How many rows from the top may hold the header. */
const HEADER_SCAN_ROWS = 40;
/** How many data rows are sampled to tell a status column by its content. */
const CONTENT_SAMPLE_ROWS = 300;

const REMARK_ROW = /^(?:备注|注[:：]|说明[:：]|填报说明|填表说明|填报人|填表人|制表人|制表[:：]|审核人|审核[:：]|联系人[:：]|联系电话[:：]|填报日期|报送日期)/;

interface Candidate {
  readonly headerRows: number[];
  readonly labels: string[];
  readonly mapping: ColumnMapping;
  readonly score: number;
}

/** Share of non-empty cells in a column (rows from `start`) that are status words. */
function statusShare(view: SheetView, col: number, start: number): number {
  let filledCells = 0;
  let words = 0;
  const end = Math.min(view.rowCount, start + CONTENT_SAMPLE_ROWS);
  for (let r = start; r < end; r++) {
    const v = view.get(r, col);
    if (cellText(v) === "") continue;
    filledCells++;
    if (isStatusWord(v)) words++;
  }
  return filledCells === 0 ? 0 : words / filledCells;
}

/** Column labels of a header band: per column, the lowest non-empty text. */
function bandLabels(view: SheetView, rows: number[]): string[] {
  const labels: string[] = [];
  for (let c = 0; c < view.colCount; c++) {
    let label = "";
    for (const r of rows) {
      const key = headerKey(view.get(r, c));
      if (key !== "") label = key;
    }
    labels.push(label);
  }
  return labels;
}

/** Assigns fields to columns from their labels, using content where a label is ambiguous. */
function assignFields(labels: string[], view: SheetView, dataStart: number): ColumnMapping {
  const candidates: { field: Field; rank: number; col: number }[] = [];
  labels.forEach((label, col) => {
    let matches = matchHeader(label);
    if (AMBIGUOUS_STATUS_HEADERS.some((p) => p.test(headerCore(label)))) {
      const holdsStatuses = statusShare(view, col, dataStart) >= 0.5;
      matches = matches.filter((m) => (m.field === "status") === holdsStatuses);
    }
    for (const m of matches) candidates.push({ ...m, col });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.col - b.col);

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
    for (let col = 0; col < labels.length; col++) {
      if (!used.has(col) && statusShare(view, col, dataStart) >= 0.6) {
        mapping.status = col;
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

/** The best header band of a sheet; the user's overrides count as found columns, so they can rescue a header we do not know. */
function bestCandidate(view: SheetView, override: ColumnMapping): Candidate | null {
  let best: Candidate | null = null;
  const last = Math.min(view.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    for (const rows of [[r], [r, r + 1]]) {
      if (rows[rows.length - 1]! >= view.rowCount) continue;
      // Two rows make a header band only when the upper row is itself a
      // header row (group cells such as 推进情况), not a title above it.
      if (rows.length === 2 && !bandLabels(view, [r]).some((l) => matchHeader(l).length > 0)) continue;
      const labels = bandLabels(view, rows);
      const mapping = applyOverrides(assignFields(labels, view, rows[rows.length - 1]! + 1), override);
      const score = scoreOf(mapping);
      if (score === 0) continue;
      const end = rows[rows.length - 1]!;
      const bestEnd = best ? best.headerRows[best.headerRows.length - 1]! : -1;
      const better =
        !best || score > best.score || (score === best.score && end === bestEnd && rows.length > best.headerRows.length);
      if (better) best = { headerRows: rows, labels, mapping, score };
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

/** Locates the tracking table in one sheet, or null when the sheet has none. */
export function findTableInSheet(sheet: SheetGrid, override: ColumnMapping = {}): TableLocation | null {
  const found = bestCandidate(viewOf(sheet), override);
  if (!found) return null;

  const mapping = found.mapping;

  const headerEnd = found.headerRows[found.headerRows.length - 1]!;
  let lastDataRow = headerEnd;
  for (let r = headerEnd + 1; r < sheet.values.length; r++) {
    if (isRemarkRow(sheet.values[r])) break;
    if (!rowIsEmpty(sheet.values[r])) lastDataRow = r;
  }

  const cols = Object.values(mapping) as number[];
  let firstCol = Math.min(...cols);
  let lastCol = Math.max(...cols);
  found.labels.forEach((label, c) => {
    if (label === "") return;
    firstCol = Math.min(firstCol, c);
    lastCol = Math.max(lastCol, c);
  });

  const headerLabels: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(mapping) as [Field, number][]) {
    headerLabels[field] = found.labels[col] ?? "";
  }

  const titleParts: string[] = [];
  for (let r = 0; r < found.headerRows[0]!; r++) {
    const seen = new Set<string>();
    for (const v of sheet.values[r] ?? []) {
      const t = cellText(v);
      if (t !== "" && !seen.has(t)) {
        seen.add(t);
        titleParts.push(t);
      }
    }
  }

  return {
    sheet: sheet.name,
    headerRows: found.headerRows,
    firstDataRow: headerEnd + 1,
    lastDataRow,
    firstCol,
    lastCol,
    mapping,
    headerLabels,
    title: titleParts.join(" "),
  };
}

/** How many of a table's first rows hold a known status word: what makes it the tracking table. */
function statusRows(sheet: SheetGrid, t: TableLocation): number {
  const col = t.mapping.status!;
  let n = 0;
  const end = Math.min(t.lastDataRow, t.firstDataRow + CONTENT_SAMPLE_ROWS);
  for (let r = t.firstDataRow; r <= end; r++) if (isStatusWord(sheet.values[r]?.[col] ?? null)) n++;
  return n;
}

/**
 * The tracking table of a workbook: the sheet with the most rows of status
 * words (a summary sheet with a 状态 column but few rows loses), then the one
 * that maps the most columns, then the first.
 */
export function findTable(workbook: WorkbookGrid, override: ColumnMapping = {}): TableLocation | null {
  let best: { table: TableLocation; rows: number; columns: number } | null = null;
  for (const sheet of workbook.sheets) {
    const table = findTableInSheet(sheet, override);
    if (!table) continue;
    const rows = statusRows(sheet, table);
    const columns = Object.keys(table.mapping).length;
    if (!best || rows > best.rows || (rows === best.rows && columns > best.columns)) best = { table, rows, columns };
  }
  return best?.table ?? null;
}
