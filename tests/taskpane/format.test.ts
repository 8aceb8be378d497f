import { describe, expect, it } from "vitest";
import { analyse, type Issue } from "../../src/core";
import { computeStatistics } from "../../src/core/statistics";
import {
  categoryRows,
  columnLetters,
  dataRangeText,
  departmentRows,
  headerRowsText,
  issueLocation,
  issueTarget,
  severityCounts,
  sortIssues,
  todayIso,
  totalShare,
} from "../../src/taskpane/format";
import { EN_US, ZH_CN } from "../../src/taskpane/i18n";
import { book, row, trackingSheet } from "../helpers/grid";

const grid = book(
  trackingSheet([
    row(1, "任务一", "区发改局", "已完成"),
    row(2, "任务二", "区发改局、区财政局", "序时推进"),
    row(3, "任务三", "区财政局", "未完成", { reason: "资金未到位", next: "加快拨付" }),
    row(4, "任务四", "区住建局", "未完成", { next: "推进" }),
    row(5, "任务五", "区住建局", "待确定", { reason: "数据待反馈" }),
    row(6, "任务六", "区住建局", "序时推进"),
  ]),
);
const analysis = analyse(grid, { today: "2025-10-29", settings: { decimals: 1 } });

describe("statistics for the pane", () => {
  it("lists every category in the notice's order with count and share", () => {
    const rows = categoryRows(analysis.statistics, ZH_CN);
    expect(rows.map((r) => [r.label, r.count, r.share])).toEqual([
      ["已完成", 1, "16.7%"],
      ["序时推进", 2, "33.3%"],
      ["未完成", 2, "33.3%"],
      ["暂不实施", 0, "0.0%"],
      ["待确定", 1, "16.7%"],
    ]);
    const sum = rows.reduce((n, r) => n + Number(r.share.replace("%", "")), 0);
    expect(sum).toBeCloseTo(100, 6);
    expect(categoryRows(analysis.statistics, EN_US)[2]!.label).toBe("Missed");
  });

  it("gives the total share with the same decimals, 0 when there are no tasks", () => {
    expect(totalShare(analysis.statistics)).toBe("100.0%");
    expect(totalShare(computeStatistics([], 2))).toBe("0.00%");
    expect(totalShare(computeStatistics([], 0))).toBe("0%");
  });

  it("counts per lead department in category order, most missed first", () => {
    const rows = departmentRows(analysis.statistics);
    expect(rows[0]).toEqual({ department: "区住建局", total: 3, counts: [0, 1, 1, 0, 1] });
    const finance = rows.find((r) => r.department === "区财政局")!;
    expect(finance).toEqual({ department: "区财政局", total: 2, counts: [0, 1, 1, 0, 0] });
    // A task with two lead departments counts for each.
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(7);
  });
});

describe("table location", () => {
  it("names header rows and the data range as Excel does", () => {
    expect(headerRowsText(analysis.table, "zh-CN")).toBe("2");
    expect(headerRowsText({ ...analysis.table, headerRows: [2, 3] }, "zh-CN")).toBe("3、4");
    expect(headerRowsText({ ...analysis.table, headerRows: [2, 3] }, "en-US")).toBe("3, 4");
    expect(dataRangeText(analysis.table)).toBe("A3:H8");
  });

  it("offers column letters up to the table's last column", () => {
    expect(columnLetters(2)).toEqual(["A", "B", "C"]);
    expect(columnLetters(2, 5)).toEqual(["A", "B", "C", "D", "E"]);
    expect(columnLetters(27).slice(-2)).toEqual(["AA", "AB"]);
  });
});

describe("problems", () => {
  const issue = (p: Partial<Issue>): Issue => ({
    code: "missing-reason",
    severity: "warning",
    cell: null,
    sheet: "调度表",
    row: null,
    col: null,
    message: "…",
    ...p,
  });

  it("finds the cell to select from the position or the sheet-qualified address", () => {
    expect(issueTarget(issue({ row: 17, col: 6, cell: "调度表!G18" }))).toEqual({ sheet: "调度表", address: "G18" });
    expect(issueTarget(issue({ cell: "'三季度 调度表'!F35", sheet: "三季度 调度表" }))).toEqual({ sheet: "三季度 调度表", address: "F35" });
    expect(issueTarget(issue({ code: "unknown-period", severity: "info" }))).toBeNull();
    expect(issueLocation(issue({ row: 17, col: 6 }))).toBe("G18");
    expect(issueLocation(issue({}))).toBe("调度表");
  });

  it("counts by severity and lists the most severe first, keeping the sheet order within a severity", () => {
    const list = [
      issue({ severity: "info", message: "i" }),
      issue({ severity: "warning", message: "w1" }),
      issue({ severity: "error", message: "e" }),
      issue({ severity: "warning", message: "w2" }),
    ];
    expect(severityCounts(list)).toEqual({ error: 1, warning: 2, info: 1 });
    expect(sortIssues(list).map((i) => i.message)).toEqual(["e", "w1", "w2", "i"]);
    expect(list[0]!.message).toBe("i"); // not sorted in place
  });

  it("finds the sample sheet's missing reason at its cell", () => {
    const missing = analysis.issues.find((i) => i.code === "missing-reason");
    expect(missing && issueTarget(missing)).toEqual({ sheet: "调度表", address: "G6" });
  });
});

describe("todayIso", () => {
  it("gives the local date as YYYY-MM-DD", () => {
    expect(todayIso(new Date(2025, 9, 29, 23, 59))).toBe("2025-10-29");
    expect(todayIso(new Date(2026, 0, 5, 0, 0))).toBe("2026-01-05");
  });
});
