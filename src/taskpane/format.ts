/** Pure helpers that turn the core's results into what the pane shows. */
import {
  CATEGORIES,
  cellAddress,
  columnLetter,
  isoDate,
  parseRangeAddress,
  previousYearShown,
  type Category,
  type Comparison,
  type Issue,
  type LightRule,
  type Locale,
  type Period,
  type Severity,
  type Statistics,
  type TableLocation,
  type Task,
} from "../core";
import type { Strings } from "./i18n";

/** A remark in brackets after a text: `（99项任务）`, ` (99 tasks)`. */
export function aside(text: string, locale: Locale): string {
  return locale === "zh-CN" ? `（${text}）` : ` (${text})`;
}

export interface CategoryRow {
  readonly category: Category;
  readonly label: string;
  readonly count: number;
  /** `2.02%`. */
  readonly share: string;
}

/** One row per category, in the notice's order, with the share as the core rounded it. */
export function categoryRows(statistics: Statistics, strings: Strings): CategoryRow[] {
  return CATEGORIES.map((category) => ({
    category,
    label: strings.categories[category],
    count: statistics.counts[category],
    share: `${statistics.percentages[category]}%`,
  }));
}

/** The total row's share: 100 with the statistics' decimals (0 tasks: 0). */
export function totalShare(statistics: Statistics): string {
  return `${(statistics.total === 0 ? 0 : 100).toFixed(statistics.decimals)}%`;
}

/** A department's change of its missed count: `+2`, `-1`, `0`; empty without a previous quarter. */
export function changeText(change: number | null): string {
  return change === null ? "" : change > 0 ? `+${change}` : String(change);
}

/** Every count of a department in the notice's order (`已完成1，序时推进2，…`), for its tooltip. */
export function countsText(counts: Readonly<Record<Category, number>>, strings: Strings): string {
  const sep = strings.locale === "zh-CN" ? "，" : ", ";
  return CATEGORIES.map((c) => (strings.locale === "zh-CN" ? `${strings.categories[c]}${counts[c]}` : `${strings.categories[c]} ${counts[c]}`)).join(sep);
}

/**
 * What the lights and ranks mean, from the rules in effect (the 通报设置
 * sheet can change them): `红灯：有未完成的任务；黄灯：有待确定、…的任务；绿灯：其余。排名按…`.
 */
export function lightsNote(rules: readonly LightRule[], strings: Strings): string {
  const t = strings.departments;
  const zh = strings.locale === "zh-CN";
  const lights = rules.filter((r) => r.when.length > 0).map((r) => t.lightRule(t.lights[r.light], r.when.map((c) => t.conditions[c]).join(t.conditionSeparator)));
  const all = [...lights, t.otherLight(t.lights.green)];
  return zh ? `${all.join("；")}。${t.rankRule}` : `${all.join("; ")}. ${t.rankRule}`;
}

/** Where the previous quarter's statuses came from: `取自本表二季度的列`, `取自工作表“二季度调度表”`. */
export function previousSourceText(comparison: Comparison, strings: Strings): string {
  const t = strings.comparison;
  const { previous } = comparison;
  return previous.source === "columns" ? t.fromColumns(previous.quarter) : previous.source === "sheet" ? t.fromSheet(previous.sheet) : t.fromFile(previous.sheet);
}

/**
 * The comparison in one line: against which quarter, the classes' counts,
 * tasks left unmatched, and where the previous quarter was found
 * (`与二季度相比：连续两个季度未完成2项，…（取自本表二季度的列）`).
 */
export function comparisonText(comparison: Comparison, current: Period, strings: Strings): string {
  const t = strings.comparison;
  const { previous } = comparison;
  const zh = strings.locale === "zh-CN";
  const year = previousYearShown(comparison, current);
  const counts = t.counts(comparison.stillMissed.length, comparison.newlyMissed.length, comparison.resolved.length, comparison.newlySuspended.length);
  const unmatched = comparison.unmatched.length > 0 ? (zh ? `；${t.unmatched(comparison.unmatched.length)}` : `; ${t.unmatched(comparison.unmatched.length)}`) : "";
  const source = previousSourceText(comparison, strings);
  return zh ? `${t.against(year, previous.quarter)}：${counts}${unmatched}（${source}）。` : `${t.against(year, previous.quarter)}: ${counts}${unmatched} (${source}).`;
}

/** `3、4` for header rows 2 and 3 (0-based). */
export function headerRowsText(table: TableLocation, locale: Strings["locale"]): string {
  return table.headerRows.map((r) => String(r + 1)).join(locale === "zh-CN" ? "、" : ", ");
}

/** `A5:I24`. */
export function dataRangeText(table: TableLocation): string {
  return `${cellAddress(table.firstDataRow, table.firstCol)}:${cellAddress(table.lastDataRow, table.lastCol)}`;
}

/** Where a problem is, to select it in Excel: sheet and bare address; null when it concerns no cell. */
export function issueTarget(issue: Issue): { sheet: string; address: string } | null {
  if (issue.row !== null && issue.col !== null) return { sheet: issue.sheet, address: cellAddress(issue.row, issue.col) };
  if (issue.cell) {
    const range = parseRangeAddress(issue.cell);
    if (range) return { sheet: issue.sheet, address: cellAddress(range.row, range.col) };
  }
  return null;
}

/** A task's status cell (its first column when the status column is unknown), to select it in Excel. */
export function taskTarget(task: Task, table: TableLocation): { sheet: string; address: string } {
  return { sheet: table.sheet, address: cellAddress(task.row, table.mapping.status ?? table.firstCol) };
}

/** `G18` for a problem's cell, or the sheet's name when it concerns no cell. */
export function issueLocation(issue: Issue): string {
  return issueTarget(issue)?.address ?? issue.sheet;
}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export function severityCounts(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** Problems with the most severe first; the core's order (sheet order) within a severity. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.issue.severity) - SEVERITY_ORDER.indexOf(b.issue.severity) || a.i - b.i)
    .map((x) => x.issue);
}

/** Column letters A… up to the table's last column (at least `min` columns), for the mapping editor. */
export function columnLetters(lastCol: number, min = 1): string[] {
  const count = Math.max(lastCol + 1, min);
  return Array.from({ length: count }, (_, i) => columnLetter(i));
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}
