/**
 * The tool sheets are written in pieces as the package is written, never
 * held whole: the notice of 100,000 tasks is tens of megabytes of XML.
 */
import { describe, expect, it } from "vitest";
import type { CellStyle, SheetPlan } from "../src/core";
import { toolSheetXml, type SheetStyles } from "../src/hosts/xlsx-package/tool-sheet";
import { memorySink, ZipReader, ZipWriter } from "../src/hosts/xlsx-package/zip";
import { handMadeDepartmentSheet } from "./fixtures/department-plan";

const body: CellStyle = { font: { name: "仿宋_GB2312", size: 16 }, horizontal: "left", vertical: "center", wrap: false };
const title: CellStyle = { ...body, font: { name: "方正小标宋简体", size: 22 }, horizontal: "center" };

/** A notice-like plan: a title row, then `lines` rows of text. */
function longPlan(lines: number): SheetPlan {
  return {
    name: "三季度督查通报",
    columnWidths: [80, 12],
    hiddenColumns: [1],
    blocks: [
      { row: 0, col: 0, texts: [["关于重点工作任务进展情况的督查通报"]], style: title },
      { row: 1, col: 0, texts: Array.from({ length: lines }, (_, i) => [`第${i + 1}行：区发改局牵头的任务未完成季度目标，原因 <说明> & “下一步”。`]), style: body },
    ],
    merges: [],
    rowHeights: Array.from({ length: lines + 1 }, (_, row) => ({ row, height: 28.5 })),
    pageSetup: {
      paperSize: "A4",
      orientation: "portrait",
      margins: { top: 1.4567, bottom: 1.3780, left: 1.1024, right: 1.0236, header: 0.5906, footer: 0.2756 },
      centerHorizontally: false,
      fitToPagesWide: 1,
      centerFooter: "&P",
      printArea: { row: 0, col: 0, rowCount: lines + 1, colCount: 1 },
    },
    showGridlines: false,
    marker: { row: 0, col: 1, text: "supervision-notice:notice-sheet" },
  };
}

/** Styles that count the calls and number the styles in the order first asked. */
function countingStyles() {
  const ids = new Map<string, number>();
  const calls: string[] = [];
  const id = (key: string) => {
    calls.push(key);
    if (!ids.has(key)) ids.set(key, 100 + ids.size);
    return ids.get(key)!;
  };
  const styles: SheetStyles = {
    cellStyle: (s) => id(`cell ${s.font.name}`),
    numberStyle: (s, f) => id(`number ${s.font.name} ${f}`),
    textStyle: () => id("text"),
  };
  return { styles, calls };
}

describe("the tool sheet part", () => {
  it("takes its styles when planned, and makes its text only when written, in pieces of about 64 K characters", () => {
    const { styles, calls } = countingStyles();
    const make = toolSheetXml(longPlan(20_000), styles);
    expect(calls).toEqual(["cell 方正小标宋简体", "cell 仿宋_GB2312", "text"]);
    const pieces = [...make()];
    expect(calls).toHaveLength(3);
    expect(pieces.length).toBeGreaterThan(20);
    for (const piece of pieces) expect(piece.length).toBeLessThan(64 * 1024 + 1024);
    const xml = pieces.join("");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(xml.endsWith("</worksheet>")).toBe(true);
    expect(xml.match(/<row /g)).toHaveLength(20_001);
    expect(xml).toContain('<c r="A20001" s="101" t="inlineStr"><is><t xml:space="preserve">第20000行：区发改局牵头的任务未完成季度目标，原因 &lt;说明&gt; &amp; “下一步”。</t></is></c>');
    expect(xml).toContain('<c r="B1" s="102" t="inlineStr"><is><t xml:space="preserve">supervision-notice:notice-sheet</t></is></c>');
    // Made again, the same text.
    expect([...make()].join("")).toBe(xml);
  });

  it("takes a sheet's number styles with its text styles when planned", () => {
    const { styles, calls } = countingStyles();
    const plan = handMadeDepartmentSheet();
    const make = toolSheetXml(plan, styles);
    const asked = [...calls];
    expect(asked).toContain("number 宋体 0.00");
    const xml = [...make()].join("");
    expect(calls).toEqual(asked);
    expect(xml).toMatch(/<c r="E3" s="\d+"><v>100<\/v><\/c>/);
  });

  it("goes into the package as UTF-8, whole, its CRC and size right", async () => {
    const { styles } = countingStyles();
    const make = toolSheetXml(longPlan(5_000), styles);
    const sink = memorySink();
    const writer = new ZipWriter(sink);
    await writer.addText("xl/worksheets/sheet9.xml", make);
    await writer.addText("xl/small.xml", "<a>短</a>");
    await writer.finish();
    const zip = new ZipReader(sink.bytes());
    expect(zip.read(zip.get("xl/worksheets/sheet9.xml")!).toString("utf8")).toBe([...make()].join(""));
    expect(zip.read(zip.get("xl/small.xml")!).toString("utf8")).toBe("<a>短</a>");
  });
});
