import { describe, expect, it } from "vitest";
import { analyse, type Comparison, type Issue } from "../../src/core";
import { computeStatistics } from "../../src/core/statistics";
import {
  categoryRows,
  changeText,
  columnLetters,
  comparisonText,
  countsText,
  dataRangeText,
  headerRowsText,
  issueLocation,
  issueTarget,
  severityCounts,
  sortIssues,
  taskTarget,
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

  it("names every count of a department in the notice's order, and its change as a signed number", () => {
    const housing = analysis.departments.find((d) => d.name === "区住建局")!;
    expect(countsText(housing.counts, ZH_CN)).toBe("已完成0，序时推进1，未完成1，暂不实施0，待确定1");
    expect(countsText(housing.counts, EN_US)).toBe("Completed 0, On track 1, Missed 1, Suspended 0, Pending 1");
    expect([changeText(2), changeText(-1), changeText(0), changeText(null)]).toEqual(["+2", "-1", "0", ""]);
  });
});

describe("the comparison with the previous quarter", () => {
  const comparison = (p: Partial<Comparison> = {}): Comparison => ({
    previous: { year: 2025, quarter: 2, source: "columns", sheet: "调度表" },
    stillMissed: ["3", "4"],
    newlyMissed: ["5", "6", "7"],
    resolved: ["8", "9", "10", "11"],
    newlySuspended: ["12"],
    unchanged: [],
    unmatched: [],
    previousTasks: [],
    ...p,
  });
  const q3 = { year: 2025, quarter: 3 };

  it("counts each class against the previous quarter and names where it was found", () => {
    expect(comparisonText(comparison(), q3, ZH_CN)).toBe("与二季度相比：连续两个季度未完成2项，新增未完成3项，已解决4项，新增暂不实施1项（取自本表二季度的列）。");
    expect(comparisonText(comparison(), q3, EN_US)).toBe(
      "Compared with Q2: missed two quarters running 2, newly missed 3, resolved 4, newly suspended 1 (from the Q2 columns of this sheet).",
    );
    const sheet = comparison({ previous: { year: 2025, quarter: 2, source: "sheet", sheet: "二季度调度表" }, unmatched: ["13", "14"] });
    expect(comparisonText(sheet, q3, ZH_CN)).toBe(
      "与二季度相比：连续两个季度未完成2项，新增未完成3项，已解决4项，新增暂不实施1项；另有2项任务在上季度中找不到对应，未计入对比（取自工作表“二季度调度表”）。",
    );
  });

  it("names the year only when the previous quarter is in another year", () => {
    const q4 = comparison({ previous: { year: 2024, quarter: 4, source: "file", sheet: "四季度调度表" } });
    expect(comparisonText(q4, { year: 2025, quarter: 1 }, ZH_CN)).toMatch(/^与2024年四季度相比：.*（取自另一工作簿的“四季度调度表”）。$/);
    expect(comparisonText(q4, { year: 2025, quarter: 1 }, EN_US)).toMatch(/^Compared with Q4 2024: /);
    expect(comparisonText(comparison({ previous: { year: null, quarter: null, source: "sheet", sheet: "上期" } }), q3, ZH_CN)).toMatch(/^与上季度相比：/);
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

  it("selects a task at its status cell", () => {
    const task = analysis.tasks.find((t) => t.id === "4")!;
    expect(taskTarget(task, analysis.table)).toEqual({ sheet: "调度表", address: "F6" });
    expect(taskTarget(task, { ...analysis.table, mapping: {}, firstCol: 1 })).toEqual({ sheet: "调度表", address: "B6" });
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
