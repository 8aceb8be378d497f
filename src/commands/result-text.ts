/** What the ribbon command tells the user: the result of a run, or what blocked it, in the shared wording (src/core/results.ts). Pure. */
import { categoryLine, departmentsWritten, incompleteStatusesEnglish, noticeTitle, noticeWritten, nothingToMark, problemCounts, type IncompleteStatusError, type Locale, type NoticeJob } from "../core";
import type { CommandResult } from "./result-query";

/**
 * The notice is written. A warning when the check left errors or warnings
 * or tasks were left out of the counts. The list of missed tasks, the
 * longest line, comes last: the dialog's URL shortens the last lines first.
 */
export function successResult(job: NoticeJob, locale: Locale = "zh-CN"): CommandResult {
  const { statistics, tasks, issues } = job.analysis;
  const missed = tasks.filter((t) => t.category === "missed").map((t) => t.label);
  const uncounted = tasks.length - statistics.total;
  const problems = problemCounts(issues);
  const en = locale === "en-US";
  const lines = [noticeWritten({ sheet: job.noticeSheet.name, tasks: tasks.length, missed: missed.length, uncounted }, locale), `${categoryLine(statistics, locale)}${en ? "." : "。"}`,
    departmentsWritten(job.departmentSheet.name, job.analysis.departments, locale),
  ];
  if (problems.errors + problems.warnings > 0) lines.push(en ? "Open the task pane to see the check results." : "请打开“督查通报助手”任务窗格查看检查结果。");
  if (missed.length === 0) lines.push(nothingToMark(locale));
  else lines.push(en ? `Missed: ${missed.join(", ")}.` : `已标记未完成任务${missed.length}项：${missed.join("、")}。`);
  const warning = uncounted > 0 || problems.errors + problems.warnings > 0;
  return { kind: warning ? "warning" : "success", title: noticeTitle(problems, uncounted > 0, locale), lines, ...(en ? { lang: locale } : {}) };
}

export function failureResult(message: string, locale: Locale = "zh-CN"): CommandResult {
  const en = locale === "en-US";
  return { kind: "error", title: en ? "Notice not written" : "未能生成督查通报", lines: [message], ...(en ? { lang: locale } : {}) };
}

/** Statuses are missing: the counts would be wrong, so no notice; the dialog offers the draft. */
export function incompleteResult(error: IncompleteStatusError, locale: Locale = "zh-CN"): CommandResult {
  const en = locale === "en-US";
  const line = en ? incompleteStatusesEnglish(error.missing, error.example, "choose “Write a draft” below") : error.withDraftHint("点击下方“生成草稿”生成草稿");
  return { ...failureResult(line, locale), offer: "draft" };
}
