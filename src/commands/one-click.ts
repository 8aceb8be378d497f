/**
 * The ribbon's one-click run, without the page's wiring (commands.ts), so
 * that tests and the benchmark run exactly what the button runs.
 */
import { IncompleteStatusError, isoDate } from "../core";
import { describeError, detectFeatures, generateNotice, type NoticeOptions } from "../hosts/officejs";
import type { CommandResult } from "./result-query";
import { failureResult, incompleteResult, successResult } from "./result-text";

/**
 * Check, highlight and notice in one `Excel.run` with the preferences stored
 * in the workbook (`draft`: also when statuses are missing); the notice
 * sheet is activated in the last write batch.
 * At most 3 syncs (see src/hosts/officejs/run.ts). Returns what to tell the
 * user; never throws.
 */
export async function runGenerateNotice(options: NoticeOptions = {}): Promise<CommandResult> {
  if (!detectFeatures().conditionalFormats) {
    return failureResult("当前 Excel 版本过低：需要 ExcelApi 1.6（Excel 2019、Excel 2021 及更新版本，或 Microsoft 365 / Excel 网页版）。");
  }
  try {
    const job = await Excel.run((context) => generateNotice(context, "stored", isoDate(new Date()), {}, options));
    return successResult(job);
  } catch (e) {
    return e instanceof IncompleteStatusError ? incompleteResult(e) : failureResult(describeError(e));
  }
}
