import { describe, expect, it } from "vitest";
import { analyse } from "../../src/core";
import { book, row, sheet, trackingSheet } from "../helpers/grid";

const today = "2025-10-29";
const issuesOf = (rows: Parameters<typeof trackingSheet>[0], name = "三季度调度表") =>
  analyse(book(trackingSheet(rows, name)), { today }).issues;

describe("checking the departments' rows", () => {
  it("reports nothing for a clean sheet", () => {
    expect(issuesOf([row(1, "甲", "区发改局", "序时推进"), row(2, "乙", "区财政局", "未完成", { reason: "资金未到位", next: "争取资金" })])).toEqual([]);
  });

  it("reports an unknown status at its cell and leaves it out of the counts", () => {
    const result = analyse(book(trackingSheet([row(1, "甲", "区发改局", "基本完成"), row(2, "乙", "区发改局", "序时推进")], "三季度调度表")), { today });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "unknown-status", severity: "error", cell: "三季度调度表!F3", message: expect.stringContaining("“基本完成”") }),
    ]);
    expect(result.statistics.total).toBe(1);
  });

  it("reports an empty status, empty task text and empty lead", () => {
    const issues = issuesOf([row(1, "", "", "")]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["empty-task", "三季度调度表!B3"],
      ["empty-lead", "三季度调度表!C3"],
      ["empty-status", "三季度调度表!F3"],
    ]);
  });

  it("asks for reasons of missed, suspended and pending tasks, and next steps of missed ones", () => {
    const issues = issuesOf([row(1, "甲", "区发改局", "滞后"), row(2, "乙", "区发改局", "暂不实施", { reason: "政策调整" }), row(3, "丙", "区发改局", "待定")]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["missing-reason", "三季度调度表!G3"],
      ["missing-next-steps", "三季度调度表!H3"],
      ["missing-reason", "三季度调度表!G5"],
    ]);
    expect(issues[0]!.message).toBe("第1项状态为“未完成”，但未填写原因。");
  });

  it("reports duplicate and missing task numbers", () => {
    const issues = issuesOf([row(1, "甲", "区发改局", "序时推进"), row(4, "丙", "区发改局", "序时推进"), row(1, "乙", "区发改局", "序时推进"), row(6, "丁", "区发改局", "序时推进")]);
    expect(issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ["missing-number", "三季度调度表!A4", "序号不连续：缺少第2项至第3项。"],
      ["duplicate-number", "三季度调度表!A5", "第1项重复：第3行和第5行都是第1项，通报中按行区分。"],
      ["missing-number", "三季度调度表!A6", "序号不连续：缺少第5项。"],
    ]);
  });

  it("reports a number it cannot read", () => {
    expect(issuesOf([row("一.1", "甲", "区发改局", "序时推进")]).map((i) => i.code)).toEqual(["unparsed-number"]);
  });

  it("says which columns are missing", () => {
    const s = sheet("表", [["序号", "重点工作任务", "完成状态"], [1, "甲", "序时推进"]]);
    const codes = analyse(book(s), { today }).issues.map((i) => i.message);
    expect(codes).toEqual(expect.arrayContaining([expect.stringContaining("“牵头部门”列"), expect.stringContaining("“未完成原因”列")]));
  });

  it("notes a sheet whose quarter it cannot tell", () => {
    const s = sheet("Sheet1", [["重点工作任务调度表"], ["序号", "重点工作任务", "牵头部门", "季度目标任务", "进展情况", "完成状态", "未完成原因", "下一步工作"], row(1, "甲", "区发改局", "序时推进")]);
    const result = analyse(book(s), { today });
    expect(result.issues.map((i) => i.code)).toEqual(["unknown-period"]);
    expect(result.period).toEqual({ year: null, quarter: null, source: "none" });
    expect(analyse(book(s), { today, settings: { quarter: 2, year: 2026 } }).period).toEqual({ year: 2026, quarter: 2, source: "option" });
  });
});
