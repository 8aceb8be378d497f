import { describe, expect, it } from "vitest";
import { analyse, GBT9704, layoutPages, prepareNotice } from "../../src/core";
import { LINE_ROW_HEIGHT, PRINT_SCALE, TEXT_COLUMN_TEXT_PT, columnWidthForPixels, TEXT_COLUMN_PX } from "../../src/core/layout/notice-sheet";
import { textWidth } from "../../src/core/layout/text-measure";
import { planHighlight, rowRanges } from "../../src/core/layout/highlight";
import { book, row, trackingSheet } from "../helpers/grid";

const today = "2025-10-29";
const MM = 72 / 25.4;

describe("laying out the notice sheet", () => {
  const rows = [
    row(1, "甲。", "区发改局", "序时推进"),
    row(2, "乙".repeat(30), "区发改局", "未完成", { reason: "原因".repeat(400), next: "=SUM(A1)" }),
  ];
  const job = prepareNotice(book(trackingSheet(rows)), { today, settings: { date: "2025-10-29" } });
  const plan = job.noticeSheet;
  const texts = plan.blocks.flatMap((b) => b.texts.map((t) => t[0]!));
  const paged = layoutPages(job.notice);

  it("sets A4 portrait with the GB/T 9704 margins, prints just the text column at 97 %", () => {
    expect(plan.pageSetup).toMatchObject({ paperSize: "A4", orientation: "portrait", scale: PRINT_SCALE, firstPageNumber: 1 });
    expect(plan.pageSetup.margins.top * 25.4).toBeCloseTo(37, 1);
    expect(plan.pageSetup.margins.bottom * 25.4).toBeCloseTo(35, 1);
    expect(plan.pageSetup.margins.left * 25.4).toBeCloseTo(28, 1);
    expect(plan.pageSetup.margins.right * 25.4).toBeCloseTo(26, 1);
    expect(plan.pageSetup.printArea).toEqual({ row: 0, col: 0, rowCount: texts.length, colCount: 1 });
    expect(plan.columnWidths[0]).toBe(columnWidthForPixels(TEXT_COLUMN_PX));
  });

  it("prints the text column as wide as the 156 mm text block, and 28 characters of 16 pt fit in it", () => {
    const printedMm = ((TEXT_COLUMN_PX * 0.75 * PRINT_SCALE) / 100) / MM;
    expect(printedMm).toBeLessThanOrEqual(156);
    expect(printedMm).toBeGreaterThan(155.5);
    expect(TEXT_COLUMN_TEXT_PT).toBeGreaterThanOrEqual(GBT9704.charsPerLine * GBT9704.body.size);
  });

  it("makes every printed line one row of one height: 22 fit the 225 mm block, 23 do not", () => {
    expect(texts.length).toBe(paged.lines.length);
    expect(plan.rowHeights.map((h) => h.row)).toEqual(texts.map((_, i) => i));
    for (const h of plan.rowHeights) expect(h.height).toBe(LINE_ROW_HEIGHT);
    // Whole pixels, as Excel keeps row heights.
    expect((LINE_ROW_HEIGHT / 0.75) % 1).toBe(0);
    const printed = (n: number) => (n * LINE_ROW_HEIGHT * PRINT_SCALE) / 100;
    expect(printed(22)).toBeLessThanOrEqual(225 * MM);
    expect(printed(23)).toBeGreaterThan(225 * MM);
  });

  it("never wraps a cell: the core broke the lines, none wider than 28 characters", () => {
    for (const b of plan.blocks) expect(b.style.wrap).toBe(false);
    for (const line of paged.lines) {
      if (line.style === "title") expect(textWidth(line.text)).toBeLessThanOrEqual(20);
      else expect(line.indent + textWidth(line.text)).toBeLessThanOrEqual(28);
    }
    const reasonRows = texts.filter((t) => t.includes("原因原因"));
    expect(reasonRows.length).toBeGreaterThan(20);
    expect(reasonRows.join("")).toBe("\u3000\u3000未完成原因：" + "原因".repeat(400) + "。");
  });

  it("uses the title, body and heading fonts of GB/T 9704", () => {
    const fontOf = (prefix: string) => plan.blocks.find((b) => b.texts.some((t) => t[0]!.startsWith(prefix)))!.style.font;
    expect(fontOf(texts[0]!)).toEqual({ name: "方正小标宋简体", size: 22 });
    expect(fontOf("\u3000\u3000一、")).toEqual({ name: "黑体", size: 16 });
    expect(fontOf("\u3000\u3000根据工作安排")).toEqual({ name: "仿宋_GB2312", size: 16 });
  });

  it("puts page numbers right on odd pages and left on even pages, one character in, 14 pt 宋体", () => {
    const f = plan.pageSetup.oddEvenFooters!;
    expect(f.odd).toEqual({ left: "", center: "", right: '&"宋体,Regular"&14— &P —\u3000' });
    expect(f.even).toEqual({ left: '&"宋体,Regular"&14\u3000— &P —', center: "", right: "" });
    // The page number's middle 7 mm below the text block: the footer's line ends about 3 mm lower.
    const footerMm = plan.pageSetup.margins.footer * 25.4;
    expect(35 - footerMm).toBeGreaterThan(7);
    expect(35 - footerMm).toBeLessThan(11);
  });

  it("keeps formula-looking text as text in the plan", () => {
    expect(texts).toContain("\u3000\u3000下一步工作：=SUM(A1)");
  });

  it("sets the issuer two characters from the right, the date two characters right of the issuer", () => {
    const issuer = texts.find((t) => t.endsWith("区人民政府办公室"))!;
    expect(issuer).toBe("\u3000".repeat(28 - 2 - 8) + "区人民政府办公室");
    const date = texts[texts.length - 1]!;
    expect(date).toBe("\u3000".repeat(28 - 2 - 8 + 2) + "2025年10月29日");
    // One blank line between the text and the issuer.
    expect(texts[texts.length - 3]).toBe("");
    expect(texts[texts.length - 4]).not.toBe("");
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
