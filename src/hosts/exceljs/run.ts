/** The one-click job over an ExcelJS workbook: analyse, highlight, write the notice. */
import type ExcelJS from "exceljs";
import { HIGHLIGHT_MARKER, prepareNotice, type NoticeJob, type RunOptions } from "../../core";
import { applyHighlight, applyNoticeSheet, assertNoticeSheetFree, clearHighlight } from "./apply-plans";
import { workbookToGrid } from "./read-grid";

export interface WorkbookRun {
  readonly job: NoticeJob;
}

/** Runs the job and applies its plans to `wb` (in memory; the caller saves). */
export function runOnWorkbook(wb: ExcelJS.Workbook, options: RunOptions): WorkbookRun {
  const job = prepareNotice(workbookToGrid(wb), options);
  // Check the notice sheet's name first, so a refusal changes nothing.
  assertNoticeSheetFree(wb, job.noticeSheet);
  applyHighlight(wb, job.highlight);
  applyNoticeSheet(wb, job.noticeSheet);
  return { job };
}

/** Removes this tool's highlights from every sheet; returns how many rules went. */
export function clearOnWorkbook(wb: ExcelJS.Workbook): number {
  let removed = 0;
  for (const ws of wb.worksheets) removed += clearHighlight(ws, HIGHLIGHT_MARKER);
  return removed;
}
