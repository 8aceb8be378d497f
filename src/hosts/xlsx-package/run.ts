/** The one-click job on a workbook package: analyse, then the highlight and the notice as edits of the package. */
import { HIGHLIGHT_MARKER, prepareNotice, toolSheets, type NoticeJob, type RunOptions } from "../../core";
import type { LoadedWorkbook } from "./files";
import { clearEdits, planEdits, type PackageEdits } from "./write";

export interface WorkbookRun {
  readonly job: NoticeJob;
  /** What the output changes of the input (the caller writes it). */
  readonly edits: PackageEdits;
}

/** Runs the job on the workbook's grid and turns its plans into edits; a sheet of a tool sheet's name that the tool did not write is refused here, before anything is written. */
export function runOnWorkbook(book: LoadedWorkbook, options: RunOptions): WorkbookRun {
  const job = prepareNotice(book.read.grid, options);
  return { job, edits: planEdits(book.pkg, book.read, toolSheets(job), job.highlight) };
}

/** The edits that remove this tool's highlights from every sheet, and how many blocks of rules go. */
export function clearOnWorkbook(book: LoadedWorkbook): { removed: number; edits: PackageEdits } {
  return clearEdits(book.read, HIGHLIGHT_MARKER);
}
