/**
 * One wording of each result an operation ends in — the notice written
 * (and whether warnings remain), the draft, the check, marks set or cleared,
 * nothing to mark, Excel too old, a protected sheet — shared by the task
 * pane, the ribbon's result dialog and the command line's report, in
 * Simplified Chinese and English. Facts in, sentences out.
 *
 * Chinese text carries no Western spaces (`共99项任务`, `第3、4行`).
 */
import { LIGHT_WORDS } from "./departments";
import { CATEGORY_ENGLISH, CATEGORY_LABELS } from "./labels";
import { CATEGORIES, type Light, type Severity, type Statistics } from "./types";

export type Locale = "zh-CN" | "en-US";

/**
 * Office's display language → the locale: any Chinese → zh-CN, any other
 * known language → en-US, nothing known → zh-CN (the product's own).
 */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  const lang = (displayLanguage ?? "").trim().toLowerCase();
  if (lang === "") return "zh-CN";
  if (lang === "zh" || lang.startsWith("zh-") || lang.startsWith("zh_")) return "zh-CN";
  return "en-US";
}

/** The problems a check left, by severity. */
export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function problemCounts(issues: readonly { readonly severity: Severity }[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `1个错误、2个警告` / `1 error and 2 warnings`; empty when there are none. */
function problemsText(p: ProblemCounts, locale: Locale): string {
  if (locale === "en-US") {
    const parts = [p.errors > 0 ? plural(p.errors, "error") : "", p.warnings > 0 ? plural(p.warnings, "warning") : ""].filter((x) => x !== "");
    return parts.join(" and ");
  }
  return [p.errors > 0 ? `${p.errors}个错误` : "", p.warnings > 0 ? `${p.warnings}个警告` : ""].filter((x) => x !== "").join("、");
}

/** `已生成`, or `已生成，仍有1个警告` when the check left errors or warnings (notes do not count). */
export function generatedHeadline(problems: ProblemCounts, locale: Locale = "zh-CN"): string {
  const left = problemsText(problems, locale);
  if (locale === "en-US") {
    if (left === "") return "Written";
    return `Written; ${left} ${problems.errors + problems.warnings === 1 ? "remains" : "remain"}`;
  }
  return left === "" ? "已生成" : `已生成，仍有${left}`;
}

/** The notice a run wrote. */
export interface NoticeFacts {
  /** The notice sheet. */
  readonly sheet: string;
  /** Task rows read. */
  readonly tasks: number;
  readonly missed: number;
  /** Tasks left out of the counts (status empty or not recognised): only in a draft. */
  readonly uncounted: number;
  /** The file written (the command line); absent in the open workbook. */
  readonly file?: string;
}

function uncountedText(n: number, locale: Locale): string {
  if (n <= 0) return "";
  if (locale === "en-US") {
    return n === 1
      ? " 1 task has an empty or unrecognised status and is not counted; fill it in and write the notice again."
      : ` ${n} tasks have an empty or unrecognised status and are not counted; fill them in and write the notice again.`;
  }
  return `${n}项任务的完成状态为空或无法识别，未计入统计；补填后请重新生成。`;
}

/** `已写入工作表“三季度督查通报”：共99项任务，标记未完成8项。` (a draft says what it leaves out). */
export function noticeWritten(facts: NoticeFacts, locale: Locale = "zh-CN"): string {
  const { sheet, tasks, missed, uncounted, file } = facts;
  if (locale === "en-US") {
    const where = file === undefined ? `Sheet “${sheet}” written` : `Written to ${file}, sheet “${sheet}”`;
    return `${where}${uncounted > 0 ? " as a draft" : ""}: ${plural(tasks, "task")}, ${missed} marked as missed.${uncountedText(uncounted, locale)}`;
  }
  const where = file === undefined ? `已写入工作表“${sheet}”` : `已写入 ${file}：工作表“${sheet}”`;
  return `${where}${uncounted > 0 ? "（草稿）" : ""}：共${tasks}项任务，标记未完成${missed}项。${uncountedText(uncounted, locale)}`;
}

const LIGHTS: readonly Light[] = ["red", "yellow", "green"];

/** `部门情况：24个牵头部门，红灯6个、黄灯0个、绿灯18个，已写入工作表“三季度部门情况”。` */
export function departmentsWritten(sheet: string, departments: readonly { readonly light: Light }[], locale: Locale = "zh-CN"): string {
  const count = (l: Light) => departments.filter((d) => d.light === l).length;
  if (locale === "en-US") {
    const lights = LIGHTS.map((l) => `${count(l)} ${l}`).join(", ");
    return `Departments: ${plural(departments.length, "lead department")} (${lights}), written to sheet “${sheet}”.`;
  }
  const lights = LIGHTS.map((l) => `${LIGHT_WORDS[l]}灯${count(l)}个`).join("、");
  return `部门情况：${departments.length}个牵头部门，${lights}，已写入工作表“${sheet}”。`;
}

/** The title of a written notice: `督查通报已生成，仍有1个警告`, `督查通报草稿已生成`. */
export function noticeTitle(problems: ProblemCounts, draft: boolean, locale: Locale = "zh-CN"): string {
  if (locale === "en-US") return draft ? "Draft notice written" : `Notice ${generatedHeadline(problems, locale).replace(/^Written/, "written")}`;
  return draft ? "督查通报草稿已生成" : `督查通报${generatedHeadline(problems, locale)}`;
}

/** `已检查：共20项任务，发现3个问题。` */
export function checked(tasks: number, issues: number, uncounted: number, locale: Locale = "zh-CN"): string {
  if (locale === "en-US") {
    const left = uncounted > 0 ? ` ${uncounted === 1 ? "1 has" : `${uncounted} have`} an empty or unrecognised status and ${uncounted === 1 ? "is" : "are"} not counted.` : "";
    return `Checked ${plural(tasks, "task")}: ${issues === 0 ? "no problems" : plural(issues, "problem")}.${left}`;
  }
  const left = uncounted > 0 ? `其中${uncounted}项状态为空或无法识别，未计入统计，请查看检查结果。` : "";
  return `已检查：共${tasks}项任务，${issues === 0 ? "未发现问题" : `发现${issues}个问题`}。${left}`;
}

/**
 * Statuses are missing, so no notice (English; the Chinese is the core's own
 * refusal, IncompleteStatusError.withDraftHint). `hint` says how to ask for a
 * draft on this surface.
 */
export function incompleteStatusesEnglish(missing: number, example: string, hint: string): string {
  return `${missing} ${missing === 1 ? "task has" : "tasks have"} an empty or unrecognised status (${example}${missing > 1 ? " and others" : ""}): no notice written. Fill them in and try again, or ${hint}.`;
}

/** No task missed its target: there is nothing to mark. */
export function nothingToMark(locale: Locale = "zh-CN"): string {
  return locale === "en-US" ? "No task missed its quarterly target: nothing to mark." : "没有未完成季度目标的任务，无需标记。";
}

/** `已标记8项未完成任务。`, or nothing to mark. */
export function marked(missed: number, locale: Locale = "zh-CN"): string {
  if (missed === 0) return nothingToMark(locale);
  return locale === "en-US" ? `Marked ${plural(missed, "missed task")}.` : `已标记${missed}项未完成任务。`;
}

/** `rules`: how many rules went (one rule can mark many rows, so no count is given). */
export function cleared(rules: number, locale: Locale = "zh-CN"): string {
  if (locale === "en-US") return rules === 0 ? "There were no marks to clear." : "Removed the marks this add-in added.";
  return rules === 0 ? "没有需要清除的标记。" : "已清除本工具添加的未完成标记。";
}

/** The Excel the add-in needs (what manifest.xml asks for). */
export function excelTooOld(locale: Locale = "zh-CN"): { readonly title: string; readonly body: string } {
  return locale === "en-US"
    ? { title: "Excel is too old", body: "This add-in needs ExcelApi 1.6: Excel 2019, Excel 2021 or later, Microsoft 365 or Excel on the web. Please update Excel, or use the command line." }
    : { title: "Excel版本过低", body: "本加载项需要ExcelApi 1.6：Excel 2019、Excel 2021及更新版本，或Microsoft 365、Excel网页版。请升级Excel，或改用命令行。" };
}

/** What a protected sheet kept the run from doing. */
export type ProtectedAction = "mark" | "clear" | "settings" | "write";

const ZH_ACTIONS: Record<ProtectedAction, string> = { mark: "添加未完成标记", clear: "清除未完成标记", settings: "保存设置", write: "写入" };
const EN_ACTIONS: Record<ProtectedAction, string> = { mark: "the marks cannot be added", clear: "the marks cannot be cleared", settings: "the settings cannot be saved", write: "nothing can be written" };

/** `工作表“三季度调度表”受保护，无法添加未完成标记；请先取消保护…`; `sheet` null when Excel did not say which. */
export function sheetProtected(sheet: string | null, action: ProtectedAction, locale: Locale = "zh-CN"): string {
  if (locale === "en-US") {
    return `${sheet === null ? "The sheet" : `Sheet “${sheet}”`} is protected, so ${EN_ACTIONS[action]}: unprotect it (Review → Unprotect Sheet or Protect Workbook) and try again.`;
  }
  return `${sheet === null ? "工作表" : `工作表“${sheet}”`}受保护，无法${ZH_ACTIONS[action]}；请先取消保护（“审阅”→“撤消工作表保护”或“保护工作簿”）后再试。`;
}

/** `已完成2项（2.02%），序时推进86项（86.87%），…` */
export function categoryLine(statistics: Statistics, locale: Locale = "zh-CN"): string {
  if (locale === "en-US") return CATEGORIES.map((c) => `${CATEGORY_ENGLISH[c].toLowerCase()} ${statistics.counts[c]} (${statistics.percentages[c]}%)`).join(", ");
  return CATEGORIES.map((c) => `${CATEGORY_LABELS[c]}${statistics.counts[c]}项（${statistics.percentages[c]}%）`).join("，");
}
