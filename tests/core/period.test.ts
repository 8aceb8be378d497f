import { describe, expect, it } from "vitest";
import { PREVIOUS_PERIOD, findPeriod, parseQuarter, parseYear } from "../../src/core/period";
import { findTable, findTableInSheet } from "../../src/core/table";
import { book, sheet } from "../helpers/grid";

describe("periods as offices write them", () => {
  it("reads quarters, cumulative periods and half years", () => {
    const cases: [string, number | null][] = [
      ["三季度", 3],
      ["第一季度", 1],
      ["1季度", 1],
      ["Q2", 2],
      ["q4进展", 4],
      ["一至三季度", 3],
      ["1-3季度", 3],
      ["前三季度", 3],
      ["1-9月", 3],
      ["1—6月份", 2],
      ["上半年", 2],
      ["全年", 4],
      ["四季度", 4],
      ["全年目标", null],
      ["季度目标任务", null],
      ["2025年10月29日", null],
      ["SQ5", null],
    ];
    expect(cases.map(([t]) => parseQuarter(t))).toEqual(cases.map(([, q]) => q));
  });

  it("takes the period words out of a header", () => {
    expect(findPeriod("三季度进展情况")).toEqual({ quarter: 3, rest: "进展情况" });
    expect(findPeriod("Q1状态")).toEqual({ quarter: 1, rest: "状态" });
    expect(findPeriod("上季度完成状态")).toEqual({ quarter: PREVIOUS_PERIOD, rest: "完成状态" });
    expect(parseQuarter("上季度完成状态")).toBeNull();
  });

  it("reads years", () => {
    expect([parseYear("2025年三季度"), parseYear("台账2024"), parseYear("无")]).toEqual([2025, 2024, null]);
  });

  it("reads a year written short with the period words (24年一季度, 24年Q1) or in Chinese numerals", () => {
    expect([parseYear("24年一季度"), parseYear("23年第四季度调度表"), parseYear("２４年Ｑ１"), parseYear("25年1-9月")]).toEqual([2024, 2023, 2024, 2025]);
    expect([parseYear("二〇二四年一季度"), parseYear("二零二三年重点工作")]).toEqual([2024, 2023]);
    // Two digits before 年 are a year only next to a period word: 近10年, 15年以上 are not.
    expect([parseYear("近10年一般任务"), parseYear("15年以上"), parseYear("三季度")]).toEqual([null, null, null]);
  });
});

const LEDGER_HEADER = ["序号", "重点工作任务", "牵头部门", "一季度进展", "一季度状态", "二季度进展", "二季度状态", "三季度进展", "三季度状态"];

describe("columns of a yearly ledger", () => {
  const ledger = (rows: (string | number | null)[][], title = "2025年重点工作任务台账") => sheet("台账", [[title], LEDGER_HEADER, ...rows]);

  it("takes the latest quarter whose status column has entries", () => {
    const t = findTableInSheet(ledger([[1, "甲", "区发改局", "a", "序时推进", "b", "未完成", null, null]]))!;
    expect(t.period).toEqual({ year: 2025, quarter: 2, source: "latest" });
    expect(t.mapping).toMatchObject({ progress: 5, status: 6 });
    expect(t.statusPeriods).toEqual([1, 2, 3]);
  });

  it("prefers the option, then the title", () => {
    const rows = [[1, "甲", "区发改局", "a", "序时推进", "b", "未完成", "c", "已完成"]];
    expect(findTableInSheet(ledger(rows), { quarter: 1 })!.mapping).toMatchObject({ progress: 3, status: 4 });
    const titled = findTableInSheet(ledger(rows, "2025年重点工作任务二季度台账"))!;
    expect(titled.period.source).toBe("title");
    expect(titled.mapping.status).toBe(6);
  });

  it("reads quarter group cells over a two-row header", () => {
    const s = sheet(
      "台账",
      [
        ["序号", "重点工作任务", "牵头部门", "第一季度", null, "第二季度", null],
        [null, null, null, "目标任务", "完成状态", "目标任务", "完成状态"],
        [1, "甲", "区发改局", "t1", "序时推进", "t2", "未完成"],
      ],
      ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"],
    );
    const t = findTableInSheet(s)!;
    expect(t.headerRows).toEqual([0, 1]);
    expect(t.mapping).toMatchObject({ task: 1, quarterTarget: 5, status: 6 });
  });

  it("never lets a hidden column win over a visible one of the same field", () => {
    const s = { ...sheet("表", [["序号", "重点工作任务", "完成状态", "完成状态"], [1, "甲", "序时推进", "未完成"]]), hiddenColumns: [2] };
    expect(findTableInSheet(s)!.mapping.status).toBe(3);
    expect(findTableInSheet({ ...s, hiddenColumns: [3] })!.mapping.status).toBe(2);
  });

  it("picks the latest quarter's sheet among quarter sheets, or the one asked for", () => {
    const quarterSheet = (name: string) => sheet(name, [["序号", "重点工作任务", "完成状态"], [1, "甲", "序时推进"], [2, "乙", "未完成"]]);
    const wb = book(quarterSheet("三季度"), quarterSheet("一季度"), quarterSheet("二季度"));
    expect(findTable(wb)!.sheet).toBe("三季度");
    expect(findTable(wb, { quarter: 2 })!.sheet).toBe("二季度");
  });
});
