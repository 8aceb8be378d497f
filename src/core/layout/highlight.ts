/** Marking the missed tasks' rows on the tracking sheet, as a removable overlay. */
import type { CellRange } from "../grid";
import type { HighlightPlan } from "../plan";
import type { TableLocation, Task } from "../types";

export const HIGHLIGHT_MARKER = "supervision-notice:missed";

/** Excel's own "light red fill with dark red text". */
export const HIGHLIGHT_FILL = "#FFC7CE";
export const HIGHLIGHT_FONT = "#9C0006";

/** Joins rows into as few ranges as possible: consecutive rows make one range. */
export function rowRanges(rows: readonly number[], firstCol: number, colCount: number): CellRange[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: CellRange[] = [];
  for (const r of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.row + last.rowCount === r) ranges[ranges.length - 1] = { ...last, rowCount: last.rowCount + 1 };
    else ranges.push({ row: r, col: firstCol, rowCount: 1, colCount });
  }
  return ranges;
}

/** The table-wide rows of every missed task, as one conditional format that is always true. */
export function planHighlight(table: TableLocation, tasks: readonly Task[]): HighlightPlan {
  const rows = tasks.filter((t) => t.category === "missed").map((t) => t.row);
  return {
    sheet: table.sheet,
    ranges: rowRanges(rows, table.firstCol, table.lastCol - table.firstCol + 1),
    fill: HIGHLIGHT_FILL,
    fontColor: HIGHLIGHT_FONT,
    formula: `N("${HIGHLIGHT_MARKER}")=0`,
    marker: HIGHLIGHT_MARKER,
  };
}
