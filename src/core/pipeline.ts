/**
 * The whole job on a workbook's grid: find the table, read and check the
 * tasks, count them, word the notice and plan what to write. Hosts call
 * this and apply the plans; nothing here touches a workbook.
 */
import { InputError } from "./errors";
import type { WorkbookGrid } from "./grid";
import { planHighlight } from "./layout/highlight";
import { planNoticeSheet } from "./layout/notice-sheet";
import { buildNotice, type NoticeModel } from "./notice/model";
import type { HighlightPlan, SheetPlan } from "./plan";
import { detectPeriod, normaliseSettings, type NoticeSettings } from "./settings";
import { computeStatistics } from "./statistics";
import { findTable, findTableInSheet } from "./table";
import { compareTasks, readTasks } from "./tasks";
import { checkTasks } from "./check";
import { CATEGORIES, type Category, type ColumnMapping, type Issue, type Period, type Statistics, type TableLocation, type Task } from "./types";

export interface RunOptions {
  /** Use this sheet instead of finding the tracking sheet. */
  readonly sheet?: string;
  /** Column overrides: field → 0-based column. */
  readonly mapping?: ColumnMapping;
  readonly settings?: Partial<NoticeSettings>;
  /** `YYYY-MM-DD` of the run (the notice date when the settings give none). */
  readonly today: string;
}

export interface Analysis {
  readonly table: TableLocation;
  /** In task order. */
  readonly tasks: readonly Task[];
  readonly issues: readonly Issue[];
  readonly statistics: Statistics;
  readonly period: Period;
  readonly settings: NoticeSettings;
}

export interface NoticeJob {
  readonly analysis: Analysis;
  readonly notice: NoticeModel;
  readonly noticeSheet: SheetPlan;
  readonly highlight: HighlightPlan;
}

function sheetList(workbook: WorkbookGrid): string {
  return workbook.sheets.map((s) => `“${s.name}”`).join("、") || "（无）";
}

/** Finds the table (or fails with a Chinese message naming the sheet). */
export function locateTable(workbook: WorkbookGrid, options: Pick<RunOptions, "sheet" | "mapping"> = {}): TableLocation {
  const needs = "需要一行表头，至少包含“完成状态”列和“序号”或“重点工作任务”列";
  if (options.sheet !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === options.sheet);
    if (!sheet) throw new InputError(`找不到工作表“${options.sheet}”；工作簿中的工作表有：${sheetList(workbook)}。`);
    const table = findTableInSheet(sheet, options.mapping);
    if (!table) throw new InputError(`工作表“${options.sheet}”中找不到调度表：${needs}。`);
    return table;
  }
  const table = findTable(workbook, options.mapping);
  if (!table) throw new InputError(`工作簿中找不到调度表（已查看 ${sheetList(workbook)}）：${needs}。`);
  return table;
}

/** Reads, checks and counts the tasks of the tracking table. */
export function analyse(workbook: WorkbookGrid, options: RunOptions): Analysis {
  const table = locateTable(workbook, options);
  const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
  const read = readTasks(sheet, table);
  const tasks = [...read.tasks].sort(compareTasks);
  const settings = normaliseSettings(options.settings);
  const period = detectPeriod(settings, [table.title, table.sheet, ...Object.values(table.headerLabels)]);
  const issues = checkTasks(table, read);
  if (period.quarter === null) {
    issues.push({
      code: "unknown-period",
      severity: "info",
      cell: null,
      sheet: table.sheet,
      row: null,
      col: null,
      message: "未能从表格标题识别季度，通报中写作“本季度”；可在设置中指定季度。",
    });
  }
  return { table, tasks, issues, statistics: computeStatistics(tasks, settings.decimals), period, settings };
}

/** Analysis, notice and the plans for the notice sheet and the highlights. */
export function prepareNotice(workbook: WorkbookGrid, options: RunOptions): NoticeJob {
  const analysis = analyse(workbook, options);
  if (analysis.statistics.total === 0) {
    const { table, tasks } = analysis;
    const rows = tasks.length === 0 ? "没有任务行" : `${tasks.length} 行任务的完成状态都为空或无法识别`;
    throw new InputError(`工作表“${table.sheet}”中没有可统计的任务（${rows}），无法生成通报；请先按检查结果补全完成状态。`);
  }
  const notice = buildNotice({ ...analysis, today: options.today });
  return {
    analysis,
    notice,
    noticeSheet: planNoticeSheet(notice),
    highlight: planHighlight(analysis.table, analysis.tasks),
  };
}

/** The machine-readable summary of a job (the CLI's `--json`). */
export interface JobSummary {
  readonly sheet: string;
  readonly total: number;
  readonly counts: Record<Category, number>;
  readonly percentages: Record<Category, string>;
  readonly tasks: { readonly missed: string[]; readonly suspended: string[]; readonly pending: string[] };
  readonly issues: { readonly severity: string; readonly cell: string | null; readonly message: string }[];
  readonly noticeSheet: string;
}

export function summarise(job: NoticeJob): JobSummary {
  const { analysis } = job;
  const ids = (c: Category) => analysis.tasks.filter((t) => t.category === c).map((t) => t.id);
  return {
    sheet: analysis.table.sheet,
    total: analysis.statistics.total,
    counts: { ...analysis.statistics.counts },
    percentages: Object.fromEntries(CATEGORIES.map((c) => [c, analysis.statistics.percentages[c]])) as Record<Category, string>,
    tasks: { missed: ids("missed"), suspended: ids("suspended"), pending: ids("pending") },
    issues: analysis.issues.map((i) => ({ severity: i.severity, cell: i.cell, message: i.message })),
    noticeSheet: job.noticeSheet.name,
  };
}
