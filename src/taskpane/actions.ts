/**
 * The pane's operations on the open workbook: each one `Excel.run` batch
 * around the Office.js host. Nothing here knows about React.
 */
import type { Analysis, NoticeJob } from "../core";
import {
  analyseWorkbook,
  clearHighlights,
  finishPreferences,
  generateNotice,
  highlightMissed,
  queuePreferences,
  savePreferences,
  selectCell,
  type NoticeOptions,
  type RunEvents,
  type StoredPreferences,
} from "../hosts/officejs";

/** `Excel.run`, or a stand-in (tests). */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: BatchRunner = (batch) => Excel.run(batch);

export interface Startup {
  readonly prefs: StoredPreferences;
  readonly sheets: readonly string[];
}

/** Stored preferences and the sheet names, in one sync. */
export async function loadStartup(run: BatchRunner = excelRun): Promise<Startup> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const prefs = queuePreferences(context);
    await context.sync();
    return { prefs: finishPreferences(prefs), sheets: worksheets.items.map((w) => w.name) };
  });
}

/** What the pane needs when it opens; a failure is kept, not thrown (the pane shows it). */
export interface FirstLoad {
  readonly startup: Startup | null;
  readonly analysis: Analysis | null;
  readonly error: unknown;
}

/**
 * Preferences, sheet names and the first analysis. The pane's entry starts
 * this before React renders, so Excel's round trips overlap the first render.
 */
export async function firstLoad(today: string, run: BatchRunner = excelRun): Promise<FirstLoad> {
  let startup: Startup | null = null;
  try {
    startup = await loadStartup(run);
    const analysis = await checkWorkbook(startup.prefs, today, {}, run);
    return { startup, analysis, error: null };
  } catch (error) {
    return { startup, analysis: null, error };
  }
}

/** Reads and checks; `events.onSheets` gets the sheet names even when the check then fails. */
export function checkWorkbook(prefs: StoredPreferences, today: string, events: RunEvents = {}, run: BatchRunner = excelRun): Promise<Analysis> {
  return run((context) => analyseWorkbook(context, prefs, today, events));
}

export function markMissed(prefs: StoredPreferences, today: string, events: RunEvents = {}, run: BatchRunner = excelRun): Promise<Analysis> {
  return run((context) => highlightMissed(context, prefs, today, events));
}

export function clearMarks(run: BatchRunner = excelRun): Promise<number> {
  return run((context) => clearHighlights(context));
}

/** Highlights, writes the notice sheet and shows it (at most 3 syncs); `draft` writes it with statuses missing. */
export function writeNotice(
  prefs: StoredPreferences,
  today: string,
  events: RunEvents = {},
  run: BatchRunner = excelRun,
  options: NoticeOptions = {},
): Promise<NoticeJob> {
  return run((context) => generateNotice(context, prefs, today, events, options));
}

export function goToCell(sheet: string, address: string, run: BatchRunner = excelRun): Promise<void> {
  return run((context) => selectCell(context, sheet, address));
}

export function storePreferences(prefs: StoredPreferences, run: BatchRunner = excelRun): Promise<void> {
  return run((context) => savePreferences(context, prefs));
}
