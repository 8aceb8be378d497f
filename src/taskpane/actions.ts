/**
 * The pane's operations on the open workbook: each one `Excel.run` batch
 * around the Office.js host. Nothing here knows about React. Every operation
 * reads the settings from the workbook's 通报设置 sheet in its first sync, so
 * the pane never runs on settings someone has since changed in the sheet.
 */
import type { Analysis, NoticeJob, SettingsValues } from "../core";
import {
  NO_STORED_SETTINGS,
  analyseWorkbook,
  clearHighlights,
  generateNotice,
  highlightMissed,
  saveSettings,
  selectCell,
  type NoticeOptions,
  type RunEvents,
  type StoredSettings,
} from "../hosts/officejs";

/** `Excel.run`, or a stand-in (tests). */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: BatchRunner = (batch) => Excel.run(batch);

/** What the pane needs when it opens; a failure is kept, not thrown (the pane shows it). */
export interface FirstLoad {
  readonly sheets: readonly string[];
  readonly stored: StoredSettings;
  readonly analysis: Analysis | null;
  readonly error: unknown;
}

/**
 * Sheet names, stored settings and the first analysis, in one check. The
 * pane's entry starts this before React renders, so Excel's round trips
 * overlap the first render.
 */
export async function firstLoad(today: string, run: BatchRunner = excelRun): Promise<FirstLoad> {
  let sheets: readonly string[] = [];
  let stored: StoredSettings = NO_STORED_SETTINGS;
  const events: RunEvents = { onSheets: (names) => (sheets = names), onSettings: (s) => (stored = s) };
  try {
    const analysis = await checkWorkbook(today, events, run);
    return { sheets, stored, analysis, error: null };
  } catch (error) {
    return { sheets, stored, analysis: null, error };
  }
}

/** Reads and checks; `events` get the sheet names and the stored settings even when the check then fails. */
export function checkWorkbook(today: string, events: RunEvents = {}, run: BatchRunner = excelRun): Promise<Analysis> {
  return run((context) => analyseWorkbook(context, today, events));
}

export function markMissed(today: string, events: RunEvents = {}, run: BatchRunner = excelRun): Promise<Analysis> {
  return run((context) => highlightMissed(context, today, events));
}

export function clearMarks(run: BatchRunner = excelRun): Promise<number> {
  return run((context) => clearHighlights(context));
}

/** Highlights, writes the notice sheet and shows it (3 syncs where reads and writes each fit one request); `draft` writes it with statuses missing. */
export function writeNotice(today: string, events: RunEvents = {}, run: BatchRunner = excelRun, options: NoticeOptions = {}): Promise<NoticeJob> {
  return run((context) => generateNotice(context, today, events, options));
}

export function goToCell(sheet: string, address: string, run: BatchRunner = excelRun): Promise<void> {
  return run((context) => selectCell(context, sheet, address));
}

/** Writes the settings to the 通报设置 sheet (creating it), moving any old hidden settings there. */
export function storeSettings(values: SettingsValues, run: BatchRunner = excelRun): Promise<void> {
  return run((context) => saveSettings(context, values));
}
