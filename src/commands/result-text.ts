/** What the ribbon command tells the user: the result of a run, or what blocked it. Pure. */
import { categorySummary, type IncompleteStatusError, type NoticeJob } from "../core";
import type { CommandResult } from "./result-query";

/**
 * The notice is written. A warning when tasks were left out of the counts
 * (status empty or not recognised). The list of missed tasks, the longest
 * line, comes last: the dialog's URL shortens the last lines first.
 */
export function successResult(job: NoticeJob): CommandResult {
  const { statistics, tasks, issues, table } = job.analysis;
  const missed = tasks.filter((t) => t.category === "missed").map((t) => t.label);
  const uncounted = tasks.length - statistics.total;
  const lines = [
    `已在工作表“${job.noticeSheet.name}”生成督查通报（依据工作表“${table.sheet}”）。`,
    uncounted > 0
      ? `共 ${tasks.length} 项任务，其中 ${uncounted} 项状态为空或无法识别，未计入统计；其余 ${statistics.total} 项：${categorySummary(statistics)}。`
      : `共 ${statistics.total} 项任务：${categorySummary(statistics)}。`,
  ];
  if (issues.length > 0) {
    const errors = issues.filter((i) => i.severity === "error").length;
    lines.push(`检查发现 ${issues.length} 个问题${errors > 0 ? `（其中错误 ${errors} 个）` : ""}，请打开“督查通报助手”任务窗格查看检查结果。`);
  }
  lines.push(missed.length > 0 ? `已标记未完成任务 ${missed.length} 项：${missed.join("、")}。` : "没有未完成季度目标的任务。");
  return { kind: uncounted > 0 ? "warning" : "success", title: uncounted > 0 ? "督查通报草稿已生成" : "督查通报已生成", lines };
}

export function failureResult(message: string): CommandResult {
  return { kind: "error", title: "未能生成督查通报", lines: [message] };
}

/** Statuses are missing: the counts would be wrong, so no notice; the dialog offers the draft. */
export function incompleteResult(error: IncompleteStatusError): CommandResult {
  return { kind: "error", title: "未能生成督查通报", lines: [error.withDraftHint("点击下方“生成草稿”生成草稿")], offer: "draft" };
}
