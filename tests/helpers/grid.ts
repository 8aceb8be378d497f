/** Small builders for grids in tests. */
import { parseRangeAddress, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core";

export function sheet(name: string, values: CellValue[][], merges: string[] = []): SheetGrid {
  return { name, values, merges: merges.map((a) => parseRangeAddress(a) as CellRange) };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

export const HEADER = ["序号", "重点工作任务", "牵头部门", "三季度目标任务", "三季度进展情况", "完成状态", "未完成原因", "下一步工作"];

/** A task row in HEADER's column order. */
export function row(
  number: CellValue,
  task: string,
  lead: string,
  status: string,
  extra: { target?: string; progress?: string; reason?: string; next?: string } = {},
): CellValue[] {
  return [number, task, lead, extra.target ?? "目标", extra.progress ?? "进展", status, extra.reason ?? "", extra.next ?? ""];
}

/** A tracking sheet with a title row, HEADER and the given rows. */
export function trackingSheet(rows: CellValue[][], name = "调度表", title = "2025年《政府工作报告》重点工作任务三季度进展情况调度表"): SheetGrid {
  return sheet(name, [[title], HEADER, ...rows], ["A1:H1"]);
}
