/**
 * The pane's words in Simplified Chinese (first) and English, chosen by
 * Office's display language. The results of operations use the wording the
 * ribbon's dialog and the command line share (src/core/results.ts); the
 * settings' names and hints come from their definitions
 * (src/core/settings.ts), the check's messages carry their English (Issue.english).
 * Chinese text carries no Western spaces
 * (`第3、4行`, `共20项任务`).
 */
import {
  CATEGORY_ENGLISH,
  CATEGORY_LABELS,
  FIELD_ENGLISH,
  FIELD_LABELS,
  LIGHT_CONDITION_NAMES,
  LIGHT_WORDS,
  RANK_RULE,
  SETTING_DEFINITIONS,
  checked,
  cleared,
  excelTooOld,
  generatedHeadline,
  marked,
  noticeWritten,
  quarterName,
  type Category,
  type Field,
  type Light,
  type LightCondition,
  type Locale,
  type NoticeFacts,
  type PeriodSource,
  type PlaceSource,
  type ProblemCounts,
  type SettingKey,
  type Severity,
} from "../core";
import type { ProgressStep } from "../hosts/officejs";
import type { SaveWay } from "./deliver";

export type { Locale } from "../core";
export { pickLocale } from "../core";
export { officeDisplayLanguage } from "../hosts/officejs";

/** The pane's operations; `draft` is offered only when statuses are missing; `docx` and `letters` save Word documents. */
export type ActionKind = "check" | "highlight" | "clear" | "generate" | "draft" | "docx" | "letters";

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
  readonly severities: Readonly<Record<Severity, string>>;
  readonly fields: Readonly<Record<Field, string>>;
  readonly sections: {
    readonly detection: string;
    readonly mapping: string;
    readonly issues: string;
    readonly departments: string;
    readonly missed: string;
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
    readonly columnHeaders: { readonly field: string; readonly column: string; readonly header: string };
    readonly hiddenColumn: string;
    readonly government: string;
    readonly governmentText: (name: string, source: PlaceSource) => string;
    readonly chooseSheet: string;
    readonly autoSheet: string;
    /** The picker of the previous quarter's sheet (saved as 上季度调度表 in 通报设置). */
    readonly choosePrevious: string;
    readonly autoPrevious: string;
    readonly previousHint: string;
    /** The previous quarter found (the comparison's), or that none was. */
    readonly previous: string;
    readonly noPrevious: string;
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
    /** A field the correction leaves without a column: `field`'s column `letter` now holds `by`. */
    readonly dropped: (field: string, letter: string, by: string) => string;
    readonly notRead: string;
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
    readonly empty: string;
    readonly categoryTable: string;
  };
  /** The department view: one row per lead department in rank order, with its light. */
  readonly departments: {
    readonly tableLabel: string;
    readonly rank: string;
    readonly department: string;
    readonly light: string;
    /** `未完成/任务`: the missed and all tasks of the department. */
    readonly missedOfTotal: string;
    readonly share: string;
    /** Heading of the change of the missed count against the previous quarter. */
    readonly change: string;
    readonly lights: Readonly<Record<Light, string>>;
    /** The light rules' conditions (Chinese: as the 通报设置 sheet names them), for the note under the table. */
    readonly conditions: Readonly<Record<LightCondition, string>>;
    /** Between a rule's conditions (`待确定、未完成未说明原因`). */
    readonly conditionSeparator: string;
    /** One light rule: the light's word and its conditions joined. */
    readonly lightRule: (light: string, conditions: string) => string;
    /** The light of departments no rule gives a light to. */
    readonly otherLight: (light: string) => string;
    readonly rankRule: string;
    /** What a department's button does (its title). */
    readonly show: (department: string) => string;
    readonly empty: string;
  };
  /** The chosen department: the chip that clears it, and what the lists then say. */
  readonly filter: {
    readonly chip: (department: string) => string;
    readonly clear: (department: string) => string;
    /** `shown` of `all` problems concern the department's tasks. */
    readonly issuesNote: (department: string, shown: number, all: number) => string;
    readonly noIssues: string;
  };
  /** This quarter against the previous one (the core's Comparison). */
  readonly comparison: {
    /** `与二季度相比`; the year only when it is not this quarter's (四季度 of the year before). */
    readonly against: (year: number | null, quarter: number | null) => string;
    readonly counts: (stillMissed: number, newlyMissed: number, resolved: number, newlySuspended: number) => string;
    readonly unmatched: (n: number) => string;
    /** Where the previous quarter's statuses came from. */
    readonly fromColumns: (quarter: number | null) => string;
    readonly fromSheet: (sheet: string) => string;
    readonly fromFile: (sheet: string) => string;
  };
  /** The missed tasks (all, or the chosen department's). */
  readonly missed: {
    readonly listLabel: string;
    readonly none: string;
    readonly noReason: string;
    readonly stillMissed: string;
    readonly newlyMissed: string;
    readonly goTo: (label: string) => string;
  };
  readonly settings: {
    /** Each setting's label and hint, from its definition. */
    readonly labels: Readonly<Record<SettingKey, string>>;
    readonly hints: Readonly<Record<SettingKey, string>>;
    /** What is wrong with a value: the definition's own problem (Chinese), or what it expects. */
    readonly invalid: (key: SettingKey, problem: string) => string;
    readonly intro: string;
    readonly legacy: string;
    readonly save: string;
    readonly unsaved: string;
  };
  /** The line before generating: who signs and when, and the link that changes it. */
  readonly signing: { readonly line: (issuer: string, isoDate: string) => string; readonly change: string };
  readonly results: {
    /** `tasks`: every task read; `uncounted`: those left out of the counts (status empty or not recognised). */
    readonly checked: (tasks: number, issues: number, uncounted: number) => string;
    readonly highlighted: (missed: number) => string;
    /** `rules` is how many rules went; one rule can mark many rows, so the text gives no count. */
    readonly cleared: (rules: number) => string;
    /** `已生成`, `已生成，仍有1个警告`. */
    readonly generatedTitle: (problems: ProblemCounts) => string;
    readonly generated: (facts: NoticeFacts) => string;
    readonly settingsSaved: string;
  };
  readonly tooOld: { readonly title: string; readonly body: string };
  /** The Word documents: the notice as .docx, the 督办单 in a .zip. `way`: how the file went to the user (deliver.ts). */
  readonly documents: {
    readonly label: string;
    readonly saved: (file: string, way: SaveWay) => string;
    readonly lettersSaved: (count: number, file: string, way: SaveWay) => string;
    readonly noLetters: string;
    readonly saveAgain: (file: string) => string;
  };
  readonly otherActions: string;
  readonly errorTitle: string;
  readonly dismiss: string;
}

const ZH_SETTING_LABELS = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.key, d.name])) as Record<SettingKey, string>;
const ZH_SETTING_HINTS = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.key, `${d.expects}；留空为默认`])) as Record<SettingKey, string>;
const EN_SETTING_LABELS = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.key, d.english])) as Record<SettingKey, string>;
const EN_SETTING_HINTS: Record<SettingKey, string> = {
  government: "e.g. Zichuan District People's Government; empty: from the sheet's title",
  office: "e.g. the district government's supervision office; empty: the default",
  issuer: "e.g. the district government's general office; empty: from the sheet's title",
  year: "A year from 1900 to 2200; empty: from the sheet's title",
  quarter: "1 to 4; empty: from the sheet's title",
  date: "e.g. 2025-10-29; empty: the day the notice is written",
  decimals: "0 to 4; empty: 2",
  summary: "The office's own sentences before the counts; empty: the default wording",
  letterPrefix: "Prefix of a supervision letter's number; empty: the default",
  feedbackDays: "1 to 365; empty: 15",
};

/** `2025年10月29日`. */
function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export const ZH_CN: Strings = {
  locale: "zh-CN",
  appTitle: "督查通报助手",
  appSubtitle: "检查调度表 · 标记未完成 · 生成督查通报",
  notInExcel: "请在Excel中打开本加载项。",
  actions: { check: "检查", highlight: "标记未完成", clear: "清除标记", generate: "生成通报", draft: "生成草稿", docx: "Word版通报", letters: "督办单" },
  actionHints: {
    check: "重新读取并检查调度表",
    highlight: "用条件格式标出未完成季度目标的任务，不改动原有内容",
    clear: "移除本工具添加的未完成标记",
    generate: "检查、标记未完成任务，并写入督查通报工作表",
    draft: "完成状态未填全时仍生成通报，标题标为“（草稿）”，并注明未计入的任务数",
    docx: "按GB/T 9704公文版式生成通报的Word文档（.docx），保存到本机",
    letters: "为每个有未完成任务的牵头部门各生成一份督办单（.docx），打包为一个.zip文件保存到本机",
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
  severities: { error: "错误", warning: "警告", info: "提示" },
  fields: FIELD_LABELS,
  sections: { detection: "调度表", mapping: "列对应", issues: "检查结果", departments: "各部门情况", missed: "未完成任务", statistics: "统计", settings: "通报设置" },
  detection: {
    sheet: "工作表",
    headerRows: (rows) => `第${rows}行`,
    headerRowsLabel: "表头",
    dataRange: "数据区域",
    tasks: (n, counted) => (n === counted ? `${n}项任务` : `${n}项任务，${counted}项计入统计`),
    period: "期间",
    periodText: (year, quarter) => `${year === null ? "年度未识别" : `${year}年`}${quarter === null ? "，季度未识别" : quarterName(quarter)}`,
    periodSources: { option: "按设置", title: "取自标题或工作表名", latest: "台账中最近填有状态的季度", columns: "取自列名", none: "未能识别" },
    columnsCaption: "各字段读取的列",
    columnHeaders: { field: "字段", column: "列", header: "表头" },
    hiddenColumn: "（隐藏列）",
    government: "政府名称",
    governmentText: (name, source) => (source === "default" ? `标题中未写地名，使用通用的“${name}”，可在设置中填写` : `${name}（${source === "title" ? "取自表格标题" : "按设置"}）`),
    chooseSheet: "调度表所在工作表",
    autoSheet: "自动查找",
    choosePrevious: "上季度调度表",
    autoPrevious: "自动",
    previousHint: "用于与上季度对比；自动：同表中上季度的列，或名为上季度的工作表",
    previous: "上季度",
    noPrevious: "未找到上季度的完成状态，不作对比",
    notFound: "尚未找到调度表。",
  },
  mapping: {
    intro: "如列识别有误，可为字段指定列字母；应用后写入“通报设置”工作表。",
    auto: (letter) => (letter ? `自动（${letter}）` : "自动（未找到）"),
    autoPlain: "自动识别",
    notFound: "未找到",
    apply: "应用",
    reset: "全部恢复自动",
    dropped: (field, letter, by) => `${field}将不再读取（${letter}列改作${by}）。`,
    notRead: "不读取",
    overridden: "已手动指定",
  },
  issues: {
    none: "未发现问题。",
    summary: (c) => `错误${c.error}个，警告${c.warning}个，提示${c.info}个`,
    goTo: (cell) => `转到${cell}`,
    listLabel: "检查发现的问题",
  },
  statistics: {
    category: "类别",
    count: "项数",
    share: "占比",
    total: "合计",
    empty: "没有可统计的任务。",
    categoryTable: "各类完成状态的项数和占比",
  },
  departments: {
    tableLabel: "各牵头部门完成情况，按排名",
    rank: "排名",
    department: "牵头部门",
    light: "灯",
    // Column headings break only where marked (after `/`, at the zero-width spaces): `完成及/序时`, never `完成及序/时`.
    missedOfTotal: "未完成/任务",
    share: "完成及\u200b序时",
    change: "较上\u200b季度",
    lights: LIGHT_WORDS,
    conditions: LIGHT_CONDITION_NAMES,
    conditionSeparator: "、",
    lightRule: (light, conditions) => `${light}灯：有${conditions}的任务`,
    otherLight: (light) => `${light}灯：其余`,
    rankRule: RANK_RULE,
    show: (department) => `只看${department}的任务`,
    empty: "没有可统计的任务。",
  },
  filter: {
    chip: (department) => `只看：${department}`,
    clear: (department) => `只看：${department}，点击显示全部部门`,
    issuesNote: (department, shown, all) => `只显示${department}的任务的问题：${all}个中的${shown}个`,
    noIssues: "该部门的任务未发现问题。",
  },
  comparison: {
    against: (year, quarter) => `与${year === null ? "" : `${year}年`}${quarter === null ? "上季度" : quarterName(quarter)}相比`,
    counts: (still, newly, resolved, suspended) => `连续两个季度未完成${still}项，新增未完成${newly}项，已解决${resolved}项，新增暂不实施${suspended}项`,
    unmatched: (n) => `另有${n}项任务在上季度中找不到对应，未计入对比`,
    fromColumns: (quarter) => `取自本表${quarter === null ? "上季度" : quarterName(quarter)}的列`,
    fromSheet: (sheet) => `取自工作表“${sheet}”`,
    fromFile: (sheet) => `取自另一工作簿的“${sheet}”`,
  },
  missed: {
    listLabel: "未完成季度目标的任务",
    none: "没有未完成季度目标的任务。",
    noReason: "未说明原因",
    stillMissed: "连续两个季度",
    newlyMissed: "新增",
    goTo: (label) => `转到${label}的完成状态`,
  },
  settings: {
    labels: ZH_SETTING_LABELS,
    hints: ZH_SETTING_HINTS,
    invalid: (_key, problem) => `${problem}。`,
    intro: "保存在本工作簿的“通报设置”工作表中，命令行和“一键生成通报”也按此生成；留空的项目使用默认值。",
    legacy: "本工作簿的设置还保存在旧版的隐藏设置中，保存一次即移到“通报设置”工作表。",
    save: "保存设置",
    unsaved: "有未保存的修改",
  },
  signing: { line: (issuer, date) => `以${issuer}名义，${zhDate(date)}落款`, change: "修改" },
  results: {
    checked: (tasks, issues, uncounted) => checked(tasks, issues, uncounted, "zh-CN"),
    highlighted: (missed) => marked(missed, "zh-CN"),
    cleared: (n) => cleared(n, "zh-CN"),
    generatedTitle: (p) => generatedHeadline(p, "zh-CN"),
    generated: (facts) => noticeWritten(facts, "zh-CN"),
    settingsSaved: "已保存到“通报设置”工作表，并重新检查。",
  },
  tooOld: excelTooOld("zh-CN"),
  documents: {
    label: "公文文件",
    saved: (file, way) => (way === "browser" ? `已生成“${file}”，已在默认浏览器中打开保存页面（Mac版Excel不能直接下载文件）。` : `已生成“${file}”，已交给浏览器下载。`),
    lettersSaved: (count, file, way) =>
      way === "browser" ? `已生成${count}份督办单，打包为“${file}”，已在默认浏览器中打开保存页面。` : `已生成${count}份督办单，打包为“${file}”，已交给浏览器下载。`,
    noLetters: "没有未完成季度目标的任务，无需督办单。",
    saveAgain: (file) => `没有开始下载？点此保存“${file}”`,
  },
  otherActions: "其他操作",
  errorTitle: "操作未完成",
  dismiss: "关闭消息",
};

export const EN_US: Strings = {
  locale: "en-US",
  appTitle: "Supervision Notice Assistant",
  appSubtitle: "Check the tracking sheet · mark missed tasks · write the notice",
  notInExcel: "Open this add-in in Excel.",
  actions: { check: "Check", highlight: "Mark missed", clear: "Clear marks", generate: "Write notice", draft: "Write a draft", docx: "Word document", letters: "Letters" },
  actionHints: {
    check: "Read and check the tracking sheet again",
    highlight: "Mark tasks that missed their quarterly target with a conditional format; cell contents stay as they are",
    clear: "Remove the marks this add-in added",
    generate: "Check, mark missed tasks and write the notice sheet",
    draft: "Write the notice although some statuses are missing; its title marks it as a draft and it says how many tasks are not counted",
    docx: "Save the notice as a Word document (.docx) in the GB/T 9704 layout of official documents",
    letters: "Save a supervision letter (.docx) to each lead department with missed tasks, all in one .zip",
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
  categories: CATEGORY_ENGLISH,
  severities: { error: "Error", warning: "Warning", info: "Note" },
  fields: FIELD_ENGLISH,
  sections: { detection: "Tracking sheet", mapping: "Columns", issues: "Check results", departments: "Departments", missed: "Missed tasks", statistics: "Statistics", settings: "Notice settings" },
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
    columnHeaders: { field: "Field", column: "Column", header: "Header" },
    hiddenColumn: " (hidden)",
    government: "Government",
    governmentText: (name, source) =>
      source === "default" ? `The title names no place: generic “${name}”; set it in the settings` : `${name} (${source === "title" ? "from the sheet's title" : "from the settings"})`,
    chooseSheet: "Sheet with the tracking table",
    autoSheet: "Find automatically",
    choosePrevious: "Previous quarter's sheet",
    autoPrevious: "Automatic",
    previousHint: "To compare with the previous quarter; automatic: its columns in this sheet, or a sheet named after it",
    previous: "Previous quarter",
    noPrevious: "No statuses of the previous quarter found: no comparison",
    notFound: "No tracking table found yet.",
  },
  mapping: {
    intro: "If a column was recognised wrongly, pick its letter; applied choices are written to the settings sheet.",
    auto: (letter) => (letter ? `Auto (${letter})` : "Auto (not found)"),
    autoPlain: "Auto",
    notFound: "not found",
    apply: "Apply",
    reset: "Reset all to auto",
    dropped: (field, letter, by) => `${field} will no longer be read (column ${letter} now holds ${by}).`,
    notRead: "not read",
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
    empty: "No tasks to count.",
    categoryTable: "Tasks and share per status",
  },
  departments: {
    tableLabel: "Lead departments by rank",
    rank: "Rank",
    department: "Lead department",
    light: "Light",
    missedOfTotal: "Missed / tasks",
    share: "Done or on track",
    change: "vs. last quarter",
    lights: { red: "Red", yellow: "Yellow", green: "Green" },
    conditions: {
      missed: "missed",
      suspended: "suspended",
      pending: "pending",
      missedWithoutReason: "missed without a reason",
      suspendedWithoutReason: "suspended without a reason",
    },
    conditionSeparator: " or ",
    lightRule: (light, conditions) => `${light}: a task ${conditions}`,
    otherLight: (light) => `${light}: the rest`,
    rankRule: "Ranked by the share done or on track, then by fewer missed tasks; departments equal in both share a rank.",
    show: (department) => `Show only the tasks of ${department}`,
    empty: "No tasks to count.",
  },
  filter: {
    chip: (department) => `Only: ${department}`,
    clear: (department) => `Only: ${department}; click to show all departments`,
    issuesNote: (department, shown, all) => `Problems of ${department}'s tasks only: ${shown} of ${all}`,
    noIssues: "No problems with this department's tasks.",
  },
  comparison: {
    against: (year, quarter) => `Compared with ${quarter === null ? "the previous quarter" : `Q${quarter}`}${year === null ? "" : ` ${year}`}`,
    counts: (still, newly, resolved, suspended) => `missed two quarters running ${still}, newly missed ${newly}, resolved ${resolved}, newly suspended ${suspended}`,
    unmatched: (n) => `${n} tasks have no match in the previous quarter and are left out`,
    fromColumns: (quarter) => `from the ${quarter === null ? "previous quarter's" : `Q${quarter}`} columns of this sheet`,
    fromSheet: (sheet) => `from the sheet “${sheet}”`,
    fromFile: (sheet) => `from “${sheet}” in another workbook`,
  },
  missed: {
    listLabel: "Tasks that missed their quarterly target",
    none: "No task missed its quarterly target.",
    noReason: "no reason given",
    stillMissed: "Two quarters running",
    newlyMissed: "New",
    goTo: (label) => `Go to the status of ${label}`,
  },
  settings: {
    labels: EN_SETTING_LABELS,
    hints: EN_SETTING_HINTS,
    invalid: (key) => `Not a valid value. ${EN_SETTING_HINTS[key]}.`,
    intro: "Kept in this workbook's settings sheet (通报设置), which the command line and the one-click button read too; empty fields take the defaults.",
    legacy: "Some settings of this workbook are still in the hidden settings of earlier versions; saving once moves them to the settings sheet.",
    save: "Save settings",
    unsaved: "Unsaved changes",
  },
  signing: { line: (issuer, date) => `Signed by ${issuer}, dated ${date}`, change: "Change" },
  results: {
    checked: (tasks, issues, uncounted) => checked(tasks, issues, uncounted, "en-US"),
    highlighted: (missed) => marked(missed, "en-US"),
    cleared: (n) => cleared(n, "en-US"),
    generatedTitle: (p) => generatedHeadline(p, "en-US"),
    generated: (facts) => noticeWritten(facts, "en-US"),
    settingsSaved: "Saved to the settings sheet; checked again.",
  },
  tooOld: excelTooOld("en-US"),
  documents: {
    label: "Documents",
    saved: (file, way) => (way === "browser" ? `Made “${file}”; your default browser opened a page that saves it (Excel for Mac cannot download files itself).` : `Made “${file}”; your browser is downloading it.`),
    lettersSaved: (count, file, way) =>
      way === "browser" ? `Made ${count} letters in “${file}”; your default browser opened a page that saves it.` : `Made ${count} letters in “${file}”; your browser is downloading it.`,
    noLetters: "No task missed its quarterly target: there are no letters to write.",
    saveAgain: (file) => `Download did not start? Save “${file}”`,
  },
  otherActions: "More actions",
  errorTitle: "Not done",
  dismiss: "Dismiss",
};

export function stringsFor(locale: Locale): Strings {
  return locale === "en-US" ? EN_US : ZH_CN;
}
