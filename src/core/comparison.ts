/**
 * This quarter compared with the previous one: where the previous quarter's
 * statuses are found (columns of the same ledger, a sheet of the same
 * workbook, another workbook) and how tasks are matched and classed.
 */
import type { WorkbookGrid } from "./grid";
import type { StatusWords } from "./status";
import type { Comparison, TableLocation, Task } from "./types";

export interface PreviousOptions {
  /** Another workbook holding the previous quarter (`--previous FILE`). */
  readonly previous?: WorkbookGrid;
  /** The sheet of this workbook holding the previous quarter (the pane's choice). */
  readonly previousSheet?: string;
  readonly statusWords?: StatusWords;
}

/** The comparison with the previous quarter, or null when its statuses are nowhere at hand. */
export function compareWithPrevious(
  _workbook: WorkbookGrid,
  _table: TableLocation,
  _tasks: readonly Task[],
  _options: PreviousOptions,
): Comparison | null {
  return null;
}
