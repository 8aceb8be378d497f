/**
 * The Office.js host: reads the open workbook into the core's grid and
 * applies the core's plans. The task pane and the ribbon command call these.
 */
export type { PendingPreferences, StoredPreferences } from "./preferences";
export { finishPreferences, loadPreferences, queuePreferences, savePreferences, sanitisePreferences, SETTINGS_KEY } from "./preferences";
export type { PreferencesSource, ProgressStep, RunEvents } from "./run";
export { analyseWorkbook, generateNotice, highlightMissed, clearHighlights, selectCell, type NoticeOptions } from "./run";
export type { ExcelFeatures } from "./features";
export { detectFeatures, featureNotes } from "./features";
export { describeError } from "./errors";
