import { describe, expect, it } from "vitest";
import { analyse, prepareNotice, type CellStyle } from "../../src/core";
import { MAX_ROW_HEIGHT, columnWidthForMm, paragraphRows } from "../../src/core/layout/notice-sheet";
import { wrapLines, textWidth } from "../../src/core/layout/text-measure";
import { planHighlight, rowRanges } from "../../src/core/layout/highlight";
import { book, row, trackingSheet } from "../helpers/grid";

const today = "2025-10-29";
const body: CellStyle = { font: { name: "仿宋_GB2312", size: 16 }, horizontal: "justify", vertical: "top", wrap: true };

describe("laying out the notice sheet", () => {
  const rows = [
    row(1, "甲。", "区发改局", "序时推进"),
    row(2, "乙".repeat(30), "区发改局", "未完成", { reason: "原因".repeat(400), next: "=SUM(A1)" }),
  ];
  const job = prepareNotice(book(trackingSheet(rows)), { today, settings: { date: "2025-10-29" } });
  const plan = job.noticeSheet;
  const texts = plan.blocks.flatMap((b) => b.texts.map((t) => t[0]!));

  it("sets A4 portrait with the GB/T 9704 margins and prints just the text column", () => {
    expect(plan.pageSetup).toMatchObject({ paperSize: "A4", orientation: "portrait", fitToPagesWide: 1 });
    expect(plan.pageSetup.margins.top * 25.4).toBeCloseTo(37, 1);
    expect(plan.pageSetup.margins.left * 25.4).toBeCloseTo(28, 1);
    expect(plan.pageSetup.printArea).toEqual({ row: 0, col: 0, rowCount: texts.length, colCount: 1 });
    expect(plan.columnWidths[0]).toBeCloseTo(columnWidthForMm(156), 5);
  });

  it("uses the title, body and heading fonts of GB/T 9704", () => {
    const fontOf = (prefix: string) => plan.blocks.find((b) => b.texts.some((t) => t[0]!.startsWith(prefix)))!.style.font;
    expect(fontOf(job.notice.title)).toEqual({ name: "方正小标宋简体", size: 22 });
    expect(fontOf("\u3000\u3000一、")).toEqual({ name: "黑体", size: 16 });
    expect(fontOf("\u3000\u3000根据工作安排")).toEqual({ name: "仿宋_GB2312", size: 16 });
  });

  it("gives every row a height, none above Excel's limit, splitting a long paragraph", () => {
    expect(plan.rowHeights.map((h) => h.row)).toEqual(texts.map((_, i) => i));
    for (const h of plan.rowHeights) expect(h.height).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    const reasonRows = texts.filter((t) => t.includes("原因原因"));
    expect(reasonRows.length).toBeGreaterThan(1);
    expect(reasonRows.join("")).toBe("\u3000\u3000未完成原因：" + "原因".repeat(400) + "。");
  });

  it("keeps formula-looking text as text in the plan", () => {
    expect(texts).toContain("\u3000\u3000下一步工作：=SUM(A1)");
  });

  it("grows the row height with the text", () => {
    const short = paragraphRows("短句。", body, 83)[0]!.height;
    const long = paragraphRows("长".repeat(100), body, 83)[0]!.height;
    expect(long).toBeGreaterThan(short * 3);
  });

  it("wraps CJK text by width, ASCII at half width", () => {
    expect(wrapLines("一二三四五六", 4)).toEqual(["一二三四", "五六"]);
    expect(textWidth("ab一")).toBe(2);
    expect(wrapLines("", 4)).toEqual([""]);
  });

  it("never starts a line with closing punctuation", () => {
    expect(wrapLines("一二三，四五", 3)).toEqual(["一二", "三，四", "五"]);
    expect(wrapLines("一二三四。", 4)).toEqual(["一二三", "四。"]);
  });
});

describe("planning the highlights", () => {
  it("joins consecutive rows and spans the table's columns", () => {
    expect(rowRanges([5, 3, 4, 9], 0, 8)).toEqual([
      { row: 3, col: 0, rowCount: 3, colCount: 8 },
      { row: 9, col: 0, rowCount: 1, colCount: 8 },
    ]);
  });

  it("marks exactly the missed tasks with a rule that carries the marker", () => {
    const a = analyse(book(trackingSheet([row(1, "甲", "区发改局", "滞后"), row(2, "乙", "区发改局", "序时推进"), row(3, "丙", "区发改局", "未完成")])), { today });
    const plan = planHighlight(a.table, a.tasks);
    expect(plan.ranges.map((r) => r.row)).toEqual([2, 4]);
    expect(plan.formula).toContain(plan.marker);
  });
});
