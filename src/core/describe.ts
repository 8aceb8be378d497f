/**
 * What the reader decided, in words for a person: which sheet, which period
 * and why, which column holds each field, whose name the title carries.
 * The CLI's report and the pane's detection show these lines.
 */
import { FIELD_LABELS } from "./columns";
import { previousSourceWords, previousYearShown } from "./comparison";
import { cellAddress, columnLetter } from "./grid";
import { quarterName } from "./notice/model";
import type { PeriodChoice } from "./period";
import type { Analysis } from "./pipeline";
import { FIELDS, type Comparison, type Period } from "./types";

/** How each surface names its options: the CLI `按 --quarter 3`, the pane `按设置`. */
export interface OptionWording {
  readonly quarter: (quarter: number) => string;
  /** Where the government's name is given: `--government`, `设置`. */
  readonly government: string;
}

export const SETTING_WORDING: OptionWording = { quarter: () => "按设置", government: "设置" };

function periodReason(period: PeriodChoice, option: OptionWording): string {
  switch (period.source) {
    case "option":
      return option.quarter(period.quarter!);
    case "title":
      return "按表格标题或工作表名";
    case "latest":
      return "台账中最近填有状态的季度";
    case "columns":
      return "按列名";
    case "none":
      return "";
  }
}

/**
 * `对比：二季度（同表二季度列），连续两个季度未完成 2 项，新增未完成 1 项，…`,
 * or that no previous quarter was found.
 */
export function describeComparison(comparison: Comparison | null, period: Period): string {
  if (comparison === null) return "对比：未找到上季度的完成状态（同表上季度列、上季度工作表），不作季度对比";
  const { previous } = comparison;
  const shown = previousYearShown(comparison, period);
  const year = shown === null ? "" : `${shown}年`;
  const name = previous.quarter === null ? "上季度" : `${year}${quarterName(previous.quarter)}`;
  const counts = [
    `连续两个季度未完成 ${comparison.stillMissed.length} 项`,
    `新增未完成 ${comparison.newlyMissed.length} 项`,
    `上季度未完成、本季度已完成或序时推进 ${comparison.resolved.length} 项`,
    `新增暂不实施 ${comparison.newlySuspended.length} 项`,
  ];
  if (comparison.unmatched.length > 0) counts.push(`未能对应 ${comparison.unmatched.length} 项`);
  return `对比：${name}（${previousSourceWords(comparison)}），${counts.join("，")}`;
}

/** `季度：三季度（按 --quarter 3）`, `完成状态：三季度状态（I列，按 --quarter 3）`, … */
export function describeAnalysis(analysis: Analysis, option: OptionWording = SETTING_WORDING): string[] {
  const { table, period, settings, placeSource } = analysis;
  const reason = periodReason(period, option);
  const headerRows = table.headerRows.map((r) => r + 1).join("、");
  const lines = [
    `调度表：工作表“${table.sheet}”，表头第${headerRows}行，数据${cellAddress(table.firstDataRow, table.firstCol)}:${cellAddress(table.lastDataRow, table.lastCol)}`,
    period.quarter === null
      ? "季度：未能识别，通报中写作“本季度”"
      : `季度：${period.year === null ? "" : `${period.year}年`}${quarterName(period.quarter)}（${reason}）`,
  ];
  for (const field of FIELDS) {
    const col = table.mapping[field];
    if (col === undefined) continue;
    const column = table.columns.find((c) => c.col === col);
    const notes = [`${columnLetter(col)}列`];
    if (column && column.period !== null && column.period === period.quarter && reason !== "") notes.push(reason);
    if (column?.hidden) notes.push("隐藏列");
    const label = table.headerLabels[field] || FIELD_LABELS[field];
    lines.push(`${FIELD_LABELS[field]}：${label}（${notes.join("，")}）`);
  }
  const skipped = table.columns.filter((c) => c.fields.length > 0 && !Object.values(table.mapping).includes(c.col));
  if (skipped.length > 0) lines.push(`未采用：${skipped.map((c) => `${c.label}（${columnLetter(c.col)}列${c.hidden ? "，隐藏" : ""}）`).join("、")}`);
  lines.push(describeComparison(analysis.comparison, period));
  lines.push(
    placeSource === "default"
      ? `政府名称：标题使用通用的“${settings.government}”（表格标题中未写地名，可在${option.government}中填写）`
      : `政府名称：${settings.government}（${placeSource === "title" ? "取自表格标题" : `按${option.government}`}）`,
  );
  return lines;
}
