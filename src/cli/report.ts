/** The command line's human-readable summary of a job. */
import { categorySummary, cellAddress, type NoticeJob } from "../core";

const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

export function humanReport(job: NoticeJob, output: string): string {
  const { table, statistics, issues, tasks } = job.analysis;
  const headerRows = table.headerRows.map((r) => r + 1).join("、");
  const lines = [
    `调度表：工作表“${table.sheet}”，表头第 ${headerRows} 行，数据 ${cellAddress(table.firstDataRow, table.firstCol)}:${cellAddress(table.lastDataRow, table.lastCol)}`,
    `任务 ${statistics.total} 项：${categorySummary(statistics)}`,
  ];
  const missed = tasks.filter((t) => t.category === "missed").map((t) => t.label);
  if (missed.length > 0) lines.push(`未完成：${missed.join("、")}`);
  if (issues.length === 0) lines.push("检查：未发现问题");
  else {
    lines.push(`检查：发现 ${issues.length} 个问题`);
    for (const i of issues) lines.push(`  [${SEVERITY_LABELS[i.severity]}] ${i.cell ?? i.sheet}  ${i.message}`);
  }
  lines.push(`已写入 ${output}：工作表“${job.noticeSheet.name}”，标记未完成任务 ${missed.length} 项。`);
  return lines.join("\n") + "\n";
}
