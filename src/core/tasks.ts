/** Reading tasks out of a located table. */
import { type CellValue, type SheetGrid, viewOf } from "./grid";
import { classifyStatus } from "./status";
import { cellText, circledNumber, circledValue, flattenText, headerKey, parseChineseNumber, toHalfWidth } from "./text";
import type { Field, TableLocation, Task } from "./types";

/** Larger "numbers" are not task numbers (an ID card or phone number typed in the column). */
const MAX_TASK_NUMBER = 99_999;

/** `30`, `第30项`, `第３０项`, `30.`, `（30）`, `第三十项` → 30; null when not a number. */
export function parseTaskNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value <= MAX_TASK_NUMBER ? value : null;
  const t = toHalfWidth(cellText(value))
    .replace(/\s+/g, "")
    .replace(/^[(（]?第?/, "")
    .replace(/项?[)）.、。]?$/, "");
  if (t === "") return null;
  const n = parseChineseNumber(t);
  return n !== null && n > 0 && n <= MAX_TASK_NUMBER ? n : null;
}

/**
 * Splits `区财政局、区自然资源局` (or one department a line) into departments.
 * A single space does not split: `市生态环境局 淄川分局` is one department.
 */
export function splitDepartments(text: string): string[] {
  return text
    .split(/[、，,；;/\n]+|\s{2,}|\u3000+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function taskLabel(number: number | null, subItem: number | null, row: number): string {
  if (number === null) return `第${row + 1}行`;
  return subItem === null ? `第${number}项` : `第${number}项的${circledNumber(subItem)}`;
}

interface MergeSpan {
  readonly top: number;
  readonly rowCount: number;
}

/** For each row, the vertical merge over the number column it lies in. */
function numberMerges(sheet: SheetGrid, col: number): Map<number, MergeSpan> {
  const spans = new Map<number, MergeSpan>();
  for (const m of sheet.merges) {
    if (m.rowCount < 2 || col < m.col || col >= m.col + m.colCount) continue;
    for (let r = m.row; r < m.row + m.rowCount; r++) spans.set(r, { top: m.row, rowCount: m.rowCount });
  }
  return spans;
}

const SECTION_NUMBER = /^[一二三四五六七八九十]+[、.．]?$/;
const TOTAL_ROW = /^(?:合计|小计|总计|共计)/;

/**
 * A row that only structures the table: a section heading without a status
 * (`一、扩大有效投资`, a Chinese numeral as its number), a total row (`合计`),
 * or the header repeated (a table pasted together from parts).
 */
function isStructureRow(row: readonly CellValue[] | undefined, ownNumber: string, status: string, table: TableLocation): boolean {
  if (status === "" && SECTION_NUMBER.test(ownNumber.replace(/\s+/g, ""))) return true;
  for (const v of row ?? []) {
    const first = cellText(v);
    if (first === "") continue;
    if (TOTAL_ROW.test(first.replace(/\s+/g, ""))) return true;
    break;
  }
  // A repeated header shows the status column's own header word where a status belongs.
  if (status === "" || headerKey(status) !== table.headerLabels.status) return false;
  let headerCells = 0;
  for (const [field, label] of Object.entries(table.headerLabels) as [Field, string][]) {
    const c = table.mapping[field]!;
    if (label !== "" && headerKey(row?.[c] ?? null) === label) headerCells++;
  }
  return headerCells >= 2;
}

export interface ReadResult {
  readonly tasks: Task[];
  /** Rows whose number cell holds text that is not a task number. */
  readonly unparsedNumbers: { row: number; text: string }[];
}

/** One task per row that carries a status, a task text or its own number. */
export function readTasks(sheet: SheetGrid, table: TableLocation): ReadResult {
  const view = viewOf(sheet);
  const map = table.mapping;
  const col = (f: Field): number => map[f] ?? -1;
  const [numberCol, taskCol, leadCol, targetCol, progressCol, statusCol, reasonCol, nextCol] = (
    ["number", "task", "lead", "quarterTarget", "progress", "status", "reason", "nextSteps"] as const
  ).map(col) as [number, number, number, number, number, number, number, number];
  /** The cell's own text (empty in the covered cells of a merge). */
  const own = (r: number, c: number): string => (c < 0 ? "" : cellText(sheet.values[r]?.[c] ?? null));
  /** The text a reader sees in the cell, merges filled. */
  const seen = (r: number, c: number): string => (c < 0 ? "" : cellText(view.get(r, c)));
  const spans = map.number === undefined ? new Map<number, MergeSpan>() : numberMerges(sheet, map.number);

  // Statuses and departments repeat down a sheet: classify and split each text once.
  const categories = new Map<string, Task["category"]>();
  const categoryOf = (text: string) => {
    let c = categories.get(text);
    if (c === undefined) categories.set(text, (c = classifyStatus(text)));
    return c;
  };
  const departments = new Map<string, string[]>();
  const leadsOf = (text: string) => {
    let d = departments.get(text);
    if (d === undefined) departments.set(text, (d = splitDepartments(text)));
    return d;
  };

  const tasks: Task[] = [];
  const unparsedNumbers: { row: number; text: string }[] = [];
  // Position of each row among the task rows under one merged number cell.
  const positionInMerge = new Map<number, number>();

  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const ownStatus = own(r, statusCol);
    const ownText = own(r, taskCol);
    const ownNumber = own(r, numberCol);
    if (ownStatus === "" && ownText === "" && ownNumber === "") continue;
    // A status merged over several rows (sub-items ①②③ under one status) holds for each of them.
    const statusText = seen(r, statusCol);
    if (isStructureRow(sheet.values[r], ownNumber, statusText, table)) continue;

    const numberText = seen(r, numberCol);
    const number = numberCol < 0 ? null : parseTaskNumber(view.get(r, numberCol));
    if (numberText !== "" && number === null && ownNumber !== "") unparsedNumbers.push({ row: r, text: numberText });

    let text = seen(r, taskCol);
    let subItem: number | null = null;
    const first = text === "" ? "" : String.fromCodePoint(text.codePointAt(0)!);
    if (circledValue(first) > 0) {
      subItem = circledValue(first);
      text = text.slice(first.length).trim();
    } else {
      const span = spans.get(r);
      if (span && number !== null) {
        const k = (positionInMerge.get(span.top) ?? 0) + 1;
        positionInMerge.set(span.top, k);
        subItem = k;
      }
    }
    if (number === null) subItem = null;

    const leads = leadsOf(seen(r, leadCol));
    const leadText = leads.join("、");
    tasks.push({
      id: number === null ? `R${r + 1}` : subItem === null ? String(number) : `${number}-${subItem}`,
      number,
      subItem,
      label: taskLabel(number, subItem, r),
      row: r,
      text: flattenText(text),
      leads,
      leadText,
      quarterTarget: flattenText(seen(r, targetCol)),
      progress: flattenText(seen(r, progressCol)),
      statusText: flattenText(statusText),
      category: categoryOf(statusText),
      reason: flattenText(seen(r, reasonCol)),
      nextSteps: flattenText(seen(r, nextCol)),
    });
  }
  return { tasks: collapseSingleSubItems(tasks), unparsedNumbers };
}

/**
 * A merged number cell over one task row plus blank rows gives a single
 * sub-item "1"; such a task is just task N.
 */
function collapseSingleSubItems(tasks: Task[]): Task[] {
  if (!tasks.some((t) => t.subItem !== null)) return tasks;
  const perNumber = new Map<number, number>();
  for (const t of tasks) if (t.number !== null) perNumber.set(t.number, (perNumber.get(t.number) ?? 0) + 1);
  return tasks.map((t) => {
    if (t.subItem === null || t.number === null || perNumber.get(t.number)! > 1) return t;
    if (t.subItem !== 1) return t;
    return { ...t, subItem: null, id: String(t.number), label: taskLabel(t.number, null, t.row) };
  });
}

/** Task order: by number, then sub-item, then row; tasks without a number last. */
export function compareTasks(a: Task, b: Task): number {
  const an = a.number ?? Number.MAX_SAFE_INTEGER;
  const bn = b.number ?? Number.MAX_SAFE_INTEGER;
  return an - bn || (a.subItem ?? 0) - (b.subItem ?? 0) || a.row - b.row;
}
