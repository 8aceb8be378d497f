/** The core's public face: hosts, the CLI and the task pane import from here. */
export * from "./grid";
export * from "./types";
export * from "./plan";
export * from "./errors";
export * from "./settings";
export * from "./period";
export * from "./pipeline";
export { FIELD_ENGLISH, FIELD_LABELS, FIELD_ALIASES, HEADER_PATTERNS } from "./columns";
export { STATUS_WORDS, classifyStatus } from "./status";
export { buildNotice, noticeText, quarterName, type NoticeModel, type Paragraph, type ParagraphRole } from "./notice/model";
export { WORDING } from "./notice/wording";
export { NOTICE_MARKER, NOTICE_MARKER_CELL, planNoticeSheet } from "./layout/notice-sheet";
export { DEPARTMENT_MARKER, LIGHT_FILLS, RANK_RULE, SHARE_LABEL, departmentNote, departmentSheetName, departmentSheetTitle, planDepartmentSheet } from "./layout/department-sheet";
export { addDays, laggingDepartments, type LetterModel, type LetterParagraph } from "./notice/letters";
export {
  CHAR_PITCH_PT,
  FOOTER_MM,
  GBT9704,
  TITLE_CHARS_PER_LINE,
  layoutPages,
  headingLevel,
  signaturePlacement,
  type FontUse,
  type LineStyle,
  type PagedDocument,
  type PageSource,
  type PrintedLine,
} from "./layout/page-model";
export { breakLines, breakTitle } from "./layout/line-break";
export { HIGHLIGHT_MARKER, planHighlight } from "./layout/highlight";
export { applyOverrides, parseMapping } from "./mapping";
export { CATEGORY_ENGLISH, CATEGORY_LABELS, categorySummary } from "./labels";
export { describeAnalysis, SETTING_WORDING, type OptionWording } from "./describe";
export { displayValue } from "./number-format";
export {
  SETTINGS_SHEET,
  SETTINGS_HEADER,
  PREVIOUS_SHEET_KEY,
  LIGHT_PREFIX,
  NO_SHEET_SETTINGS,
  parseSettingsSheet,
  readSettingsSheet,
  settingsSheetEdits,
  type SettingsCell,
  type SettingsValues,
  type SheetSettings,
} from "./settings-sheet";
export { WORDING_ROWS, PLACEHOLDERS } from "./notice/wording-rows";
export * from "./results";
export { LIGHT_CONDITION_NAMES, LIGHT_RULES, LIGHT_WORDS, NO_LEAD, departmentView, leadsOf, lightOf, lightRuleText, type LightCondition, type LightRule } from "./departments";
export { PreviousWorkbookError, compareWithPrevious, previousPeriod, previousSourceWords, previousYearShown, statesQuarter, type PreviousOptions } from "./comparison";
