/**
 * Reading tasks out of a located table: one task per row that carries a
 * status, a task text or its own number. Structure rows (sections, totals,
 * a repeated header) are skipped; numbers are read as offices type them.
 */
import { type CellValue, type SheetGrid, viewOf } from "./grid";
import { classifyStatus, type StatusWords } from "./status";
import { cellText, circledNumber, circledValue, flattenText, headerKey, parseChineseNumber, toHalfWidth } from "./text";
import type { Field, TableLocation, Task } from "./types";

/** Larger "numbers" are not task numbers (an ID card or phone number typed in the column). */
const MAX_TASK_NUMBER = 99_999;

/** `30`, `第30项`, `第３０项`, `30.`, `2．`, `（30）`, `第三十项` → 30; null when not a plain number. */
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

export interface TaskNumber {
  /** null for a bare sub-item mark (`①`) that belongs to the number above it. */
  readonly number: number | null;
  readonly subItem: number | null;
}

const SUB_FORMS: readonly RegExp[] = [
  /^第?(\d+)项?(?:的|之)?[-.—－_]?([①-⑳])$/,
  /^第?(\d+)项?[-.—－_](\d+)$/,
  /^第?(\d+)项?\((\d+)\)$/,
];

/**
 * A number cell as offices type it: `30`, `第30项`, and sub-items `1-5`,
 * `1.5`, `1(5)`, `1-⑤`, `第1项的⑤`, or `①` alone; null when it is no number.
 */
export function parseTaskId(value: CellValue): TaskNumber | null {
  if (typeof value === "number" && !Number.isInteger(value)) return parseTaskId(String(value));
  const plain = parseTaskNumber(value);
  if (plain !== null) return { number: plain, subItem: null };
  const t = toHalfWidth(cellText(value)).replace(/\s+/g, "").replace(/[.、。]$/, "");
  if (t.length === 1 && circledValue(t) > 0) return { number: null, subItem: circledValue(t) };
  for (const form of SUB_FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const number = Number(m[1]);
    const subItem = circledValue(m[2]!) || Number(m[2]);
    if (number > 0 && number <= MAX_TASK_NUMBER && subItem > 0) return { number, subItem };
  }
  return null;
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

/** `第30项`, `第1项的⑤`, `第二部分第29项`; a task without a number is named by its row. */
export function taskLabel(number: number | null, subItem: number | null, row: number, section: string | null = null): string {
  if (number === null) return `未编号任务（第${row + 1}行）`;
  const part = section === null ? "" : `第${section}部分`;
  return subItem === null ? `${part}第${number}项` : `${part}第${number}项的${circledNumber(subItem)}`;
}

/** A section heading `一、主要预期目标（9项）`, or its numeral alone in the number column. */
const SECTION = /^([一二三四五六七八九十]+)\s*(?:[、.．]|$)/;
/** A sub-section heading `（一）加快工业转型升级`. */
const SUBSECTION = /^[(（]([一二三四五六七八九十]+)[)）]/;
const TOTAL_ROW = /^(?:合计|小计|总计|共计)/;

/** Text written inside the progress cell when the sheet has no column of its own for it. */
const INLINE_FIELDS: readonly { field: "reason" | "nextSteps"; marker: RegExp }[] = [
  { field: "reason", marker: /(?:存在的?问题|未完成原因|滞后原因|困难和问题|存在困难|原因)[:：]/g },
  { field: "nextSteps", marker: /(?:下一步(?:工作)?(?:打算|计划|措施)?|下步(?:工作)?(?:打算|计划|措施)|推进计划|整改措施)[:：]/g },
];

/** Every marker of INLINE_FIELDS ends in a colon: a text without one has none. */
const ANY_MARKER = /[:：]/;

/**
 * Progress text with the reason and next steps that a department wrote into
 * it (`…。存在问题：资金未到位。下一步：…`): they stand in for a column the
 * sheet lacks or a cell left empty. The progress keeps only what stands
 * before the first marker.
 */
export function splitProgress(text: string): { progress: string; reason: string; nextSteps: string } {
  if (!ANY_MARKER.test(text)) return { progress: text, reason: "", nextSteps: "" };
  const marks: { field: "reason" | "nextSteps"; start: number; end: number }[] = [];
  for (const { field, marker } of INLINE_FIELDS) {
    for (const m of text.matchAll(marker)) marks.push({ field, start: m.index, end: m.index + m[0].length });
  }
  const out = { progress: text, reason: "", nextSteps: "" };
  if (marks.length === 0) return out;
  marks.sort((a, b) => a.start - b.start);
  out.progress = text.slice(0, marks[0]!.start).trim();
  marks.forEach((m, i) => {
    const part = text.slice(m.end, marks[i + 1]?.start ?? text.length).trim();
    if (out[m.field] === "") out[m.field] = part;
  });
  return out;
}

/** The first non-empty own cell of a row, without spaces. */
function firstText(row: readonly CellValue[] | undefined): string {
  for (const v of row ?? []) {
    const t = cellText(v);
    if (t !== "") return t.replace(/\s+/g, "");
  }
  return "";
}

/** Whether every non-empty cell of a row says the same: a heading merged or repeated across. */
function saysOneThing(row: readonly CellValue[] | undefined): boolean {
  let first = "";
  for (const v of row ?? []) {
    const t = cellText(v);
    if (t === "") continue;
    if (first === "") first = t;
    else if (t !== first) return false;
  }
  return true;
}

/**
 * A row that only structures the table: a section or sub-section heading
 * (`一、主要预期目标（9项）`, `（一）加快工业转型升级`, or the numeral alone in
 * the number column) without a status of its own, a total row (`合计`), or
 * the header repeated (a table pasted together from parts).
 */
function structureOf(row: readonly CellValue[] | undefined, ownNumber: string, ownStatus: string, seenStatus: string, table: TableLocation): "section" | "other" | null {
  const first = firstText(row);
  if (TOTAL_ROW.test(first)) return "other";
  const number = ownNumber.replace(/\s+/g, "");
  const section = SECTION.test(first) || SECTION.test(number);
  const subsection = !section && (SUBSECTION.test(first) || SUBSECTION.test(number));
  if ((section || subsection) && (ownStatus === "" || saysOneThing(row))) return section ? "section" : "other";
  // A heading merged across the table (`填报单位：区发改局`): the status column shows the row's first text.
  if (ownStatus === "" && seenStatus !== "" && seenStatus.replace(/\s+/g, "") === first) return "other";
  // A repeated header shows the status column's own header word where a status belongs.
  if (seenStatus === "" || headerKey(seenStatus) !== table.headerLabels.status) return null;
  let headerCells = 0;
  for (const [field, label] of Object.entries(table.headerLabels) as [Field, string][]) {
    const c = table.mapping[field]!;
    if (label !== "" && headerKey(row?.[c] ?? null) === label) headerCells++;
  }
  return headerCells >= 2 ? "other" : null;
}

export interface ReadResult {
  readonly tasks: Task[];
  /** Rows whose number cell holds text that is not a task number. */
  readonly unparsedNumbers: { row: number; text: string }[];
}

/** A task as read from its row: id, label and sub-item are settled across rows afterwards (settleNumbers). */
type RawTask = { -readonly [K in keyof Task]: Task[K] };

/** One task per row that carries a status, a task text or its own number. */
export function readTasks(sheet: SheetGrid, table: TableLocation, words?: StatusWords): ReadResult {
  const view = viewOf(sheet);
  const map = table.mapping;
  const col = (f: Field): number => map[f] ?? -1;
  const [numberCol, taskCol, leadCol, statusCol, progressCol, reasonCol, nextCol] = (
    ["number", "task", "lead", "status", "progress", "reason", "nextSteps"] as const
  ).map(col) as [number, number, number, number, number, number, number];
  const targetKind = map.quarterTarget !== undefined || map.annualTarget === undefined ? "quarter" : "annual";
  const targetCol = col(targetKind === "quarter" ? "quarterTarget" : "annualTarget");

  /** The cell's own text (empty in the covered cells of a merge). */
  const own = (r: number, c: number): string => (c < 0 ? "" : cellText(sheet.values[r]?.[c] ?? null));
  /** The text a reader sees in the cell, merges filled. */
  const seen = (r: number, c: number): string => (c < 0 ? "" : cellText(view.get(r, c)));

  // Statuses and departments repeat down a sheet: classify and split each text once.
  const categories = new Map<string, Task["category"]>();
  const categoryOf = (text: string) => {
    let c = categories.get(text);
    if (c === undefined) categories.set(text, (c = classifyStatus(text, words)));
    return c;
  };
  const departments = new Map<string, string[]>();
  const leadsOf = (text: string) => {
    let d = departments.get(text);
    if (d === undefined) departments.set(text, (d = splitDepartments(text)));
    return d;
  };

  const raw: RawTask[] = [];
  /** Per raw task, the sub-item its own cells mark (`①`, `1-5`), if any. */
  const marks: (number | null)[] = [];
  const unparsedNumbers: { row: number; text: string }[] = [];
  let section: string | null = null;
  let lastNumber: number | null = null;

  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const ownStatus = own(r, statusCol);
    const ownText = own(r, taskCol);
    const ownNumber = own(r, numberCol);
    if (ownStatus === "" && ownText === "" && ownNumber === "") continue;
    // A status merged over several rows (sub-items ①②③ under one status) holds for each of them.
    const statusText = seen(r, statusCol);
    const structure = structureOf(sheet.values[r], ownNumber, ownStatus, statusText, table);
    if (structure === "section") {
      const heading = firstText(sheet.values[r]);
      section = SECTION.exec(heading)?.[1] ?? SECTION.exec(ownNumber.replace(/\s+/g, ""))?.[1] ?? section;
      lastNumber = null;
    }
    if (structure !== null) continue;

    const numberText = seen(r, numberCol);
    const id = numberCol < 0 ? null : parseTaskId(view.get(r, numberCol));
    if (numberText !== "" && id === null && ownNumber !== "") unparsedNumbers.push({ row: r, text: numberText });

    let text = seen(r, taskCol);
    let explicitSub = id?.subItem ?? null;
    const first = text === "" ? "" : String.fromCodePoint(text.codePointAt(0)!);
    if (circledValue(first) > 0) {
      explicitSub ??= circledValue(first);
      text = text.slice(first.length).trim();
    }
    // A sub-item mark without a number of its own belongs to the number above it.
    let number = id?.number ?? null;
    if (number === null && explicitSub !== null) number = lastNumber;
    if (number === null) explicitSub = null;
    else lastNumber = number;

    const fields = splitProgress(flattenText(seen(r, progressCol)));
    const leads = leadsOf(seen(r, leadCol));
    marks.push(explicitSub);
    raw.push({
      id: "",
      label: "",
      subItem: null,
      number,
      section,
      row: r,
      text: flattenText(text),
      leads,
      leadText: leads.join("、"),
      target: flattenText(seen(r, targetCol)),
      targetKind,
      progress: fields.progress,
      statusText: flattenText(statusText),
      category: categoryOf(statusText),
      reason: flattenText(seen(r, reasonCol)) || fields.reason,
      nextSteps: flattenText(seen(r, nextCol)) || fields.nextSteps,
    });
  }
  return { tasks: settleNumbers(raw, marks), unparsedNumbers };
}

/**
 * Gives every task its id and label:
 * - rows in a run under one number (merged or typed again) are its sub-items,
 *   by their own mark (`①`, `1-5`) or by position; a heading row of the run
 *   (the number's own row, without a status, above marked sub-items) is no task;
 * - where numbering restarts in each section, ids and labels carry the section;
 * - a number that still stands twice is told apart by its row.
 */
function settleNumbers(raw: RawTask[], marks: readonly (number | null)[]): Task[] {
  const kept: boolean[] = new Array<boolean>(raw.length).fill(true);
  for (let i = 0; i < raw.length; ) {
    const t = raw[i]!;
    let j = i + 1;
    let marked = marks[i] !== null;
    while (t.number !== null && j < raw.length && raw[j]!.number === t.number && raw[j]!.section === t.section) {
      if (marks[j] !== null) marked = true;
      j++;
    }
    if (j - i === 1) t.subItem = marks[i]!;
    else {
      for (let k = i; k < j; k++) raw[k]!.subItem = marked ? marks[k]! : k - i + 1;
      // The parent row of ①②③: the number's own row, without a status, above its marked sub-items.
      if (marked && marks[i] === null && t.statusText === "") kept[i] = false;
    }
    i = j;
  }
  const tasks = raw.filter((_, i) => kept[i]);

  // Numbering restarts in each section when a number stands in two sections.
  const sectionOf = new Map<number, string | null>();
  let restarts = false;
  for (const t of tasks) {
    if (t.number === null) continue;
    const first = sectionOf.get(t.number);
    if (first === undefined) sectionOf.set(t.number, t.section);
    else if (first !== t.section) restarts = true;
  }

  const count = new Map<string, number>();
  for (const t of tasks) {
    if (!restarts) t.section = null;
    const base = t.number === null ? `R${t.row + 1}` : t.subItem === null ? String(t.number) : `${t.number}-${t.subItem}`;
    t.id = t.section === null ? base : `${t.section}-${base}`;
    t.label = taskLabel(t.number, t.subItem, t.row, t.section);
    count.set(t.id, (count.get(t.id) ?? 0) + 1);
  }
  // A number that still stands twice is told apart by its row.
  for (const t of tasks) {
    if (count.get(t.id)! < 2) continue;
    t.id = `${t.id}@${t.row + 1}`;
    t.label = `${t.label}（第${t.row + 1}行）`;
  }
  return tasks;
}

const SECTION_ORDER = "一二三四五六七八九十";

function sectionRank(section: string | null): number {
  if (section === null) return -1;
  return parseChineseNumber(section) ?? SECTION_ORDER.length + 1;
}

/** Task order: by section, number, then sub-item, then row; tasks without a number last. */
export function compareTasks(a: Task, b: Task): number {
  const an = a.number ?? Number.MAX_SAFE_INTEGER;
  const bn = b.number ?? Number.MAX_SAFE_INTEGER;
  return sectionRank(a.section) - sectionRank(b.section) || an - bn || (a.subItem ?? 0) - (b.subItem ?? 0) || a.row - b.row;
}
