/**
 * The Office.js host: reads the open workbook into the core's grid and
 * applies the core's plans. The task pane and the ribbon command call these.
 */
export type { NoticeOptions, ProgressStep, RunEvents } from "./run";
export { analyseWorkbook, generateNotice, highlightMissed, clearHighlights, selectCell } from "./run";
export type { StoredSettings } from "./settings-store";
export { NO_STORED_SETTINGS, saveSettings } from "./settings-store";
export type { ExcelFeatures } from "./features";
export { detectFeatures, featureNotes, officeDisplayLanguage, officeLocale } from "./features";
export { describeError } from "./errors";
