/**
 * The whole job on a workbook's grid: find the table, read and check the
 * tasks, count them, word the notice and plan what to write. Hosts call
 * this and apply the plans; nothing here touches a workbook.
 */
import { InputError } from "./errors";
import type { WorkbookGrid } from "./grid";
import { planDepartmentSheet } from "./layout/department-sheet";
import { planHighlight } from "./layout/highlight";
import { planNoticeSheet } from "./layout/notice-sheet";
import { buildNotice, governmentLevel, quarterName, type NoticeModel } from "./notice/model";
import type { HighlightPlan, SheetPlan } from "./plan";
import { normaliseSettings, type NoticeSettings } from "./settings";
import { computeStatistics } from "./statistics";
import { findTable, findTableInSheet, periodConflict, type FindOptions } from "./table";
import { readSettingsSheet } from "./settings-sheet";
import type { Wording } from "./notice/wording";
import { cellAddress, columnLetter, qualifiedAddress, type SheetGrid } from "./grid";
import { isBinaryMark } from "./status";
import { cellText, toHalfWidth } from "./text";
import type { PeriodChoice } from "./period";
import { compareTasks, readTasks } from "./tasks";
import { checkTasks } from "./check";
import { compareWithPrevious, unmatchedIssues } from "./comparison";
import { departmentView, type LightRule } from "./departments";
import { CATEGORIES, type Category, type Comparison, type DepartmentRow, type ColumnMapping, type Field, type Issue, type Statistics, type TableLocation, type Task } from "./types";

export interface RunOptions {
  /** Use this sheet instead of finding the tracking sheet. */
  readonly sheet?: string;
  /** Column overrides: field → 0-based column. */
  readonly mapping?: ColumnMapping;
  readonly settings?: Partial<NoticeSettings>;
  /** `YYYY-MM-DD` of the run (the notice date when the settings give none). */
  readonly today: string;
  /** Write the notice even when some tasks have no usable status, marked as a draft. */
  readonly draft?: boolean;
  /** Another workbook holding the previous quarter (`--previous FILE`). */
  readonly previous?: WorkbookGrid;
  /** The sheet of this workbook holding the previous quarter (the pane's choice). */
  readonly previousSheet?: string;
}

/** Where the government's name in the title came from. */
export type PlaceSource = "option" | "title" | "default";

export interface Analysis {
  readonly table: TableLocation;
  /** In task order. */
  readonly tasks: readonly Task[];
  readonly issues: readonly Issue[];
  readonly statistics: Statistics;
  readonly period: PeriodChoice;
  readonly settings: NoticeSettings;
  readonly placeSource: PlaceSource;
  /** The notice's templates: the built-in ones with the settings sheet's rewordings. */
  readonly wording: Wording;
  /** One row per lead department, in rank order. */
  readonly departments: readonly DepartmentRow[];
  /** This quarter against the previous one; null when the previous quarter's statuses are not at hand. */
  readonly comparison: Comparison | null;
  /** The rules the departments' lights follow: the settings sheet's, else LIGHT_RULES. */
  readonly lightRules: readonly LightRule[];
}

export interface NoticeJob {
  readonly analysis: Analysis;
  readonly notice: NoticeModel;
  readonly noticeSheet: SheetPlan;
  /** The department view as its own sheet (`三季度部门情况`) with the ranking's bar chart. */
  readonly departmentSheet: SheetPlan;
  readonly highlight: HighlightPlan;
}

/**
 * Tasks whose status is empty or cannot be read: the counts would be wrong,
 * so no notice is written unless a draft is asked for.
 */
export class IncompleteStatusError extends InputError {
  constructor(
    readonly missing: number,
    /** `第51项 三季度调度表!F54`. */
    readonly example: string,
  ) {
    super(incompleteStatusMessage(missing, example, "生成草稿"));
    this.name = "IncompleteStatusError";
  }

  /** The message with the surface's own way to ask for a draft (`加 --draft 生成草稿`). */
  withDraftHint(hint: string): string {
    return incompleteStatusMessage(this.missing, this.example, hint);
  }
}

function incompleteStatusMessage(missing: number, example: string, hint: string): string {
  return `${missing} 项任务的完成状态为空或无法识别（${example}${missing > 1 ? " 等" : ""}），通报未生成；补填后重试，或${hint}`;
}

function sheetList(workbook: WorkbookGrid): string {
  return workbook.sheets.map((s) => `“${s.name}”`).join("、") || "（无）";
}


/** Finds the table (or fails with a Chinese message naming the sheet). */
export function locateTable(workbook: WorkbookGrid, options: Pick<RunOptions, "sheet"> & FindOptions = {}): TableLocation {
  const needs = "需要一行表头，至少包含“完成状态”列和“序号”或“重点工作任务”列";
  const find: FindOptions = { mapping: options.mapping, year: options.year, quarter: options.quarter, statusWords: options.statusWords };
  let table: TableLocation | null;
  if (options.sheet !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === options.sheet);
    if (!sheet) throw new InputError(`找不到工作表“${options.sheet}”；工作簿中的工作表有：${sheetList(workbook)}。`);
    table = findTableInSheet(sheet, find);
    if (!table) throw new InputError(`工作表“${options.sheet}”中找不到调度表：${needs}。`);
  } else {
    table = findTable(workbook, find);
    if (!table) throw new InputError(`工作簿中找不到调度表（已查看 ${sheetList(workbook)}）：${needs}。`);
  }
  const quarter = table.period.quarter;
  if (table.mapping.status === undefined && quarter !== null) {
    const others = table.statusPeriods.map((q) => quarterName(q)).join("、");
    throw new InputError(
      `工作表“${table.sheet}”中没有${quarterName(quarter)}的完成状态列${others ? `（只有${others}的）` : ""}；请核对季度设置，或在列映射中指定完成状态列。`,
    );
  }
  const stated = periodConflict(table);
  if (stated !== null && quarter !== null) {
    throw new InputError(
      `工作表“${table.sheet}”是${quarterName(stated)}的调度表（见标题或工作表名），与指定的${quarterName(quarter)}不符；请选择${quarterName(quarter)}的工作表，或改正季度设置。`,
    );
  }
  return table;
}

/** A status column of yes/no marks (`√/×`, `是/否`) cannot tell five categories apart. */
function assertStatusesTellCategories(sheet: SheetGrid, table: TableLocation): void {
  const col = table.mapping.status!;
  const marks = new Set<string>();
  let filled = 0;
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const v = sheet.values[r]?.[col] ?? null;
    if (cellText(v) === "") continue;
    filled++;
    if (!isBinaryMark(v)) return;
    marks.add(cellText(v));
  }
  if (filled === 0) return;
  const where = `${columnLetter(col)}列“${table.headerLabels.status}”`;
  throw new InputError(
    `工作表“${table.sheet}”的完成状态列（${where}）只填写了“${[...marks].slice(0, 4).join("/")}”，无法区分已完成、序时推进、未完成、暂不实施、待确定；请改填状态用语，或在列映射中指定真正的完成状态列。`,
  );
}

/** The values a run was given, without the ones left out (undefined, null or empty text). */
function definedOnly(given: Partial<NoticeSettings>): Partial<NoticeSettings> {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null && v !== "")) as Partial<NoticeSettings>;
}

/** The government named in the title (`淄川区2025年…` → 淄川区人民政府), when no option names it. */
export function placeFromTitle(title: string): string | null {
  const t = toHalfWidth(title).replace(/\s+/g, "");
  const m = /^(?:中共)?([\u4e00-\u9fa5]{1,12}?(?:自治县|自治旗|新区|区|县|市|旗))(?:人民政府|政府)?(?:办公室)?(?:\d{4}年|《|关于|重点|政府工作报告)/.exec(t);
  return m ? m[1]! : null;
}

/** Settings with the government, office and issuer taken from the title where the options leave them out. */
function settingsFor(table: TableLocation, given: Partial<NoticeSettings> = {}): { settings: NoticeSettings; placeSource: PlaceSource } {
  const has = (v: string | undefined) => typeof v === "string" && v.trim() !== "";
  if (has(given.government)) return { settings: normaliseSettings(given), placeSource: "option" };
  const place = placeFromTitle(table.title);
  if (place === null) return { settings: normaliseSettings(given), placeSource: "default" };
  const level = governmentLevel(place);
  return {
    settings: normaliseSettings({
      ...given,
      government: `${place}人民政府`,
      office: has(given.office) ? given.office : `${level}政府督查室`,
      issuer: has(given.issuer) ? given.issuer : `${place}人民政府办公室`,
    }),
    placeSource: "title",
  };
}

/** Reads, checks and counts the tasks of the tracking table. */
export function analyse(workbook: WorkbookGrid, options: RunOptions): Analysis {
  // The settings sheet first; what the run is given (options, the pane) overrides it.
  const office = readSettingsSheet(workbook);
  const given = { ...office.settings, ...definedOnly(options.settings ?? {}) };
  const mapping = { ...office.mapping, ...options.mapping };
  const table = locateTable(workbook, {
    sheet: options.sheet ?? office.trackingSheet,
    mapping,
    year: given.year,
    quarter: given.quarter,
    statusWords: office.statusWords,
  });
  const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
  assertStatusesTellCategories(sheet, table);
  const read = readTasks(sheet, table, office.statusWords);
  const tasks = [...read.tasks].sort(compareTasks);
  const { settings, placeSource } = settingsFor(table, given);
  const issues = [...office.issues, ...checkTasks(table, read)];
  if (table.period.quarter === null) {
    issues.push({
      code: "unknown-period",
      severity: "info",
      cell: null,
      sheet: table.sheet,
      row: null,
      col: null,
      message: "未能从表格标题识别季度，通报中写作“本季度”；可在设置中指定季度。",
      english: "The title names no quarter: the notice says “本季度” (this quarter); set the quarter in the settings.",
    });
  }
  const previousSheet = options.previousSheet ?? office.previousSheet;
  const comparison = compareWithPrevious(workbook, table, tasks, { previous: options.previous, previousSheet, statusWords: office.statusWords });
  if (comparison) issues.push(...unmatchedIssues(comparison, table, tasks));
  const departments = departmentView(tasks, { decimals: settings.decimals, rules: office.lightRules, previousTasks: comparison?.previousTasks ?? null });
  return {
    table,
    tasks,
    issues,
    statistics: computeStatistics(tasks, settings.decimals),
    period: table.period,
    settings,
    placeSource,
    wording: office.wording,
    lightRules: office.lightRules,
    departments,
    comparison,
  };
}

/** Analysis, notice and the plans for the notice sheet and the highlights. */
export function prepareNotice(workbook: WorkbookGrid, options: RunOptions): NoticeJob {
  const analysis = analyse(workbook, options);
  const notice = composeNotice(analysis, options);
  return {
    analysis,
    notice,
    noticeSheet: planNoticeSheet(notice),
    departmentSheet: planDepartmentSheet(analysis),
    highlight: planHighlight(analysis.table, analysis.tasks),
  };
}

/** The sheets the tool writes for a job, in the order they stand in the workbook: the notice, then the departments. */
export function toolSheets(job: NoticeJob): SheetPlan[] {
  return [job.noticeSheet, job.departmentSheet];
}

/**
 * The notice (with its 督办单) of an analysis, refused as prepareNotice
 * refuses it: no countable task, or statuses missing without a draft asked
 * for. What the Word document and the letters are made from.
 */
export function composeNotice(analysis: Analysis, options: Pick<RunOptions, "today" | "draft">): NoticeModel {
  const { table, tasks, statistics } = analysis;
  const unclassified = tasks.filter((t) => t.category === null);
  if (statistics.total === 0) {
    const rows = tasks.length === 0 ? "没有任务行" : `${tasks.length} 行任务的完成状态都为空或无法识别`;
    throw new InputError(`工作表“${table.sheet}”中没有可统计的任务（${rows}），无法生成通报；请先按检查结果补全完成状态。`);
  }
  if (unclassified.length > 0 && !options.draft) {
    const first = [...unclassified].sort((a, b) => a.row - b.row)[0]!;
    throw new IncompleteStatusError(unclassified.length, `${first.label} ${qualifiedAddress(table.sheet, cellAddress(first.row, table.mapping.status!))}`);
  }
  return buildNotice({ ...analysis, today: options.today, unclassified: unclassified.length }, analysis.wording);
}

/** The machine-readable summary of a job (the CLI's `--json`). */
export interface JobSummary {
  readonly sheet: string;
  readonly period: PeriodChoice;
  /** Field → column letter, for every column used. */
  readonly columns: Partial<Record<Field, string>>;
  readonly government: { readonly name: string; readonly source: PlaceSource };
  /** Task rows read; `total` counts those with a usable status. */
  readonly taskRows: number;
  readonly total: number;
  /** Tasks left out of the counts (only in a draft). */
  readonly unclassified: number;
  readonly draft: boolean;
  readonly counts: Record<Category, number>;
  readonly percentages: Record<Category, string>;
  /** Task ids: every task read, and those of each section of the notice. */
  readonly tasks: { readonly all: string[]; readonly missed: string[]; readonly suspended: string[]; readonly pending: string[] };
  readonly issues: { readonly code: string; readonly severity: string; readonly cell: string | null; readonly message: string }[];
  readonly noticeSheet: string;
  readonly departmentSheet: string;
  /** The department view in rank order. */
  readonly departments: { readonly name: string; readonly total: number; readonly counts: Record<Category, number>; readonly share: string; readonly light: string; readonly rank: number; readonly missedChange: number | null }[];
  /** Against the previous quarter; null when it is not at hand. */
  readonly comparison: {
    readonly previous: { readonly year: number | null; readonly quarter: number | null; readonly source: string; readonly sheet: string };
    readonly stillMissed: readonly string[];
    readonly newlyMissed: readonly string[];
    readonly resolved: readonly string[];
    readonly newlySuspended: readonly string[];
    readonly unmatched: readonly string[];
  } | null;
}

export function summarise(job: NoticeJob): JobSummary {
  const { analysis } = job;
  const ids = (c: Category) => analysis.tasks.filter((t) => t.category === c).map((t) => t.id);
  const unclassified = analysis.tasks.filter((t) => t.category === null).length;
  return {
    sheet: analysis.table.sheet,
    period: { ...analysis.period },
    columns: Object.fromEntries(Object.entries(analysis.table.mapping).map(([f, c]) => [f, columnLetter(c)])),
    government: { name: analysis.settings.government, source: analysis.placeSource },
    taskRows: analysis.tasks.length,
    total: analysis.statistics.total,
    unclassified,
    draft: unclassified > 0,
    counts: { ...analysis.statistics.counts },
    percentages: Object.fromEntries(CATEGORIES.map((c) => [c, analysis.statistics.percentages[c]])) as Record<Category, string>,
    tasks: { all: analysis.tasks.map((t) => t.id), missed: ids("missed"), suspended: ids("suspended"), pending: ids("pending") },
    issues: analysis.issues.map((i) => ({ code: i.code, severity: i.severity, cell: i.cell, message: i.message })),
    noticeSheet: job.noticeSheet.name,
    departmentSheet: job.departmentSheet.name,
    departments: analysis.departments.map((d) => ({ ...d, counts: { ...d.counts } })),
    comparison: comparisonSummary(analysis.comparison),
  };
}

function comparisonSummary(c: Comparison | null): JobSummary["comparison"] {
  if (c === null) return null;
  const { stillMissed, newlyMissed, resolved, newlySuspended, unmatched } = c;
  return { previous: { ...c.previous }, stillMissed, newlyMissed, resolved, newlySuspended, unmatched };
}
