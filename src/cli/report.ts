/** The command line's human-readable summary of a job. */
import { categorySummary, departmentsWritten, describeAnalysis, generatedHeadline, noticeWritten, problemCounts, type NoticeJob, type OptionWording } from "../core";

const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

/** The CLI names its own options where the report says why. */
export const CLI_WORDING: OptionWording = { quarter: (q) => `按 --quarter ${q}`, government: " --government 选项" };

export function humanReport(job: NoticeJob, output: string): string {
  const { statistics, issues, tasks } = job.analysis;
  const lines = [...describeAnalysis(job.analysis, CLI_WORDING), `任务 ${statistics.total} 项：${categorySummary(statistics)}`];
  const unclassified = tasks.filter((t) => t.category === null).length;
  if (unclassified > 0) lines.push(`草稿：${unclassified} 项任务的完成状态为空或无法识别，未计入统计；通报标题标为“（草稿）”。`);
  const missed = tasks.filter((t) => t.category === "missed").map((t) => t.label);
  if (missed.length > 0) lines.push(`未完成：${missed.join("、")}`);
  if (issues.length === 0) lines.push("检查：未发现问题");
  else {
    lines.push(`检查：发现 ${issues.length} 个问题`);
    for (const i of issues) lines.push(`  [${SEVERITY_LABELS[i.severity]}] ${i.cell ?? i.sheet}  ${i.message}`);
  }
  // The shared wording of the result (src/core/results.ts); the draft line above already says what a draft leaves out.
  lines.push(generatedHeadline(problemCounts(issues)));
  lines.push(noticeWritten({ sheet: job.noticeSheet.name, tasks: tasks.length, missed: missed.length, uncounted: 0, file: output }));
  lines.push(departmentsWritten(job.departmentSheet.name, job.analysis.departments));
  return lines.join("\n") + "\n";
}
