/**
 * The pane's words in Simplified Chinese (first) and English, chosen by
 * Office's display language. Messages that come from the core or the host
 * (issues, describeError) are Chinese in both: they name sheets and cells
 * in the office's own language.
 */
import { FIELD_LABELS, type Category, type Field, type PeriodSource, type PlaceSource, type Severity } from "../core";
import type { ProgressStep } from "../hosts/officejs";
import { CATEGORY_LABELS } from "../core";

export type Locale = "zh-CN" | "en-US";

/**
 * zh-* (any Chinese) → zh-CN; any other known language → en-US; nothing
 * known → zh-CN, the product's own language.
 */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  const lang = (displayLanguage ?? "").trim().toLowerCase();
  if (lang === "") return "zh-CN";
  if (lang === "zh" || lang.startsWith("zh-") || lang.startsWith("zh_")) return "zh-CN";
  return "en-US";
}

/** The display language Office reports, or null outside Office. */
export function officeDisplayLanguage(): string | null {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const lang = office?.context?.displayLanguage;
    return typeof lang === "string" ? lang : null;
  } catch {
    return null;
  }
}

/** The pane's operations; `draft` is offered only when statuses are missing. */
export type ActionKind = "check" | "highlight" | "clear" | "generate" | "draft";

export interface Strings {
  readonly locale: Locale;
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly notInExcel: string;
  readonly actions: Readonly<Record<ActionKind, string>>;
  readonly actionHints: Readonly<Record<ActionKind, string>>;
  readonly actionsLabel: string;
  /** Ends the core's refusal when statuses are missing: how to ask for a draft here. */
  readonly draftHint: string;
  readonly steps: Readonly<Record<ProgressStep, string>>;
  readonly busy: string;
  readonly categories: Readonly<Record<Category, string>>;
  /** Short column headings for the per-department table. */
  readonly categoriesShort: Readonly<Record<Category, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly fields: Readonly<Record<Field, string>>;
  readonly sections: {
    readonly detection: string;
    readonly mapping: string;
    readonly issues: string;
    readonly statistics: string;
    readonly settings: string;
  };
  readonly detection: {
    readonly sheet: string;
    readonly headerRows: (rows: string) => string;
    readonly headerRowsLabel: string;
    readonly dataRange: string;
    /** `counted`: the tasks in the statistics (the others have an empty or unknown status). */
    readonly tasks: (n: number, counted: number) => string;
    readonly period: string;
    readonly periodText: (year: number | null, quarter: number | null) => string;
    /** Why this period: the core's PeriodChoice source. */
    readonly periodSources: Readonly<Record<PeriodSource, string>>;
    readonly columnsCaption: string;
    readonly hiddenColumn: string;
    readonly government: string;
    readonly governmentText: (name: string, source: PlaceSource) => string;
    readonly chooseSheet: string;
    readonly autoSheet: string;
    readonly notFound: string;
  };
  readonly mapping: {
    readonly intro: string;
    readonly auto: (letter: string | null) => string;
    /** The auto choice when a saved override hides what detection would find. */
    readonly autoPlain: string;
    readonly notFound: string;
    readonly apply: string;
    readonly reset: string;
    readonly duplicate: (fields: string, letter: string) => string;
    readonly overridden: string;
  };
  readonly issues: {
    readonly none: string;
    readonly summary: (counts: Readonly<Record<Severity, number>>) => string;
    readonly goTo: (cell: string) => string;
    readonly listLabel: string;
  };
  readonly statistics: {
    readonly category: string;
    readonly count: string;
    readonly share: string;
    readonly total: string;
    readonly byDepartment: string;
    readonly department: string;
    readonly departmentTotal: string;
    readonly empty: string;
    readonly categoryTable: string;
  };
  readonly settings: {
    readonly government: string;
    readonly office: string;
    readonly issuer: string;
    readonly year: string;
    readonly yearHint: string;
    readonly quarter: string;
    readonly quarterAuto: string;
    readonly quarterNames: readonly string[];
    readonly date: string;
    readonly dateHint: string;
    readonly decimals: string;
    readonly summary: string;
    readonly summaryHint: string;
    readonly save: string;
    readonly saved: string;
    readonly invalidYear: string;
    readonly invalidDate: string;
    readonly unsaved: string;
  };
  readonly results: {
    /** `tasks`: every task read; `uncounted`: those left out of the counts (status empty or not recognised). */
    readonly checked: (tasks: number, issues: number, uncounted: number) => string;
    readonly highlighted: (missed: number) => string;
    /** `rules` is how many rules went; one rule can mark many rows, so the text gives no count. */
    readonly cleared: (rules: number) => string;
    readonly generated: (sheet: string, tasks: number, missed: number, uncounted: number) => string;
    readonly drafted: (sheet: string, uncounted: number) => string;
    readonly preferencesSaved: string;
  };
  readonly tooOld: { readonly title: string; readonly body: string };
  readonly errorTitle: string;
  readonly dismiss: string;
}

const ZH_SHORT: Record<Category, string> = { completed: "已完成", onTrack: "序时", missed: "未完成", suspended: "暂缓", pending: "待定" };
const EN_FIELDS: Record<Field, string> = {
  number: "No.",
  task: "Task",
  lead: "Lead department",
  support: "Supporting units",
  leadOfficial: "Lead official",
  annualTarget: "Annual target",
  quarterTarget: "Quarterly target",
  deadline: "Deadline",
  progress: "Progress",
  status: "Status",
  reason: "Reason not met",
  nextSteps: "Next steps",
  contact: "Contact",
};
const ZH_QUARTERS = ["一季度", "二季度", "三季度", "四季度"];

/** The sentence added to a result when tasks were left out of the counts. */
function zhUncounted(n: number): string {
  return n > 0 ? `其中 ${n} 项状态为空或无法识别，未计入统计，请查看检查结果。` : "";
}

function enUncounted(n: number): string {
  if (n <= 0) return "";
  return n === 1
    ? " Of these, 1 has an empty or unrecognised status and is not counted: see the check results."
    : ` Of these, ${n} have an empty or unrecognised status and are not counted: see the check results.`;
}

export const ZH_CN: Strings = {
  locale: "zh-CN",
  appTitle: "督查通报助手",
  appSubtitle: "检查调度表 · 标记未完成 · 生成督查通报",
  notInExcel: "请在 Excel 中打开本加载项。",
  actions: { check: "检查", highlight: "标记未完成", clear: "清除标记", generate: "生成通报", draft: "生成草稿" },
  actionHints: {
    check: "重新读取并检查调度表",
    highlight: "用条件格式标出未完成季度目标的任务，不改动原有内容",
    clear: "移除本工具添加的未完成标记",
    generate: "检查、标记未完成任务，并写入督查通报工作表",
    draft: "完成状态未填全时仍生成通报，标题标为“（草稿）”，并注明未计入的任务数",
  },
  actionsLabel: "操作",
  draftHint: "点击“生成草稿”生成草稿",
  steps: {
    reading: "正在读取工作簿…",
    checking: "正在检查调度表…",
    highlighting: "正在标记未完成任务…",
    writing: "正在写入督查通报…",
    done: "已完成",
  },
  busy: "正在处理…",
  categories: CATEGORY_LABELS,
  categoriesShort: ZH_SHORT,
  severities: { error: "错误", warning: "警告", info: "提示" },
  fields: FIELD_LABELS,
  sections: { detection: "调度表", mapping: "列对应", issues: "检查结果", statistics: "统计", settings: "通报设置" },
  detection: {
    sheet: "工作表",
    headerRows: (rows) => `第 ${rows} 行`,
    headerRowsLabel: "表头",
    dataRange: "数据区域",
    tasks: (n, counted) => (n === counted ? `${n} 项任务` : `${n} 项任务，${counted} 项计入统计`),
    period: "期间",
    periodText: (year, quarter) => `${year === null ? "年度未识别" : `${year}年`}${quarter === null ? "，季度未识别" : ZH_QUARTERS[quarter - 1]}`,
    periodSources: { option: "按设置", title: "取自标题或工作表名", latest: "台账中最近填有状态的季度", columns: "取自列名", none: "未能识别" },
    columnsCaption: "各字段读取的列",
    hiddenColumn: "（隐藏列）",
    government: "政府名称",
    governmentText: (name, source) => (source === "default" ? `标题中未写地名，使用通用的“${name}”，可在设置中填写` : `${name}（${source === "title" ? "取自表格标题" : "按设置"}）`),
    chooseSheet: "调度表所在工作表",
    autoSheet: "自动查找",
    notFound: "尚未找到调度表。",
  },
  mapping: {
    intro: "如列识别有误，可为字段指定列字母，应用后保存在工作簿中。",
    auto: (letter) => (letter ? `自动（${letter}）` : "自动（未找到）"),
    autoPlain: "自动识别",
    notFound: "未找到",
    apply: "应用",
    reset: "全部恢复自动",
    duplicate: (fields, letter) => `${fields} 都对应 ${letter} 列。`,
    overridden: "已手动指定",
  },
  issues: {
    none: "未发现问题。",
    summary: (c) => `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`,
    goTo: (cell) => `转到 ${cell}`,
    listLabel: "检查发现的问题",
  },
  statistics: {
    category: "类别",
    count: "项数",
    share: "占比",
    total: "合计",
    byDepartment: "按牵头部门",
    department: "牵头部门",
    departmentTotal: "合计",
    empty: "没有可统计的任务。",
    categoryTable: "各类完成状态的项数和占比",
  },
  settings: {
    government: "政府名称（标题）",
    office: "督查机构",
    issuer: "落款单位",
    year: "年度",
    yearHint: "留空则从表格标题识别",
    quarter: "季度",
    quarterAuto: "自动识别",
    quarterNames: ZH_QUARTERS,
    date: "落款日期",
    dateHint: "留空则为生成当天",
    decimals: "占比小数位数",
    summary: "总体情况（可选）",
    summaryHint: "留空则使用默认表述",
    save: "保存设置",
    saved: "设置已保存到工作簿。",
    invalidYear: "请输入 1900–2200 之间的年份，或留空。",
    invalidDate: "请输入有效日期，或留空。",
    unsaved: "有未保存的修改",
  },
  results: {
    checked: (tasks, issues, uncounted) =>
      `已检查：共 ${tasks} 项任务，${issues === 0 ? "未发现问题" : `发现 ${issues} 个问题`}。${zhUncounted(uncounted)}`,
    highlighted: (missed) => `已标记 ${missed} 项未完成任务。`,
    cleared: (n) => (n === 0 ? "没有需要清除的标记。" : "已清除本工具添加的未完成标记。"),
    generated: (sheet, tasks, missed, uncounted) => `已生成工作表“${sheet}”：共 ${tasks} 项任务，标记未完成 ${missed} 项。${zhUncounted(uncounted)}`,
    drafted: (sheet, uncounted) => `已在工作表“${sheet}”生成通报草稿：${uncounted} 项任务的完成状态为空或无法识别，未计入统计；补填后请重新生成。`,
    preferencesSaved: "已保存，并重新检查。",
  },
  tooOld: {
    title: "Excel 版本过低",
    body: "本加载项需要 ExcelApi 1.6（Excel 2019、Excel 2021 及更新版本，或 Microsoft 365 / Excel 网页版）。请升级 Excel 后再使用。",
  },
  errorTitle: "操作未完成",
  dismiss: "关闭消息",
};

export const EN_US: Strings = {
  locale: "en-US",
  appTitle: "Supervision Notice Assistant",
  appSubtitle: "Check the tracking sheet · mark missed tasks · write the notice",
  notInExcel: "Open this add-in in Excel.",
  actions: { check: "Check", highlight: "Mark missed", clear: "Clear marks", generate: "Write notice", draft: "Write a draft" },
  actionHints: {
    check: "Read and check the tracking sheet again",
    highlight: "Mark tasks that missed their quarterly target with a conditional format; cell contents stay as they are",
    clear: "Remove the marks this add-in added",
    generate: "Check, mark missed tasks and write the notice sheet",
    draft: "Write the notice although some statuses are missing; its title marks it as a draft and it says how many tasks are not counted",
  },
  actionsLabel: "Actions",
  draftHint: "choose “Write a draft” to write a draft anyway",
  steps: {
    reading: "Reading the workbook…",
    checking: "Checking the tracking sheet…",
    highlighting: "Marking missed tasks…",
    writing: "Writing the notice…",
    done: "Done",
  },
  busy: "Working…",
  categories: { completed: "Completed", onTrack: "On track", missed: "Missed", suspended: "Suspended", pending: "Pending" },
  categoriesShort: { completed: "Done", onTrack: "On track", missed: "Missed", suspended: "Susp.", pending: "Pend." },
  severities: { error: "Error", warning: "Warning", info: "Note" },
  fields: EN_FIELDS,
  sections: { detection: "Tracking sheet", mapping: "Columns", issues: "Check results", statistics: "Statistics", settings: "Notice settings" },
  detection: {
    sheet: "Sheet",
    headerRows: (rows) => `row ${rows}`,
    headerRowsLabel: "Header",
    dataRange: "Data",
    tasks: (n, counted) => (n === counted ? `${n} tasks` : `${n} tasks, ${counted} counted`),
    period: "Period",
    periodText: (year, quarter) => `${year === null ? "year unknown" : year}${quarter === null ? ", quarter unknown" : ` Q${quarter}`}`,
    periodSources: { option: "from the settings", title: "from the title or sheet name", latest: "the latest quarter with statuses in the ledger", columns: "from the column headers", none: "not detected" },
    columnsCaption: "Column read for each field",
    hiddenColumn: " (hidden)",
    government: "Government",
    governmentText: (name, source) =>
      source === "default" ? `The title names no place: generic “${name}”; set it in the settings` : `${name} (${source === "title" ? "from the sheet's title" : "from the settings"})`,
    chooseSheet: "Sheet with the tracking table",
    autoSheet: "Find automatically",
    notFound: "No tracking table found yet.",
  },
  mapping: {
    intro: "If a column was recognised wrongly, pick its letter; applied choices are saved in the workbook.",
    auto: (letter) => (letter ? `Auto (${letter})` : "Auto (not found)"),
    autoPlain: "Auto",
    notFound: "not found",
    apply: "Apply",
    reset: "Reset all to auto",
    duplicate: (fields, letter) => `${fields} all use column ${letter}.`,
    overridden: "set by hand",
  },
  issues: {
    none: "No problems found.",
    summary: (c) => `${c.error} errors, ${c.warning} warnings, ${c.info} notes`,
    goTo: (cell) => `Go to ${cell}`,
    listLabel: "Problems found by the check",
  },
  statistics: {
    category: "Category",
    count: "Tasks",
    share: "Share",
    total: "Total",
    byDepartment: "By lead department",
    department: "Lead department",
    departmentTotal: "Total",
    empty: "No tasks to count.",
    categoryTable: "Tasks and share per status",
  },
  settings: {
    government: "Government (title)",
    office: "Supervising office",
    issuer: "Issuer",
    year: "Year",
    yearHint: "Empty: read from the sheet's title",
    quarter: "Quarter",
    quarterAuto: "Detect",
    quarterNames: ["Q1", "Q2", "Q3", "Q4"],
    date: "Date of the notice",
    dateHint: "Empty: the day it is written",
    decimals: "Decimals of shares",
    summary: "Overall remarks (optional)",
    summaryHint: "Empty: the default wording",
    save: "Save settings",
    saved: "Settings saved in the workbook.",
    invalidYear: "Enter a year between 1900 and 2200, or leave it empty.",
    invalidDate: "Enter a valid date, or leave it empty.",
    unsaved: "Unsaved changes",
  },
  results: {
    checked: (tasks, issues, uncounted) => `Checked ${tasks} tasks: ${issues === 0 ? "no problems" : `${issues} problems`}.${enUncounted(uncounted)}`,
    highlighted: (missed) => `Marked ${missed} missed tasks.`,
    cleared: (n) => (n === 0 ? "There were no marks to clear." : "Removed the marks this add-in added."),
    generated: (sheet, tasks, missed, uncounted) => `Wrote sheet “${sheet}”: ${tasks} tasks, ${missed} marked as missed.${enUncounted(uncounted)}`,
    drafted: (sheet, uncounted) =>
      `Wrote a draft notice in sheet “${sheet}”: ${uncounted} ${uncounted === 1 ? "task has" : "tasks have"} an empty or unrecognised status and ${uncounted === 1 ? "is" : "are"} not counted; fill them in and write the notice again.`,
    preferencesSaved: "Saved; checked again.",
  },
  tooOld: {
    title: "Excel is too old",
    body: "This add-in needs ExcelApi 1.6 (Excel 2019, Excel 2021 or later, Microsoft 365 or Excel on the web). Please update Excel.",
  },
  errorTitle: "Not done",
  dismiss: "Dismiss",
};

export function stringsFor(locale: Locale): Strings {
  return locale === "en-US" ? EN_US : ZH_CN;
}
