/**
 * The ribbon's one-click run, without the page's wiring (commands.ts), so
 * that tests and the benchmark run exactly what the button runs.
 */
import { IncompleteStatusError, excelTooOld, isoDate } from "../core";
import { describeError, detectFeatures, generateNotice, officeLocale, type NoticeOptions } from "../hosts/officejs";
import type { CommandResult } from "./result-query";
import { failureResult, incompleteResult, successResult } from "./result-text";

/**
 * Check, highlight and notice in one `Excel.run` with the settings stored in
 * the workbook's 通报设置 sheet (`draft`: also when statuses are missing);
 * the notice sheet is activated in the last write batch. 3 syncs where the
 * reads and the writes each fit one request (see src/hosts/officejs/run.ts).
 * Returns what to tell the user, in Office's language; never throws.
 */
export async function runGenerateNotice(options: NoticeOptions = {}): Promise<CommandResult> {
  const locale = officeLocale();
  if (!detectFeatures().supported) return failureResult(excelTooOld(locale).body, locale);
  try {
    const job = await Excel.run((context) => generateNotice(context, isoDate(new Date()), {}, options));
    return successResult(job, locale);
  } catch (e) {
    return e instanceof IncompleteStatusError ? incompleteResult(e, locale) : failureResult(describeError(e, locale), locale);
  }
}
