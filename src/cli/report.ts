/** The command line's human-readable summary of a job. */
import { LIGHT_WORDS, categorySummary, describeAnalysis, generatedHeadline, noticeWritten, problemCounts, type Light, type NoticeJob, type OptionWording } from "../core";

const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

/** The CLI names its own options where the report says why. */
export const CLI_WORDING: OptionWording = { quarter: (q) => `按 --quarter ${q}`, government: " --government 选项" };

const LIGHTS: readonly Light[] = ["red", "yellow", "green"];

/** `部门情况：48 个牵头部门，红灯 5 个、黄灯 3 个、绿灯 40 个，已写入工作表“三季度部门情况”。` */
export function departmentLine(job: NoticeJob): string {
  const { departments } = job.analysis;
  const lights = LIGHTS.map((l) => `${LIGHT_WORDS[l]}灯 ${departments.filter((d) => d.light === l).length} 个`).join("、");
  return `部门情况：${departments.length} 个牵头部门，${lights}，已写入工作表“${job.departmentSheet.name}”。`;
}

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
  lines.push(departmentLine(job));
  return lines.join("\n") + "\n";
}
