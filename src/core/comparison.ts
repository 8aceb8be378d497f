/**
 * This quarter compared with the previous one: where the previous quarter's
 * statuses are found and how tasks are matched and classed (task-matching.ts).
 *
 * Where, first found wins:
 * 1. `previous`: another workbook (`--previous FILE`), source "file";
 * 2. `previousSheet`: a named sheet of this workbook (the pane's choice, the
 *    settings sheet's `上季度调度表`), source "sheet";
 * 3. the previous quarter's columns of the same ledger (`二季度状态` beside
 *    `三季度状态`, or `上季度状态`), source "columns": the same rows are the
 *    same tasks;
 * 4. another sheet of this workbook whose title or name states the previous
 *    quarter (`二季度调度表`), source "sheet".
 * The previous quarter of 一季度 is 四季度 of the year before; a yearly
 * ledger's columns cannot hold it, so it comes only from a sheet or file
 * saying so (or a `上季度` column). A sheet or file named explicitly but
 * unusable (no table, or this very quarter) is refused with a message naming
 * it; when nothing is found there is no comparison and the notice is as
 * without one.
 */
import { InputError } from "./errors";
import { cellAddress, qualifiedAddress, type SheetGrid, type WorkbookGrid } from "./grid";
import { quarterName } from "./notice/model";
import { PREVIOUS_PERIOD, parseQuarter } from "./period";
import { SETTINGS_SHEET } from "./settings-sheet";
import type { StatusWords } from "./status";
import { findTableInSheet, statusRows } from "./table";
import { compareTasks, readTasks } from "./tasks";
import { classifyMatches, matchByNumberAndText, matchByRow, type TaskMatch } from "./task-matching";
import type { ColumnMapping, Comparison, Field, Issue, Period, PreviousSource, TableLocation, Task } from "./types";

export interface PreviousOptions {
  /** Another workbook holding the previous quarter (`--previous FILE`). */
  readonly previous?: WorkbookGrid;
  /** The sheet of this workbook holding the previous quarter (the pane's choice). */
  readonly previousSheet?: string;
  readonly statusWords?: StatusWords;
}

const periodWord = (p: Period) => `${p.year === null ? "" : `${p.year}年`}${p.quarter === null ? "" : quarterName(p.quarter)}`;

/**
 * The previous quarter could not be read from the workbook given for it.
 * The core does not know the file's name: the surface names it (`forFile`).
 */
export class PreviousWorkbookError extends InputError {
  constructor(private readonly problem: (where: string) => string) {
    super(problem("上季度工作簿"));
    this.name = "PreviousWorkbookError";
  }

  /** The message naming the file instead (`q2.xlsx（工作表“调度表”）是…`). */
  forFile(file: string): string {
    return this.problem(file);
  }
}

/** The quarter before: 一季度 → 四季度 of the year before. */
export function previousPeriod(p: Period): Period {
  if (p.quarter === null) return { year: null, quarter: null };
  if (p.quarter === 1) return { year: p.year === null ? null : p.year - 1, quarter: 4 };
  return { year: p.year, quarter: p.quarter - 1 };
}

const sameYear = (a: number | null, b: number | null) => a === null || b === null || a === b;
const samePeriod = (a: Period, b: Period) => a.quarter !== null && a.quarter === b.quarter && sameYear(a.year, b.year);

interface Found {
  readonly period: Period;
  readonly source: PreviousSource;
  readonly sheet: string;
  readonly tasks: readonly Task[];
  /** Read from the same rows of the same ledger. */
  readonly sameRows: boolean;
}

/** The fields the ledger keeps in shared columns (no period of their own), status aside: the previous quarter reads the same ones. */
function sharedMapping(table: TableLocation): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [field, col] of Object.entries(table.mapping) as [Field, number][]) {
    const column = table.columns.find((c) => c.col === col);
    if (field !== "status" && (!column || column.period === null)) out[field] = col;
  }
  return out;
}

/** The previous quarter's columns of the same ledger (`二季度状态`, or `上季度状态`), read from the same rows. */
function fromColumns(sheet: SheetGrid, table: TableLocation, expected: Period, words?: StatusWords): Found | null {
  const now = table.period.quarter;
  // A yearly ledger holds one year: the quarter before 一季度 is not in it.
  const ownColumns = now !== null && now > 1 && table.statusPeriods.includes(now - 1);
  const hasPreviousColumn = table.columns.some((c) => c.period === PREVIOUS_PERIOD && c.fields.some((m) => m.field === "status"));
  const quarter = ownColumns ? now - 1 : hasPreviousColumn ? PREVIOUS_PERIOD : null;
  if (quarter === null) return null;
  const previous = findTableInSheet(sheet, { quarter, statusWords: words, mapping: sharedMapping(table) });
  if (!previous || previous.mapping.status === undefined || previous.firstDataRow !== table.firstDataRow) return null;
  if (table.columns.find((c) => c.col === previous.mapping.status)?.period !== quarter) return null;
  const tasks = readTasks(sheet, { ...previous, lastDataRow: table.lastDataRow }, words).tasks;
  // A column left empty (the ledger kept from this quarter on) is no previous quarter.
  if (!tasks.some((t) => t.category !== null)) return null;
  return { period: expected, source: "columns", sheet: sheet.name, tasks, sameRows: true };
}

/**
 * Whether a sheet may hold another quarter's ledger: its name or one of its
 * title texts states a quarter (as a table's stated quarter is read, title
 * or sheet name). Hosts that read only some sheets whole read these.
 */
export function statesQuarter(name: string, titleTexts: readonly string[]): boolean {
  return parseQuarter(name) !== null || titleTexts.some((t) => parseQuarter(t) !== null);
}

/** The quarter a sheet's table states in its title or the sheet's name. */
function statedPeriod(table: TableLocation): Period {
  return { year: table.period.year, quarter: parseQuarter(table.title) ?? parseQuarter(table.sheet) };
}

/** Another sheet of this workbook that states the previous quarter and has statuses. */
function fromStatedSheet(sheets: readonly SheetGrid[], except: string, expected: Period, words?: StatusWords): { sheet: SheetGrid; table: TableLocation } | null {
  if (expected.quarter === null) return null;
  for (const sheet of sheets) {
    if (sheet.name === except || sheet.name === SETTINGS_SHEET) continue;
    const table = findTableInSheet(sheet, { statusWords: words });
    if (!table || table.mapping.status === undefined) continue;
    if (!samePeriod(statedPeriod(table), expected) || statusRows(sheet, table, words) === 0) continue;
    return { sheet, table };
  }
  return null;
}

/**
 * The previous quarter in a sheet named for it: its own columns of the
 * previous quarter where it is a yearly ledger, else the period it states
 * (which must not be this quarter). `where` names it in messages.
 */
function fromNamedSheet(sheet: SheetGrid, current: Period, expected: Period, where: (problem: string) => InputError, words?: StatusWords): { table: TableLocation; period: Period } {
  const plain = findTableInSheet(sheet, { statusWords: words });
  if (!plain) throw where("中找不到调度表：需要一行表头，至少包含“完成状态”列和“序号”或“重点工作任务”列");
  if (expected.quarter !== null && plain.statusPeriods.includes(expected.quarter) && sameYear(plain.period.year, expected.year)) {
    const table = findTableInSheet(sheet, { quarter: expected.quarter, statusWords: words })!;
    assertStatuses(sheet, table, where, words);
    return { table, period: { year: plain.period.year ?? expected.year, quarter: expected.quarter } };
  }
  const period: Period = { year: plain.period.year, quarter: plain.period.quarter };
  if (samePeriod(period, current)) {
    throw where(`是${periodWord(period)}的调度表，与本次通报的季度相同，不能作为上季度对比；请选择${periodWord(expected) || "上一季度"}的调度表`);
  }
  if (plain.mapping.status === undefined) throw where("中没有可用的完成状态列");
  assertStatuses(sheet, plain, where, words);
  return { table: plain, period };
}

/** A previous quarter without a single readable status compares nothing: refused when it was named. */
function assertStatuses(sheet: SheetGrid, table: TableLocation, where: (problem: string) => InputError, words?: StatusWords): void {
  if (statusRows(sheet, table, words) === 0) throw where(`的完成状态列（${table.headerLabels.status ?? "完成状态"}）没有可识别的状态，不能作为上季度对比`);
}

function readFrom(sheet: SheetGrid, table: TableLocation, words?: StatusWords): Task[] {
  return [...readTasks(sheet, table, words).tasks].sort(compareTasks);
}

function findPrevious(workbook: WorkbookGrid, table: TableLocation, options: PreviousOptions): Found | null {
  const words = options.statusWords;
  const current: Period = { year: table.period.year, quarter: table.period.quarter };
  const expected = previousPeriod(current);
  const sheetOfTable = workbook.sheets.find((s) => s.name === table.sheet)!;

  if (options.previous) {
    const book = options.previous;
    const fail = (problem: string) => new PreviousWorkbookError((file) => `${file}${problem}。`);
    const stated = fromStatedSheet(book.sheets, "", expected, words);
    if (stated) return { period: statedPeriod(stated.table), source: "file", sheet: stated.sheet.name, tasks: readFrom(stated.sheet, stated.table, words), sameRows: false };
    const candidates = book.sheets.filter((s) => s.name !== SETTINGS_SHEET);
    const found = candidates.map((s) => ({ s, t: findTableInSheet(s, { statusWords: words }) })).filter((c) => c.t !== null);
    if (found.length === 0) throw fail("中找不到调度表：需要一行表头，至少包含“完成状态”列和“序号”或“重点工作任务”列");
    const best = found.reduce((a, b) => (statusRows(b.s, b.t!, words) > statusRows(a.s, a.t!, words) ? b : a));
    const named = fromNamedSheet(best.s, current, expected, (problem) => fail(`（工作表“${best.s.name}”）${problem}`), words);
    return { period: named.period, source: "file", sheet: best.s.name, tasks: readFrom(best.s, named.table, words), sameRows: false };
  }

  if (options.previousSheet !== undefined) {
    const name = options.previousSheet;
    const sheet = workbook.sheets.find((s) => s.name === name);
    if (!sheet) throw new InputError(`找不到上季度工作表“${name}”；工作簿中的工作表有：${workbook.sheets.map((s) => `“${s.name}”`).join("、")}。`);
    if (name === table.sheet) {
      const columns = fromColumns(sheet, table, expected, words);
      if (columns) return columns;
      throw new InputError(`上季度工作表“${name}”就是本季度的调度表，其中没有填有${periodWord(expected) || "上一季度"}完成状态的列，不能作为上季度对比；请选择上季度的调度表。`);
    }
    const named = fromNamedSheet(sheet, current, expected, (problem) => new InputError(`上季度工作表“${name}”${problem}。`), words);
    return { period: named.period, source: "sheet", sheet: name, tasks: readFrom(sheet, named.table, words), sameRows: false };
  }

  const columns = fromColumns(sheetOfTable, table, expected, words);
  if (columns) return columns;
  const stated = fromStatedSheet(workbook.sheets, table.sheet, expected, words);
  if (stated) return { period: statedPeriod(stated.table), source: "sheet", sheet: stated.sheet.name, tasks: readFrom(stated.sheet, stated.table, words), sameRows: false };
  return null;
}

/**
 * Whether the previous quarter holds the same list of tasks: at least half
 * of this quarter's tasks match one of its tasks. A sheet or file named for
 * the previous quarter that holds another list is refused; one found by
 * itself is no previous quarter.
 */
function sameTaskList(matches: readonly TaskMatch[]): boolean {
  return matches.filter((m) => m.previous !== null).length * 2 >= matches.length;
}

/** The comparison with the previous quarter, or null when its statuses are nowhere at hand. */
export function compareWithPrevious(workbook: WorkbookGrid, table: TableLocation, tasks: readonly Task[], options: PreviousOptions): Comparison | null {
  const found = findPrevious(workbook, table, options);
  if (!found) return null;
  const matches: TaskMatch[] = found.sameRows ? matchByRow(tasks, found.tasks) : matchByNumberAndText(tasks, found.tasks);
  if (!found.sameRows && !sameTaskList(matches)) {
    // Another list of tasks: whole-quarter changes would compare unlike with unlike.
    const matched = matches.filter((m) => m.previous !== null).length;
    const problem = `与本季度的任务对不上（${tasks.length}项任务中只有${matched}项能按序号和任务内容对应），不能作为上季度对比；请选择同一批重点工作任务的上季度调度表`;
    if (found.source === "file") throw new PreviousWorkbookError((file) => `${file}（工作表“${found.sheet}”）${problem}。`);
    if (options.previousSheet !== undefined) throw new InputError(`上季度工作表“${found.sheet}”${problem}。`);
    return null;
  }
  const lists = classifyMatches(matches);
  return {
    previous: { year: found.period.year, quarter: found.period.quarter, source: found.source, sheet: found.sheet },
    ...lists,
    previousTasks: found.tasks,
  };
}

/** The previous quarter's year where it is not this quarter's (四季度 of the year before); null otherwise. */
export function previousYearShown(c: Comparison, current: Period): number | null {
  return c.previous.year !== null && c.previous.year !== current.year ? c.previous.year : null;
}

/** Where the comparison's previous quarter came from, in words (`同表二季度列`, `工作表“二季度调度表”`). */
export function previousSourceWords(c: Comparison): string {
  switch (c.previous.source) {
    case "columns":
      return `同表${c.previous.quarter === null ? "上季度" : quarterName(c.previous.quarter)}列`;
    case "sheet":
      return `工作表“${c.previous.sheet}”`;
    case "file":
      return `上季度工作簿的工作表“${c.previous.sheet}”`;
  }
}

/** An info issue for each task of this quarter that no task of the previous quarter matches. */
export function unmatchedIssues(c: Comparison, table: TableLocation, tasks: readonly Task[]): Issue[] {
  const unmatched = new Set(c.unmatched);
  const col = table.mapping.task ?? table.mapping.number ?? table.firstCol;
  const where = previousSourceWords(c);
  return tasks
    .filter((t) => unmatched.has(t.id))
    .map((t) => ({
      code: "unmatched-task" as const,
      severity: "info" as const,
      cell: qualifiedAddress(table.sheet, cellAddress(t.row, col)),
      sheet: table.sheet,
      row: t.row,
      col,
      message: `${t.label}在上季度（${where}）中找不到对应任务（序号和任务内容都对不上），未与上季度对比。`,
      english: `${t.label} has no matching task in the previous quarter (${where}): neither its number with the same text nor its text alone matches, so it is not compared.`,
    }));
}
